/**
 * The CI's OIDC identity token for keyless signing (audience `sigstore`):
 * - `SIGSTORE_ID_TOKEN`: GitLab's `id_tokens: {SIGSTORE_ID_TOKEN: {aud: sigstore}}`, or any CI
 *   that provides a token the same way;
 * - GitHub Actions with `permissions: id-token: write`: requested from
 *   `ACTIONS_ID_TOKEN_REQUEST_URL` with `ACTIONS_ID_TOKEN_REQUEST_TOKEN`.
 * The token is a credential: it is returned to the signer only, never logged or put in a message.
 */
import {ConfigurationError} from '../errors.js'

export type TokenFetch = (url: string, init: {headers: Record<string, string>}) => Promise<Response>

export function hasCiIdentityToken(env: NodeJS.ProcessEnv): boolean {
  return (
    (env.SIGSTORE_ID_TOKEN ?? '') !== '' ||
    ((env.ACTIONS_ID_TOKEN_REQUEST_URL ?? '') !== '' &&
      (env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '') !== '')
  )
}

export async function ciIdentityToken(
  env: NodeJS.ProcessEnv,
  fetchImpl: TokenFetch = fetch
): Promise<string> {
  const given = env.SIGSTORE_ID_TOKEN?.trim()
  if (given !== undefined && given !== '') return given
  const requestUrl = env.ACTIONS_ID_TOKEN_REQUEST_URL
  const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN
  if (requestUrl === undefined || requestUrl === '' || requestToken === undefined)
    throw new ConfigurationError(
      'Expected an OIDC identity token for keyless signing (GitHub: `permissions: id-token: write`; GitLab: `id_tokens: {SIGSTORE_ID_TOKEN: {aud: sigstore}}`), found neither'
    )
  const url = new URL(requestUrl)
  url.searchParams.set('audience', 'sigstore')
  const response = await fetchImpl(url.toString(), {
    headers: {Authorization: `bearer ${requestToken}`, Accept: 'application/json'}
  })
  if (!response.ok) throw new Error(`GitHub's OIDC token service answered HTTP ${response.status}`)
  const body = (await response.json().catch(() => undefined)) as {value?: unknown} | undefined
  if (typeof body?.value !== 'string' || body.value === '')
    throw new Error("GitHub's OIDC token service answered without a token")
  return body.value
}
