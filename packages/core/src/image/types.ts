/**
 * Contract between image intake (`image/`) and the layer applier (`layers/`).
 * Intake resolves a user reference into verified blobs; it never extracts anything.
 */

export type ImageTransport =
  'docker-archive' | 'oci-archive' | 'oci' | 'docker-daemon' | 'podman' | 'registry'

/**
 * A parsed `IMAGE` argument. For the archive forms `path` is a filesystem path and `ref` the
 * optional tag/digest selector; for `docker-daemon`, `podman` and `registry` `path` is the
 * validated image name (`docker.io/library/alpine:latest`) and `ref` is unset.
 */
export interface ImageReference {
  transport: ImageTransport
  path: string
  /** For `oci:DIR:REF` and `docker-archive:PATH:REF`: the `org.opencontainers.image.ref.name` or repo tag to pick. */
  ref?: string
  /** The argument as the user wrote it. */
  raw: string
}

export interface Platform {
  os: string
  architecture: string
  variant?: string
}

export type LayerCompression = 'gzip' | 'zstd' | 'none'

/**
 * One layer of a resolved image. Intake has checked what it can without reading the blob (stored
 * size against the descriptor, compression against the media type); the blob's digest is checked
 * in the one read that applies it: see `open`. A consumer must read a stream to its end before
 * trusting anything it delivered, and must treat an error there as a corrupt image (the applier
 * does: a failed layer aborts before anything is scanned, and the root is deleted).
 */
export interface VerifiedLayer {
  /** Position in the manifest, 0 = base. */
  index: number
  /** Digest of the blob as stored (compressed), as the descriptor (or name, or diff_id) claims it; checked by `open`. `sha256:<64 hex>`. */
  digest: string
  /** Uncompressed digest from the config's `rootfs.diff_ids[index]`; the applier verifies it. */
  diffId: string
  mediaType: string
  /** Size in bytes of the stored blob. */
  size: number
  compression: LayerCompression
  /**
   * Opens the stored (still compressed) bytes; each call returns a fresh stream. The stream checks
   * `size` and `digest` as it goes and errors with an InvalidImageError naming the layer just
   * before its end on a mismatch. When `compression` is `none` and `digest === diffId` it does
   * not hash: the applier's diff_id check over the same bytes is that check.
   */
  open: () => NodeJS.ReadableStream
}

/** The subset of the OCI/Docker image config that scapgate uses, validated. */
export interface ImageConfig {
  os: string
  architecture: string
  variant?: string
  /** `config.Env`, `VAR=value` strings, in order. */
  env: string[]
  /** `history[]`, including `empty_layer` entries, for blame (issue 4). */
  history: {createdBy?: string; created?: string; emptyLayer: boolean; comment?: string}[]
  diffIds: string[]
  labels: Record<string, string>
  /** `config.User` when set (the container baseline reads it, issue 12). */
  user?: string
  /** `config.Healthcheck.Test` when set, e.g. `['CMD-SHELL', 'curl -f localhost']` or `['NONE']`. */
  healthcheck?: string[]
  /** Keys of `config.ExposedPorts`, e.g. `8080/tcp`. */
  exposedPorts?: string[]
}

export interface ResolvedImage {
  reference: ImageReference
  /** Digest of the selected image manifest when the source has one (OCI forms, docker ≥ 25). */
  manifestDigest?: string
  /** `sha256:` digest of the config blob: the image id. */
  configDigest: string
  config: ImageConfig
  platform: Platform
  /** Repo tags or ref names the archive records for this image. */
  names: string[]
  layers: VerifiedLayer[]
  /** Removes temporary files that intake created (decompressed archives, staged blobs). Idempotent. */
  close: () => Promise<void>
}

/** Registry pulls: transport, credentials and the blob cache. Everything is injected; nothing is read from `process.env`. */
export interface RegistryOptions {
  /** PEM file of CA certificates trusted in addition to the system roots. */
  caFile?: string
  /** `host[:port]` registries spoken to over plain http. */
  insecureRegistries?: string[]
  /** Content-addressed blob cache reused across scans; without it blobs go to the work directory. */
  cacheDir?: string
  /** Explicit credentials (flags, `SCAPGATE_REGISTRY_USERNAME/PASSWORD`); used for the pulled registry only. */
  credentials?: {username: string; password: string}
  /** `REGISTRY_AUTH_FILE` (podman's auth.json format). */
  authFile?: string
  /** Directory holding `config.json` (`$DOCKER_CONFIG`, else `$HOME/.docker`); never the workspace. */
  dockerConfigDir?: string
  /** Parallel blob downloads (default 4). */
  concurrency?: number
  /** Total time for the pull including retries (default 15 minutes). */
  timeBudgetMs?: number
  /** Environment for credential helpers (`PATH`, `HOME`); default: only PATH=/usr/bin:/bin. */
  helperEnv?: Record<string, string>
}

export interface DaemonOptions {
  /** `DOCKER_HOST`; only `unix://PATH` is supported. Default `unix:///var/run/docker.sock`. */
  dockerHost?: string
  /** The podman binary for `podman:` (default `podman` on PATH). */
  podmanPath?: string
  /** Environment for podman (PATH, HOME, XDG_RUNTIME_DIR, CONTAINERS_*); default PATH only. */
  podmanEnv?: Record<string, string>
}

export interface OpenImageOptions {
  /** Default linux/amd64. */
  platform?: Platform
  /** Private directory for temporary files; intake may create files inside, never outside. */
  workDir: string
  signal?: AbortSignal
  registry?: RegistryOptions
  daemon?: DaemonOptions
  /** Debug lines about pulls (never credentials). */
  log?: (message: string) => void
}
