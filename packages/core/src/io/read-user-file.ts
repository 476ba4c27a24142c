/**
 * The one way scapgate opens a file a user handed it: the policy, baselines, tailoring, content,
 * the Dockerfile, `--images`, an ARF for `report`, a local `--feed` (docs/input-files.md).
 *
 * Why: the workspace is controlled by whoever wrote the pull request, and scapgate often runs as
 * root with the job's secrets in its environment. A `scapgate.yml` that is a symbolic link to
 * `/proc/self/environ` or `/etc/shadow` must not be read, a FIFO must not block the job, and no
 * error message may carry a byte of what was read.
 *
 * Rules, by where the path came from ({@link UserFileOrigin}):
 * - `found`: scapgate found the file on its own (`scapgate.yml` in the workspace). It must not be
 *   a symbolic link at all.
 * - `workspace`: the path was written in a file inside the workspace (a path in `scapgate.yml`),
 *   or scapgate found it where links are common (`./Dockerfile`). It must lie in the workspace,
 *   and so must the file it resolves to.
 * - `command-line`: the pipeline author named it (a flag, an action input). A path inside the
 *   workspace must resolve inside the workspace (a link in the checkout cannot lead out); a path
 *   outside the workspace is the author's choice and may be a link.
 * Always: the file resolves to a regular file (never a FIFO, device, socket or directory, which are
 * refused from `lstat`/`stat` without being opened, so nothing blocks), not under `/proc` or
 * `/sys`, and no larger than the kind's cap, checked before reading and again while reading
 * (pseudo-files report size 0). The final open uses `O_NOFOLLOW | O_NONBLOCK` and `fstat` must
 * show the same regular file that was checked.
 *
 * Errors are {@link UserFileError}s (ConfigurationError: exit 2) naming the file, its kind, what
 * was expected and what was found, never where a link points and never any content.
 */
import {constants, type Stats} from 'node:fs'
import {lstat, open, realpath, stat} from 'node:fs/promises'
import {isAbsolute, relative, resolve, sep} from 'node:path'
import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import {userFileKinds, type UserFileKindName} from './user-file-kinds.js'

export type UserFileOrigin = 'found' | 'workspace' | 'command-line'

export interface UserFileRequest {
  /** Absolute, or relative to `workspace`. */
  path: string
  kind: UserFileKindName
  origin: UserFileOrigin
  /**
   * The repository checkout (the CLI's working directory, the action's workspace). Required for
   * `found` and `workspace`; without it a `command-line` path is only checked for its type and size
   * (for readers of a path that was already checked against the workspace, or that scapgate chose
   * itself, such as installed SCAP content).
   */
  workspace?: string
  /** The name for messages, as the user wrote it; default `path`. */
  display?: string
  /** Overrides the kind's cap. */
  maxBytes?: number
  /** Overrides the kind's flag in messages (`baseline:` in scapgate.yml). */
  flag?: string
}

/** A file that passed every check; `realPath` is what is opened. */
export interface CheckedUserFile {
  path: string
  realPath: string
  size: number
  info: Stats
}

/** A user-supplied file that scapgate refuses or cannot read. Exit 2. */
export class UserFileError extends ConfigurationError {
  constructor(
    /** As displayed (sanitised). */
    readonly file: string,
    readonly kind: UserFileKindName,
    message: string,
    options?: ErrorOptions
  ) {
    super(message, options)
    this.name = 'UserFileError'
    Object.setPrototypeOf(this, new.target.prototype)
  }
}

function describeNode(info: Stats): string {
  if (info.isDirectory()) return 'a directory'
  if (info.isFIFO()) return 'a named pipe (FIFO)'
  if (info.isCharacterDevice()) return 'a character device'
  if (info.isBlockDevice()) return 'a block device'
  if (info.isSocket()) return 'a socket'
  if (info.isSymbolicLink()) return 'a symbolic link'
  return 'something that is not a regular file'
}

function isInside(dir: string, path: string): boolean {
  const rel = relative(dir, path)
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
}

/**
 * The error for a user file that is not what it should be, worded as every other: "Expected the
 * <kind> `<name>` (<flag>) to be <expected>, found <found>". `found` must not quote the file.
 */
export function userFileError(
  request: Omit<UserFileRequest, 'workspace'>,
  found: string,
  expected = 'a regular file'
): UserFileError {
  const kind = userFileKinds[request.kind]
  const display = sanitizeForDisplay(request.display ?? request.path, 200)
  const flag = request.flag ?? (request.origin === 'found' ? 'found in the workspace' : kind.flag)
  return new UserFileError(
    display,
    request.kind,
    `Expected the ${kind.label} \`${display}\` (${flag}) to be ${expected}, found ${found}`
  )
}

function refuse(request: UserFileRequest, found: string, expected = 'a regular file'): never {
  throw userFileError(request, found, expected)
}

function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return 'nothing there'
    case 'EACCES':
    case 'EPERM':
      return 'a file it may not read (permission denied)'
    case 'ELOOP':
      return 'a loop of symbolic links'
    case 'ENAMETOOLONG':
      return 'a name that is too long'
    default:
      return `a file that cannot be read (${typeof code === 'string' ? code : 'I/O error'})`
  }
}

async function realWorkspace(workspace: string): Promise<string> {
  return realpath(workspace).catch(() => resolve(workspace))
}

/**
 * Applies every rule above without opening the file. Returns undefined only when `optional` and
 * nothing is at the path (an absent `scapgate.yml` or `./Dockerfile` is not an error).
 */
export async function checkUserFile(request: UserFileRequest): Promise<CheckedUserFile>
export async function checkUserFile(
  request: UserFileRequest & {optional?: boolean}
): Promise<CheckedUserFile | undefined>
export async function checkUserFile(
  request: UserFileRequest & {optional?: boolean}
): Promise<CheckedUserFile | undefined> {
  if (request.workspace === undefined && request.origin !== 'command-line') {
    throw new Error(`checkUserFile: a ${request.origin} file needs the workspace`)
  }
  const workspace = resolve(request.workspace ?? '/')
  const path = resolve(workspace, request.path)
  let link: Stats
  try {
    link = await lstat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (request.optional === true && (code === 'ENOENT' || code === 'ENOTDIR')) return undefined
    refuse(request, describeErrno(error))
  }
  if (request.origin === 'found' && link.isSymbolicLink()) {
    refuse(
      request,
      'a symbolic link (scapgate does not follow links for files it finds in the workspace on its own; name the file explicitly instead)'
    )
  }
  const workspaceReal = await realWorkspace(workspace)
  const lexicallyInside =
    request.workspace !== undefined && (isInside(workspace, path) || isInside(workspaceReal, path))
  if (request.origin === 'workspace' && !lexicallyInside) {
    refuse(
      request,
      'a path outside the workspace (paths written in workspace files must stay inside the workspace)',
      'a file in the workspace'
    )
  }
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    // A dangling link: say so without saying where it points.
    refuse(
      request,
      link.isSymbolicLink() ? 'a symbolic link that leads nowhere' : describeErrno(error)
    )
  }
  if ((request.origin !== 'command-line' || lexicallyInside) && !isInside(workspaceReal, real)) {
    refuse(
      request,
      link.isSymbolicLink()
        ? 'a symbolic link that leads outside the workspace'
        : 'a path through a linked directory that leads outside the workspace',
      'a file in the workspace'
    )
  }
  if (/^\/(proc|sys)(\/|$)/.test(real)) refuse(request, 'a kernel pseudo-file (/proc or /sys)')
  let info: Stats
  try {
    // `real` has no links left: this is the file itself. Nothing is opened yet, so a FIFO or a
    // device is refused here without blocking and without any side effect of opening it.
    info = await stat(real)
  } catch (error) {
    refuse(request, describeErrno(error))
  }
  if (!info.isFile()) refuse(request, describeNode(info))
  const maxBytes = request.maxBytes ?? userFileKinds[request.kind].maxBytes
  if (info.size > maxBytes) {
    refuse(request, `${info.size} bytes`, `at most ${maxBytes} bytes (${formatBytes(maxBytes)})`)
  }
  return {path, realPath: real, size: info.size, info}
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${bytes} bytes`
}

// libuv adds O_CLOEXEC itself.
const openFlags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK

/**
 * Checks (as {@link checkUserFile}) and reads the file, at most `limit` bytes (default: the cap;
 * more than the cap is an error, more than a smaller `limit` is cut off: for a cheap look at the
 * start of a large file).
 */
async function readChecked(
  request: UserFileRequest,
  checked: CheckedUserFile,
  limit?: number
): Promise<Buffer> {
  const maxBytes = request.maxBytes ?? userFileKinds[request.kind].maxBytes
  let handle
  try {
    handle = await open(checked.realPath, openFlags)
  } catch (error) {
    refuse(request, describeErrno(error))
  }
  try {
    const info = await handle.stat()
    if (!info.isFile() || info.ino !== checked.info.ino || info.dev !== checked.info.dev) {
      refuse(request, 'a file that changed while it was being opened')
    }
    const want = limit ?? maxBytes + 1
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, want - total))
      if (chunk.length === 0) break
      const {bytesRead} = await handle.read(chunk, 0, chunk.length, null)
      if (bytesRead === 0) break
      chunks.push(chunk.subarray(0, bytesRead))
      total += bytesRead
    }
    if (limit === undefined && total > maxBytes) {
      refuse(
        request,
        'more bytes than that',
        `at most ${maxBytes} bytes (${formatBytes(maxBytes)})`
      )
    }
    return Buffer.concat(chunks, total)
  } catch (error) {
    if (error instanceof UserFileError) throw error
    refuse(request, describeErrno(error))
  } finally {
    await handle.close().catch(() => undefined)
  }
}

/** The whole file, checked. */
export async function readUserFile(request: UserFileRequest): Promise<Buffer>
export async function readUserFile(
  request: UserFileRequest & {optional?: boolean}
): Promise<Buffer | undefined>
export async function readUserFile(
  request: UserFileRequest & {optional?: boolean}
): Promise<Buffer | undefined> {
  const checked = await checkUserFile(request)
  return checked === undefined ? undefined : readChecked(request, checked)
}

/** The whole file as UTF-8 text (invalid sequences become U+FFFD, as `readFile(…, 'utf8')`). */
export async function readUserText(request: UserFileRequest): Promise<string>
export async function readUserText(
  request: UserFileRequest & {optional?: boolean}
): Promise<string | undefined>
export async function readUserText(
  request: UserFileRequest & {optional?: boolean}
): Promise<string | undefined> {
  const bytes = await readUserFile(request)
  return bytes?.toString('utf8')
}

/** The first `bytes` bytes of the file, checked (the whole file must still be under the cap). */
export async function readUserFileHead(request: UserFileRequest, bytes: number): Promise<Buffer> {
  const checked = await checkUserFile(request)
  return readChecked(request, checked, bytes)
}
