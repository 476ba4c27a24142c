/**
 * The dpkg status database (`/var/lib/dpkg/status`, and `status.d/*` on distroless images) →
 * installed package name → version. Only stanzas whose `Status` ends in `installed` count
 * (`deinstall ok config-files` is not installed). Tolerant: a stanza without `Package` or
 * `Version` is skipped, never an error, since the file comes from the image.
 */
export function parseDpkgStatus(text: string): Map<string, string> {
  const installed = new Map<string, string>()
  for (const stanza of text.split(/\n\s*\n/)) {
    const fields = new Map<string, string>()
    for (const line of stanza.split('\n')) {
      const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line)
      if (match !== null)
        fields.set((match[1] as string).toLowerCase(), (match[2] as string).trim())
    }
    const name = fields.get('package')
    const version = fields.get('version')
    // Distroless status.d files have no Status field: every stanza there is installed.
    const status = fields.get('status') ?? 'install ok installed'
    if (name === undefined || version === undefined) continue
    if (!/(^| )installed$/.test(status)) continue
    installed.set(name, version)
  }
  return installed
}
