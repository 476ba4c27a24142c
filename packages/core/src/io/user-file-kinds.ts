/**
 * The kinds of file a user hands scapgate, with the name used in messages, the flag that names
 * them and the size cap applied before any byte is read. One table, so that every reader refuses
 * the same way (docs/input-files.md).
 */

export interface UserFileKind {
  /** In messages: "the policy file `scapgate.yml`". */
  label: string
  /** The command-line flag (or policy key) that names it, for messages. */
  flag: string
  /** Refused above this many bytes, before reading. */
  maxBytes: number
  /** What the file should be, for messages ("a scapgate policy (YAML)"). */
  expected: string
}

const MiB = 1024 * 1024

export const userFileKinds = {
  policy: {
    label: 'policy file',
    flag: '--policy',
    maxBytes: 1 * MiB,
    expected: 'a scapgate policy (YAML)'
  },
  baseline: {
    label: 'baseline',
    flag: '--baseline',
    // An ARF of a large profile is 8–100 MB (docs/reference/openscap.md §8); the XML parser's own cap is 256 MiB.
    maxBytes: 256 * MiB,
    expected: 'a scapgate baseline, a results.json or an ARF'
  },
  tailoring: {
    label: 'tailoring file',
    flag: '--tailoring',
    maxBytes: 16 * MiB,
    expected: 'an XCCDF tailoring file (root element <Tailoring>)'
  },
  content: {
    label: 'SCAP content',
    flag: '--content',
    // content-safety.ts MAX_CONTENT_BYTES: SSG's largest data stream is ~30 MB.
    maxBytes: 256 * MiB,
    expected: 'an SCAP source data stream (root element <data-stream-collection>)'
  },
  dockerfile: {
    label: 'Dockerfile',
    flag: '--dockerfile',
    maxBytes: 1 * MiB,
    expected: 'a Dockerfile'
  },
  images: {
    label: 'image list',
    flag: '--images',
    maxBytes: 1 * MiB,
    expected: 'one image per line'
  },
  arf: {
    label: 'ARF',
    flag: 'ARF.xml',
    maxBytes: 256 * MiB,
    expected: 'an ARF written by oscap'
  },
  caFile: {
    label: 'CA certificate file',
    flag: '--ca-file',
    maxBytes: 1 * MiB,
    expected: 'PEM certificates'
  },
  feed: {
    label: 'OVAL feed',
    flag: '--feed',
    // Checked, not read, here: the feed code streams it and applies its own decompressed cap.
    maxBytes: 4096 * MiB,
    expected: 'an OVAL definitions file (.xml or .xml.bz2)'
  },
  results: {
    label: 'results file',
    flag: 'RESULTS.json',
    maxBytes: 256 * MiB,
    expected: 'a results.json written by a scan'
  },
  history: {
    label: 'score history',
    flag: '--history',
    // 60 entries of ~300 bytes; a history that large is not one scapgate wrote.
    maxBytes: 1 * MiB,
    expected: 'a history.json written by scapgate (docs/trend.md)'
  },
  signingKey: {
    label: 'signing key',
    flag: '--key',
    maxBytes: 64 * 1024,
    expected: 'a PKCS#8 PEM private key'
  },
  publicKey: {
    label: 'public key',
    flag: '--key',
    maxBytes: 64 * 1024,
    expected: 'an SPKI PEM public key'
  },
  bundle: {
    label: 'Sigstore bundle',
    flag: '--bundle',
    maxBytes: 4 * MiB,
    expected: 'a Sigstore bundle (attestation.sigstore.json)'
  }
} as const satisfies Record<string, UserFileKind>

export type UserFileKindName = keyof typeof userFileKinds
