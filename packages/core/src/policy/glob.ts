/**
 * Image name globs for policy sections and waiver scopes: `*` matches any run of characters
 * except `/`, `**` any run including `/`, `?` one character other than `/`; everything else is
 * literal. A glob matches the whole name.
 */
export function globToRegExp(glob: string): RegExp {
  let source = ''
  for (let i = 0; i < glob.length; i += 1) {
    const c = glob[i] as string
    if (c === '*' && glob[i + 1] === '*') {
      source += '.*'
      i += 1
    } else if (c === '*') source += '[^/]*'
    else if (c === '?') source += '[^/]'
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&')
  }
  return new RegExp(`^${source}$`, 's')
}

/** True when any glob matches any of the names (an image has its reference and its tags). */
export function matchesAny(globs: readonly string[], names: readonly string[]): boolean {
  return globs.some(glob => {
    const pattern = globToRegExp(glob)
    return names.some(name => pattern.test(name))
  })
}
