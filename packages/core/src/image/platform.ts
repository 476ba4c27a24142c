import {ConfigurationError, sanitizeForDisplay} from '../errors.js'
import type {Platform} from './types.js'

export const defaultPlatform: Platform = {os: 'linux', architecture: 'amd64'}

const component = /^[a-z0-9][a-z0-9._-]*$/

/**
 * Parses `os/arch[/variant]` (`linux/arm64/v8`). Letters are lower-cased; nothing else is
 * normalised here (see {@link normalizePlatform}).
 * @throws ConfigurationError naming `argument` and the accepted form.
 */
export function parsePlatform(raw: string, argument = 'platform'): Platform {
  const parts = raw.trim().toLowerCase().split('/')
  const valid = parts.length >= 2 && parts.length <= 3 && parts.every(p => component.test(p))
  if (!valid) {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be os/architecture[/variant] such as linux/amd64 or linux/arm64/v8, got \`${sanitizeForDisplay(raw, 100)}\``
    )
  }
  const [os = '', architecture = '', variant] = parts
  return variant === undefined ? {os, architecture} : {os, architecture, variant}
}

export function formatPlatform(platform: Platform): string {
  const base = `${platform.os}/${platform.architecture}`
  return platform.variant ? `${base}/${platform.variant}` : base
}

const architectureAliases: Record<string, string> = {
  x86_64: 'amd64',
  'x86-64': 'amd64',
  aarch64: 'arm64',
  armhf: 'arm',
  armel: 'arm',
  i386: '386'
}

/**
 * containerd-style normalisation: `aarch64` → `arm64`, `arm64` without a variant → `arm64/v8`,
 * `arm` without a variant → `arm/v7`. Other architectures keep their variant as given.
 */
export function normalizePlatform(platform: Platform): Platform {
  const os = platform.os.toLowerCase()
  const architecture =
    architectureAliases[platform.architecture.toLowerCase()] ?? platform.architecture.toLowerCase()
  let variant = platform.variant?.toLowerCase() || undefined
  if (architecture === 'arm64' && variant === undefined) variant = 'v8'
  if (architecture === 'arm' && variant === undefined) variant = 'v7'
  if (platform.architecture.toLowerCase() === 'armel' && platform.variant === undefined)
    variant = 'v6'
  return variant === undefined ? {os, architecture} : {os, architecture, variant}
}

/**
 * Whether an image for `offered` satisfies a request for `wanted`, after normalisation.
 * A request without a variant accepts any variant (`linux/amd64` accepts `linux/amd64/v3`);
 * a request with a variant needs the same variant (`arm64` ≡ `arm64/v8` through normalisation).
 */
export function platformMatches(wanted: Platform, offered: Platform): boolean {
  const w = normalizePlatform(wanted)
  const o = normalizePlatform(offered)
  if (w.os !== o.os || w.architecture !== o.architecture) return false
  return w.variant === undefined || w.variant === o.variant
}
