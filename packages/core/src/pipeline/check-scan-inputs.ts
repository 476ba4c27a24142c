/**
 * Checks of the files a scan will read, done before the image is extracted (issue 17): a bad
 * `--content`, `--tailoring`, `--dockerfile` or local `--feed` costs seconds, not a full layer
 * extraction followed by a misleading profile error. Each check goes through `readUserFile`
 * (docs/input-files.md) and looks only at what it must: the root element for SCAP files, the type
 * and size for the rest. Messages say what the file is and what was expected, never its text.
 */
import {lstat, stat} from 'node:fs/promises'
import {dirname, resolve} from 'node:path'
import {
  dataStreamNamespace,
  describeRoot,
  readXmlHead,
  xccdfNamespaces,
  type XmlHead
} from '../content/scap-root.js'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {
  checkUserFile,
  readUserFileHead,
  userFileError,
  type UserFileOrigin,
  type UserFileRequest
} from '../io/read-user-file.js'

/** Where the paths came from, and the workspace they are checked against. */
export interface InputSource {
  origin: UserFileOrigin
  workspace: string
  /** For messages when the paths came from a policy (`images[0].content in scapgate.yml`). */
  via?: string
}

export interface ScanInputs {
  content?: string
  tailoring?: string
  dockerfile?: string
  /** A local feed; URLs are skipped. */
  feed?: string
}

/** Enough for the XML declaration, a licence comment and the root start tag. */
const headBytes = 64 * 1024

function describeHead(head: XmlHead): string {
  switch (head.kind) {
    case 'compressed':
      return 'a compressed file (decompress it first)'
    case 'utf16':
      return 'UTF-16 text (convert it to UTF-8)'
    case 'doctype':
      return 'a <!DOCTYPE> declaration (SCAP content never needs one; entities could read other files)'
    case 'not-xml':
      return 'a file that is not XML'
    case 'no-root':
      return `XML without a root element in its first ${headBytes / 1024} KiB`
    case 'root':
      return `XML whose root element is ${describeRoot(head.root)}`
  }
}

async function checkXml(
  request: UserFileRequest,
  accept: (root: {name: string; namespace?: string}) => boolean
): Promise<void> {
  const head = readXmlHead(await readUserFileHead(request, headBytes))
  if (head.kind === 'root' && accept(head.root)) return
  const found =
    head.kind === 'root' && head.root.namespace !== undefined && accept({name: head.root.name})
      ? `${describeRoot(head.root)} in another namespace`
      : describeHead(head)
  throw userFileError(request, found, userFileKindsExpected[request.kind as 'content'])
}

const userFileKindsExpected = {
  content:
    'an SCAP source data stream (root element <data-stream-collection>) or an XCCDF benchmark',
  tailoring: 'an XCCDF tailoring file (root element <Tailoring>)'
}

/** `--content`: a data stream (or an XCCDF benchmark, which oscap also evaluates). */
export async function checkContentFile(path: string, from: InputSource): Promise<void> {
  await checkXml(
    {path, kind: 'content', ...from, ...(from.via === undefined ? {} : {flag: from.via})},
    root =>
      (root.name === 'data-stream-collection' &&
        (root.namespace === undefined || root.namespace === dataStreamNamespace)) ||
      (root.name === 'Benchmark' &&
        (root.namespace === undefined || xccdfNamespaces.includes(root.namespace)))
  )
}

/** `--tailoring`: an XCCDF `<Tailoring>`. */
export async function checkTailoringFile(path: string, from: InputSource): Promise<void> {
  await checkXml(
    {path, kind: 'tailoring', ...from, ...(from.via === undefined ? {} : {flag: from.via})},
    root =>
      root.name === 'Tailoring' &&
      (root.namespace === undefined || xccdfNamespaces.includes(root.namespace))
  )
}

/** Every file of a scan, in the order a user would fix them. */
export async function checkScanInputs(inputs: ScanInputs, from: InputSource): Promise<void> {
  const flag = from.via === undefined ? {} : {flag: from.via}
  if (inputs.content !== undefined) await checkContentFile(inputs.content, from)
  if (inputs.tailoring !== undefined) await checkTailoringFile(inputs.tailoring, from)
  if (inputs.dockerfile !== undefined)
    await checkUserFile({path: inputs.dockerfile, kind: 'dockerfile', ...from, ...flag})
  if (inputs.feed !== undefined && !/^https?:\/\//i.test(inputs.feed))
    await checkUserFile({path: inputs.feed, kind: 'feed', ...from, ...flag})
}

/**
 * `--out`: a directory, or a path that does not exist yet under a directory. A regular file there
 * is a configuration error (it used to surface as a raw `EEXIST` from mkdir, exit 3).
 */
export async function checkOutDir(path: string, display: string, flag = '--out'): Promise<void> {
  const shown = sanitizeForDisplay(display, 200)
  let at = resolve(path)
  for (;;) {
    const info = await lstat(at).catch(() => undefined)
    if (info !== undefined) {
      const target = info.isSymbolicLink() ? await stat(at).catch(() => undefined) : info
      if (target?.isDirectory() === true) return
      const what =
        target === undefined
          ? 'a symbolic link that leads nowhere'
          : target.isFile()
            ? 'a regular file'
            : 'something that is not a directory'
      throw new ConfigurationError(
        at === resolve(path)
          ? `Expected \`${flag}\` \`${shown}\` to be a directory (or a path that does not exist yet), found ${what}`
          : `Expected \`${flag}\` \`${shown}\` to be creatable as a directory, found ${what} at \`${sanitizeForDisplay(at, 200)}\``
      )
    }
    const parent = dirname(at)
    if (parent === at) return
    at = parent
  }
}
