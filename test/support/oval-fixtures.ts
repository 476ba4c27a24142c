/**
 * Test support (imported by tests only): small hand-written OVAL results documents for the
 * `oval-results` and blame tests.
 */

/** A hand-written `oval_results` with one system: criteria, tests and file items as given. */
export function ovalExcerpt(
  definitions: string,
  tests: string,
  files: Record<string, string>
): string {
  const items = Object.entries(files)
    .map(
      ([id, path]) =>
        `<unix-sc:file_item id="${id}" status="exists"><unix-sc:filepath>${path}</unix-sc:filepath></unix-sc:file_item>`
    )
    .join('')
  return `<oval_results xmlns="http://oval.mitre.org/XMLSchema/oval-results-5"
  xmlns:sc="http://oval.mitre.org/XMLSchema/oval-system-characteristics-5"
  xmlns:unix-sc="http://oval.mitre.org/XMLSchema/oval-system-characteristics-5#unix">
  <results><system>
    <definitions>${definitions}</definitions>
    <tests>${tests}</tests>
    <sc:oval_system_characteristics><sc:system_data>${items}</sc:system_data></sc:oval_system_characteristics>
  </system></results>
</oval_results>`
}
