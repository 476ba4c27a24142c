/**
 * The image configuration as a file OVAL can read (issue 12, container baseline). User,
 * Healthcheck, ExposedPorts and history live in the image config, not in the filesystem; scapgate
 * writes them to {@link IMAGE_FACTS_PATH} in the scan sandbox's private upper layer (never into
 * the image), one `key=value` per line, for `textfilecontent54` tests:
 *
 * ```
 * user=1000:1000            (absent when config.User is unset; `user=` when set but empty)
 * healthcheck=CMD-SHELL curl -f http://localhost/   (absent when none; `NONE` when disabled)
 * exposed_port=8080/tcp     (one line per port)
 * history=COPY app/ /opt/app/ # buildkit   (one line per history entry, in order)
 * ```
 *
 * Values are the image's own text: control characters (newlines included) become spaces and each
 * value is cut at {@link maxValueChars}, so one value is always one line. The format is
 * documented in content/container/README.md; keep both in step.
 */
import type {ImageConfig} from '../image/types.js'

export const IMAGE_FACTS_PATH = '/.scapgate/image-config.txt'
export const maxValueChars = 4096

export function imageFactsText(config: ImageConfig): string {
  const lines = ['# scapgate: image configuration for OVAL (content/container/README.md)']
  if (config.user !== undefined) lines.push(`user=${clean(config.user)}`)
  if (config.healthcheck !== undefined && config.healthcheck.length > 0) {
    lines.push(`healthcheck=${clean(config.healthcheck.join(' '))}`)
  }
  for (const port of config.exposedPorts ?? []) lines.push(`exposed_port=${clean(port)}`)
  for (const entry of config.history) lines.push(`history=${clean(entry.createdBy ?? '')}`)
  return `${lines.join('\n')}\n`
}

function clean(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, maxValueChars)
}
