/**
 * A small JSON Schema (2020-12) checker for the schemas scapgate ships: enough keywords for
 * `results-schema.json` and similar closed documents, no dependencies.
 *
 * Supported: `$ref` (local `#/$defs/…` and `#/definitions/…` only), `type`, `const`, `enum`,
 * `properties`, `required`, `additionalProperties`, `items`, `minItems`, `maxItems`, `minimum`,
 * `maximum`, `minLength`, `maxLength`, `pattern`, `oneOf`, `anyOf`, `allOf`. Any other keyword is
 * an error, so a schema cannot silently claim more than is checked. Annotations (`$schema`, `$id`,
 * `title`, `description`, `default`, `format`) are ignored. Replace with ajv if it becomes a
 * dependency.
 */

export type JsonSchema = boolean | {[keyword: string]: unknown}

export interface SchemaViolation {
  /** JSON pointer into the instance. */
  path: string
  message: string
}

const annotations = new Set([
  '$schema',
  '$id',
  'title',
  'description',
  'default',
  'format',
  '$defs',
  'definitions',
  'examples'
])

export function checkJsonSchema(schema: JsonSchema, instance: unknown): SchemaViolation[] {
  const violations: SchemaViolation[] = []
  check(schema, instance, '', schema, violations)
  return violations
}

function check(
  schema: JsonSchema,
  value: unknown,
  path: string,
  root: JsonSchema,
  out: SchemaViolation[]
): void {
  if (schema === true) return
  if (schema === false) {
    out.push({path, message: 'no value is allowed here'})
    return
  }
  const fail = (message: string): void => {
    out.push({path: path || '/', message})
  }
  for (const [keyword, arg] of Object.entries(schema)) {
    switch (keyword) {
      case '$ref':
        check(resolveRef(root, arg as string), value, path, root, out)
        break
      case 'type': {
        const types = Array.isArray(arg) ? (arg as string[]) : [arg as string]
        if (!types.some(t => hasType(value, t)))
          fail(`expected ${types.join(' or ')}, got ${typeOf(value)}`)
        break
      }
      case 'const':
        if (JSON.stringify(value) !== JSON.stringify(arg))
          fail(`expected ${JSON.stringify(arg)}, got ${JSON.stringify(value)}`)
        break
      case 'enum':
        if (!(arg as unknown[]).some(e => JSON.stringify(e) === JSON.stringify(value))) {
          fail(
            `expected one of ${(arg as unknown[]).map(e => JSON.stringify(e)).join('|')}, got ${JSON.stringify(value)}`
          )
        }
        break
      case 'properties':
        if (isObject(value)) {
          for (const [name, sub] of Object.entries(arg as Record<string, JsonSchema>)) {
            if (Object.hasOwn(value, name)) check(sub, value[name], `${path}/${name}`, root, out)
          }
        }
        break
      case 'required':
        if (isObject(value)) {
          for (const name of arg as string[])
            if (!Object.hasOwn(value, name)) fail(`missing required property ${name}`)
        }
        break
      case 'additionalProperties':
        if (isObject(value)) {
          const known = Object.keys((schema.properties ?? {}) as object)
          for (const name of Object.keys(value)) {
            if (known.includes(name)) continue
            if (arg === false) fail(`unexpected property ${name}`)
            else check(arg as JsonSchema, value[name], `${path}/${name}`, root, out)
          }
        }
        break
      case 'items':
        if (Array.isArray(value))
          value.forEach((item, i) => check(arg as JsonSchema, item, `${path}/${i}`, root, out))
        break
      case 'minItems':
      case 'maxItems':
        if (
          Array.isArray(value) &&
          (keyword === 'minItems' ? value.length < (arg as number) : value.length > (arg as number))
        ) {
          fail(
            `expected ${keyword === 'minItems' ? 'at least' : 'at most'} ${arg as number} items, got ${value.length}`
          )
        }
        break
      case 'minimum':
      case 'maximum':
        if (
          typeof value === 'number' &&
          (keyword === 'minimum' ? value < (arg as number) : value > (arg as number))
        ) {
          fail(`expected ${keyword} ${arg as number}, got ${value}`)
        }
        break
      case 'minLength':
      case 'maxLength':
        if (typeof value === 'string') {
          const length = [...value].length
          if (keyword === 'minLength' ? length < (arg as number) : length > (arg as number)) {
            fail(`expected ${keyword} ${arg as number}, got ${length}`)
          }
        }
        break
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) {
          fail(`expected to match ${arg as string}, got ${JSON.stringify(value.slice(0, 80))}`)
        }
        break
      case 'oneOf':
      case 'anyOf': {
        const matching = (arg as JsonSchema[]).filter(
          sub => checkJsonSchemaAt(sub, value, root).length === 0
        ).length
        if (keyword === 'oneOf' ? matching !== 1 : matching === 0) {
          fail(
            `expected to match ${keyword === 'oneOf' ? 'exactly one' : 'at least one'} alternative, matched ${matching}`
          )
        }
        break
      }
      case 'allOf':
        for (const sub of arg as JsonSchema[]) check(sub, value, path, root, out)
        break
      default:
        if (!annotations.has(keyword))
          throw new Error(`checkJsonSchema does not support the keyword ${keyword}`)
    }
  }
}

function checkJsonSchemaAt(
  schema: JsonSchema,
  value: unknown,
  root: JsonSchema
): SchemaViolation[] {
  const out: SchemaViolation[] = []
  check(schema, value, '', root, out)
  return out
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  const match = /^#\/(\$defs|definitions)\/([^/]+)$/.exec(ref)
  const target =
    match && typeof root === 'object'
      ? (root[match[1] as string] as Record<string, JsonSchema> | undefined)?.[match[2] as string]
      : undefined
  if (target === undefined) throw new Error(`checkJsonSchema cannot resolve $ref ${ref}`)
  return target
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'integer':
      return Number.isInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'object':
      return isObject(value)
    case 'array':
      return Array.isArray(value)
    case 'null':
      return value === null
    default:
      return typeof value === type
  }
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value
}
