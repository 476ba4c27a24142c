import {execFile} from 'node:child_process'
import {EnvironmentError, InvalidImageError, sanitizeForDisplay} from '../../errors.js'

/**
 * Saves `name` from podman's local store as an OCI archive at `target` (a path inside the private
 * work directory that does not exist yet), with `podman image save --format oci-archive`.
 *
 * `name` has passed the docker reference grammar (it cannot start with `-`), and it is passed
 * after `--` in an argv array, never through a shell. Podman runs with the caller's environment
 * reduced to PATH, HOME and the containers/XDG variables podman needs to find its store.
 * @throws EnvironmentError when podman cannot be run; InvalidImageError when it has no such image.
 */
export async function saveFromPodman(
  name: string,
  target: string,
  options: {podmanPath?: string; env?: Record<string, string>; signal?: AbortSignal; label: string}
): Promise<void> {
  const podman = options.podmanPath ?? 'podman'
  const args = ['image', 'save', '--format', 'oci-archive', '--output', target, '--', name]
  await new Promise<void>((resolve, reject) => {
    execFile(
      podman,
      args,
      {
        env: options.env ?? {PATH: '/usr/local/bin:/usr/bin:/bin'},
        signal: options.signal,
        maxBuffer: 1024 * 1024,
        encoding: 'utf8'
      },
      (error, _stdout, stderr) => {
        if (!error) return resolve()
        if (options.signal?.aborted) return reject(options.signal.reason)
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOENT' || code === 'EACCES') {
          return reject(
            new EnvironmentError(`${options.label}: cannot run podman (${podman}): ${code}`, {
              cause: error
            })
          )
        }
        const detail = sanitizeForDisplay(stderr.trim().split('\n').pop() ?? '', 300)
        reject(
          new InvalidImageError(
            /image not known|no such image|not found|unable to find/i.test(stderr)
              ? `${options.label}: podman's store has no image ${sanitizeForDisplay(name)} (${detail})`
              : `${options.label}: podman image save failed: ${detail}`,
            name,
            {cause: error}
          )
        )
      }
    )
  })
}
