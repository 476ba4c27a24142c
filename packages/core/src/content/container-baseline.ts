/**
 * scapgate's own container baseline (issue 12; sources and rules in content/container/): a
 * source data stream composed at build time and shipped beside each bundle
 * (`dist/<bundle>/content/scapgate-container-ds.xml`). It is the default content for images whose
 * OS has no SCAP Security Guide product (Alpine, distroless without os-release, scratch).
 */
import {access} from 'node:fs/promises'
import {fileURLToPath} from 'node:url'

export const CONTAINER_DS_FILE = 'scapgate-container-ds.xml'
export const CONTAINER_PROFILE = 'container'
export const CONTAINER_PROFILE_ID = 'xccdf_io.scapgate_profile_container'

/** The shipped data stream, or undefined when this build has none (running from sources). */
export async function shippedContainerBaseline(): Promise<string | undefined> {
  const path = fileURLToPath(new URL(`./content/${CONTAINER_DS_FILE}`, import.meta.url))
  return access(path).then(
    () => path,
    () => undefined
  )
}
