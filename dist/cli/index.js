#!/usr/bin/env node
import {createRequire as __scapgateCreateRequire} from 'node:module';const require = __scapgateCreateRequire(import.meta.url);

// packages/core/src/errors.ts
var ConfigurationError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "ConfigurationError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var InvalidImageError = class extends Error {
  constructor(message, component2, options) {
    super(message, options);
    this.component = component2;
    this.name = "InvalidImageError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  component;
};
var UnsafeLayerEntryError = class extends InvalidImageError {
  constructor(message, layer, entry, options) {
    super(message, layer, options);
    this.layer = layer;
    this.entry = entry;
    this.name = "UnsafeLayerEntryError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  layer;
  entry;
};
var LimitExceededError = class extends Error {
  constructor(message, limit, options) {
    super(message, options);
    this.limit = limit;
    this.name = "LimitExceededError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  limit;
};
var ScanFailedError = class extends Error {
  constructor(message, details, options) {
    super(message, options);
    this.details = details;
    this.name = "ScanFailedError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  details;
};
var InvalidArfError = class extends Error {
  constructor(message, source, options) {
    super(message, options);
    this.source = source;
    this.name = "InvalidArfError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  source;
};
var EnvironmentError = class extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = "EnvironmentError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
var CancelledError = class extends Error {
  constructor(message = "cancelled") {
    super(message);
    this.name = "CancelledError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};
function getErrorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}
function sanitizeForDisplay(value, max = 200) {
  const text2 = typeof value === "string" ? value : value.toString("latin1");
  const escaped = text2.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => {
    return `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`;
  });
  return escaped.length > max ? `${escaped.slice(0, max)}\u2026` : escaped;
}

// packages/core/src/results/model.ts
var ruleResultValues = [
  "pass",
  "fail",
  "error",
  "unknown",
  "notapplicable",
  "notchecked",
  "notselected",
  "informational",
  "fixed"
];
var severities = ["unknown", "info", "low", "medium", "high"];
function emptyCounts() {
  return Object.fromEntries(ruleResultValues.map((v) => [v, 0]));
}

// packages/core/src/environment/scan-environment.ts
import { tmpdir } from "node:os";

// packages/core/src/environment/scanner-overrides.ts
function readScannerOverrides(env = process.env) {
  const overrides = {};
  const oscapPath = env.SCAPGATE_OSCAP?.trim();
  const contentDir = env.SCAPGATE_CONTENT_DIR?.trim();
  if (oscapPath) overrides.oscapPath = oscapPath;
  if (contentDir) overrides.contentDir = contentDir;
  return overrides;
}

// packages/core/src/environment/scan-environment.ts
function loadEnvironment(env = process.env) {
  const overrides = readScannerOverrides(env);
  const tmp = env.TMPDIR?.trim();
  return { tmpDir: tmp === void 0 || tmp === "" ? tmpdir() : tmp, ...overrides };
}

// packages/core/src/image/docker-reference.ts
var pathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
var domainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
var domainPattern = new RegExp(
  `^(?:${domainComponent}(?:\\.${domainComponent})*|\\[[0-9a-fA-F:]+\\])(?::[0-9]{1,5})?$`
);
var pathPattern = new RegExp(`^${pathComponent}(?:/${pathComponent})*$`);
var tagPattern = /^[\w][\w.-]{0,127}$/;
var digestPattern = /^sha256:[a-f0-9]{64}$/;
var maxNameLength = 255;
function invalid(raw, argument, problem) {
  throw new ConfigurationError(
    `Expected \`${argument}\` to be an image reference such as alpine:3.19, registry.example.com/ns/app:tag or NAME@sha256:<digest>; ${problem} in \`${sanitizeForDisplay(raw, 200)}\``
  );
}
function parseDockerReference(raw, argument = "image") {
  if (raw === "") invalid(raw, argument, "the reference is empty");
  let rest = raw;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!digestPattern.test(digest))
      invalid(raw, argument, "the digest is not sha256:<64 lowercase hex digits>");
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!tagPattern.test(tag))
      invalid(raw, argument, `the tag \`${sanitizeForDisplay(tag, 60)}\` is not valid`);
  }
  if (rest.length > maxNameLength)
    invalid(raw, argument, `the name is longer than ${maxNameLength} characters`);
  const slash4 = rest.indexOf("/");
  const first = slash4 < 0 ? "" : rest.slice(0, slash4);
  const hasDomain = slash4 >= 0 && (first.includes(".") || first.includes(":") || first === "localhost" || first !== first.toLowerCase());
  let domain = hasDomain ? first : "docker.io";
  let repository = hasDomain ? rest.slice(slash4 + 1) : rest;
  if (hasDomain && !domainPattern.test(domain))
    invalid(
      raw,
      argument,
      `the registry \`${sanitizeForDisplay(domain, 80)}\` is not a host[:port]`
    );
  if (!pathPattern.test(repository)) {
    invalid(
      raw,
      argument,
      `the repository \`${sanitizeForDisplay(repository, 120)}\` is not lower-case path components`
    );
  }
  domain = domain.toLowerCase();
  if (domain === "index.docker.io") domain = "docker.io";
  if (domain === "docker.io" && !repository.includes("/")) repository = `library/${repository}`;
  if (tag === void 0 && digest === void 0) tag = "latest";
  const reference = { domain, repository };
  if (tag !== void 0) reference.tag = tag;
  if (digest !== void 0) reference.digest = digest;
  return reference;
}
function formatDockerReference(reference) {
  let text2 = `${reference.domain}/${reference.repository}`;
  if (reference.tag !== void 0) text2 += `:${reference.tag}`;
  if (reference.digest !== void 0) text2 += `@${reference.digest}`;
  return text2;
}
function registryHost(domain) {
  return domain === "docker.io" ? "registry-1.docker.io" : domain;
}

// packages/core/src/image/reference.ts
var supportedTransports = [
  "docker-archive",
  "oci-archive",
  "oci",
  "docker-daemon",
  "podman"
];
var acceptedForms = "docker-archive:PATH[:REF], oci-archive:PATH[:REF], oci:DIR[:REF], docker-daemon:NAME[:TAG], podman:NAME[:TAG] or a registry reference ([docker://]REGISTRY/NAME[:TAG][@DIGEST])";
var namedTransports = ["docker-daemon", "podman"];
var refPattern = /^[A-Za-z0-9_@][A-Za-z0-9._:@/+-]*$/;
function isTransport(value) {
  return supportedTransports.includes(value);
}
function namedReference(transport, name, raw, argument) {
  const reference = parseDockerReference(name, argument);
  return { transport, path: formatDockerReference(reference), raw };
}
function parseImageReference(raw, argument = "image") {
  const shown2 = sanitizeForDisplay(raw, 200);
  const fail = (problem) => {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be ${acceptedForms}; ${problem} in \`${shown2}\``
    );
  };
  if (raw.startsWith("docker://")) return namedReference("registry", raw.slice(9), raw, argument);
  const colon = raw.indexOf(":");
  const transport = colon <= 0 ? "" : raw.slice(0, colon);
  if (namedTransports.includes(transport)) {
    return namedReference(transport, raw.slice(colon + 1), raw, argument);
  }
  if (!isTransport(transport)) {
    if (colon <= 0 && /\.(?:tar|tar\.gz|tgz)$/.test(raw)) {
      fail("it looks like an archive path; write docker-archive:PATH or oci-archive:PATH");
    }
    try {
      return namedReference("registry", raw, raw, argument);
    } catch (error) {
      if (!/^[a-z][a-z0-9-]*$/.test(transport)) throw error;
    }
    return fail(
      `unknown transport \`${sanitizeForDisplay(transport, 40)}\` (supported: ${supportedTransports.join(", ")})`
    );
  }
  const rest = raw.slice(colon + 1);
  const second = rest.indexOf(":");
  const path = second < 0 ? rest : rest.slice(0, second);
  const ref = second < 0 ? void 0 : rest.slice(second + 1);
  if (path === "") fail("the path is empty");
  if (/[\u0000-\u001f\u007f]/.test(path)) fail("the path contains control characters");
  if (ref !== void 0 && (ref.length > 255 || !refPattern.test(ref))) {
    fail(`REF \`${sanitizeForDisplay(ref, 60)}\` is not a tag, ref name or @N index`);
  }
  return ref === void 0 ? { transport, path, raw } : { transport, path, ref, raw };
}

// packages/core/src/image/platform.ts
var defaultPlatform = { os: "linux", architecture: "amd64" };
var component = /^[a-z0-9][a-z0-9._-]*$/;
function parsePlatform(raw, argument = "platform") {
  const parts = raw.trim().toLowerCase().split("/");
  const valid = parts.length >= 2 && parts.length <= 3 && parts.every((p) => component.test(p));
  if (!valid) {
    throw new ConfigurationError(
      `Expected \`${argument}\` to be os/architecture[/variant] such as linux/amd64 or linux/arm64/v8, got \`${sanitizeForDisplay(raw, 100)}\``
    );
  }
  const [os = "", architecture = "", variant] = parts;
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function formatPlatform(platform) {
  const base = `${platform.os}/${platform.architecture}`;
  return platform.variant ? `${base}/${platform.variant}` : base;
}
var architectureAliases = {
  x86_64: "amd64",
  "x86-64": "amd64",
  aarch64: "arm64",
  armhf: "arm",
  armel: "arm",
  i386: "386"
};
function normalizePlatform(platform) {
  const os = platform.os.toLowerCase();
  const architecture = architectureAliases[platform.architecture.toLowerCase()] ?? platform.architecture.toLowerCase();
  let variant = platform.variant?.toLowerCase() || void 0;
  if (architecture === "arm64" && variant === void 0) variant = "v8";
  if (architecture === "arm" && variant === void 0) variant = "v7";
  if (platform.architecture.toLowerCase() === "armel" && platform.variant === void 0)
    variant = "v6";
  return variant === void 0 ? { os, architecture } : { os, architecture, variant };
}
function platformMatches(wanted, offered) {
  const w = normalizePlatform(wanted);
  const o = normalizePlatform(offered);
  if (w.os !== o.os || w.architecture !== o.architecture) return false;
  return w.variant === void 0 || w.variant === o.variant;
}

// packages/core/src/image/open-image.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { createReadStream as createReadStream2, createWriteStream as createWriteStream2 } from "node:fs";
import { mkdir as mkdir2, open as open5, rm as rm3, stat as stat2 } from "node:fs/promises";
import { join as join5 } from "node:path";
import { Transform as Transform2 } from "node:stream";
import { pipeline as pipeline2 } from "node:stream/promises";
import { createGunzip } from "node:zlib";

// packages/core/src/image/blob-source.ts
import { constants, createReadStream } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";
import { Readable } from "node:stream";
var readFlags = constants.O_RDONLY;
var noFollowFlags = constants.O_RDONLY | constants.O_NOFOLLOW;
function openLocation(location) {
  if (location.size === 0) return Readable.from([]);
  return createReadStream(location.file, {
    start: location.start,
    end: location.start + location.size - 1,
    // fs.open takes numeric flags; @types/node only declares strings for createReadStream.
    flags: location.noFollow ? noFollowFlags : readFlags
  });
}
async function readLocation(location, cap2, what) {
  if (location.size > cap2) {
    throw new LimitExceededError(
      `${what} is ${location.size} bytes; the limit is ${cap2} bytes`,
      what
    );
  }
  const handle = await open(location.file, location.noFollow ? noFollowFlags : readFlags);
  try {
    const data = Buffer.alloc(location.size);
    const { bytesRead } = await handle.read(data, 0, location.size, location.start);
    if (bytesRead !== location.size) throw new InvalidImageError(`${what} is truncated`, what);
    return data;
  } finally {
    await handle.close();
  }
}
async function requireLocation(source, member, what) {
  const location = await source.locate(member);
  if (!location) {
    throw new InvalidImageError(
      `${source.label}: ${what} \`${sanitizeForDisplay(member)}\` is missing`,
      member
    );
  }
  return location;
}
var DirectorySource = class _DirectorySource {
  constructor(root, label) {
    this.root = root;
    this.label = label;
  }
  root;
  label;
  static async open(dir, label) {
    let root;
    try {
      root = await realpath(dir);
    } catch (error) {
      throw new InvalidImageError(
        `${label}: cannot open the layout directory: ${error.message}`,
        dir,
        { cause: error }
      );
    }
    const info = await lstat(root);
    if (!info.isDirectory())
      throw new InvalidImageError(`${label}: \`${dir}\` is not a directory`, dir);
    return new _DirectorySource(root, label);
  }
  async locate(member) {
    const file = join(this.root, ...member.split("/"));
    const info = await lstat(file).catch((error) => {
      if (error.code === "ENOENT" || error.code === "ENOTDIR") return void 0;
      throw error;
    });
    if (!info) return void 0;
    const shown2 = sanitizeForDisplay(member);
    if (info.isSymbolicLink()) {
      throw new InvalidImageError(
        `${this.label}: \`${shown2}\` is a symlink; layout files must be regular files inside the layout`,
        member
      );
    }
    if (!info.isFile())
      throw new InvalidImageError(`${this.label}: \`${shown2}\` is not a regular file`, member);
    const real = await realpath(file);
    const inside = relative(this.root, real);
    if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
      throw new InvalidImageError(
        `${this.label}: \`${shown2}\` resolves outside the layout directory`,
        member
      );
    }
    return { file: real, start: 0, size: info.size, noFollow: true };
  }
};

// packages/core/src/image/daemon/docker-daemon.ts
import { createWriteStream } from "node:fs";
import http from "node:http";
import { pipeline } from "node:stream/promises";
import { Transform } from "node:stream";
var defaultDockerHost = "unix:///var/run/docker.sock";
var maxExportBytes = 64 * 1024 ** 3;
var maxErrorBytes = 64 * 1024;
function dockerSocketPath(dockerHost) {
  const host = dockerHost === void 0 || dockerHost === "" ? defaultDockerHost : dockerHost;
  if (!host.startsWith("unix://") || host.length <= "unix://".length) {
    throw new ConfigurationError(
      `Expected \`DOCKER_HOST\` to be unix:///path/to/docker.sock (tcp:// and ssh:// are not supported), got \`${sanitizeForDisplay(host, 120)}\``
    );
  }
  return host.slice("unix://".length);
}
function countBytes(limit, label) {
  let seen = 0;
  return new Transform({
    transform(chunk, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit)
        callback(
          new LimitExceededError(`${label}: the export exceeds ${limit} bytes`, "archive-bytes")
        );
      else callback(null, chunk);
    }
  });
}
function get(socketPath, path, signal) {
  return new Promise((resolve3, reject) => {
    const request = http.request({
      socketPath,
      path,
      method: "GET",
      signal,
      headers: { host: "docker" }
    });
    request.on("response", resolve3);
    request.on("error", reject);
    request.end();
  });
}
async function daemonMessage(response) {
  let text2 = "";
  for await (const chunk of response) {
    text2 += chunk.toString("utf8");
    if (text2.length > maxErrorBytes) break;
  }
  try {
    const json = JSON.parse(text2);
    return typeof json.message === "string" ? `: ${sanitizeForDisplay(json.message, 200)}` : "";
  } catch {
    return "";
  }
}
async function exportFromDaemon(name, target, options) {
  const socketPath = dockerSocketPath(options.dockerHost);
  let response;
  try {
    response = await get(socketPath, `/images/${encodeURIComponent(name)}/get`, options.signal);
  } catch (error) {
    options.signal?.throwIfAborted();
    throw new EnvironmentError(
      `${options.label}: cannot reach the Docker daemon at unix://${socketPath} (${error.code ?? getErrorMessage(error)}); is it running, and is DOCKER_HOST right?`,
      { cause: error }
    );
  }
  const status = response.statusCode ?? 0;
  if (status !== 200) {
    const detail = await daemonMessage(response);
    throw new InvalidImageError(
      status === 404 ? `${options.label}: the daemon has no image ${sanitizeForDisplay(name)}${detail}` : `${options.label}: the daemon refused the export (${status})${detail}`,
      name
    );
  }
  try {
    await pipeline(
      response,
      countBytes(maxExportBytes, options.label),
      createWriteStream(target, { flags: "wx", mode: 384 }),
      { signal: options.signal }
    );
  } catch (error) {
    if (error instanceof LimitExceededError || options.signal?.aborted) throw error;
    throw new InvalidImageError(
      `${options.label}: the export from the daemon broke off: ${getErrorMessage(error)}`,
      name,
      { cause: error }
    );
  }
}

// packages/core/src/image/daemon/podman-store.ts
import { execFile } from "node:child_process";
async function saveFromPodman(name, target, options) {
  const podman = options.podmanPath ?? "podman";
  const args = ["image", "save", "--format", "oci-archive", "--output", target, "--", name];
  await new Promise((resolve3, reject) => {
    execFile(
      podman,
      args,
      {
        env: options.env ?? { PATH: "/usr/local/bin:/usr/bin:/bin" },
        signal: options.signal,
        maxBuffer: 1024 * 1024,
        encoding: "utf8"
      },
      (error, _stdout, stderr) => {
        if (!error) return resolve3();
        if (options.signal?.aborted) return reject(options.signal.reason);
        const code = error.code;
        if (code === "ENOENT" || code === "EACCES") {
          return reject(
            new EnvironmentError(`${options.label}: cannot run podman (${podman}): ${code}`, {
              cause: error
            })
          );
        }
        const detail = sanitizeForDisplay(stderr.trim().split("\n").pop() ?? "", 300);
        reject(
          new InvalidImageError(
            /image not known|no such image|not found|unable to find/i.test(stderr) ? `${options.label}: podman's store has no image ${sanitizeForDisplay(name)} (${detail})` : `${options.label}: podman image save failed: ${detail}`,
            name,
            { cause: error }
          )
        );
      }
    );
  });
}

// packages/core/src/image/digest.ts
import { createHash } from "node:crypto";
var digestPattern2 = /^sha256:[a-f0-9]{64}$/;
function isDigest(value) {
  return typeof value === "string" && digestPattern2.test(value);
}
function checkDigest(value, what) {
  if (isDigest(value)) return value;
  const found = typeof value === "string" ? `\`${sanitizeForDisplay(value, 100)}\`` : typeof value;
  throw new InvalidImageError(
    `${what}: expected a digest of the form sha256:<64 lowercase hex digits>, found ${found}`,
    what
  );
}
function sha256Digest(data) {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}
function blobPath(digest) {
  return `blobs/sha256/${digest.slice("sha256:".length)}`;
}
function shortDigest(digest) {
  return digest.length > 19 ? `${digest.slice(0, 19)}\u2026` : digest;
}

// packages/core/src/image/descriptor.ts
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function describeValue(value) {
  if (typeof value === "string") return `\`${sanitizeForDisplay(value, 80)}\``;
  if (Array.isArray(value)) return "an array";
  return value === null ? "null" : typeof value;
}
function stringMap(value, what) {
  if (value === void 0 || value === null) return {};
  if (!isRecord(value))
    throw new InvalidImageError(
      `${what}: expected an object of strings, found ${describeValue(value)}`,
      what
    );
  const result = /* @__PURE__ */ Object.create(null);
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry !== "string") {
      throw new InvalidImageError(
        `${what}: \`${sanitizeForDisplay(key, 80)}\` should be a string, found ${describeValue(entry)}`,
        what
      );
    }
    result[key] = entry;
  }
  return result;
}
function parsePlatformField(value, what) {
  if (value === void 0 || value === null) return void 0;
  if (!isRecord(value) || typeof value.os !== "string" || typeof value.architecture !== "string") {
    throw new InvalidImageError(`${what}: platform needs string \`os\` and \`architecture\``, what);
  }
  const variant = typeof value.variant === "string" && value.variant !== "" ? value.variant : void 0;
  return variant === void 0 ? { os: value.os, architecture: value.architecture } : { os: value.os, architecture: value.architecture, variant };
}
function parseDescriptor(value, what) {
  if (!isRecord(value))
    throw new InvalidImageError(
      `${what}: expected a descriptor object, found ${describeValue(value)}`,
      what
    );
  if (typeof value.mediaType !== "string" || value.mediaType === "") {
    throw new InvalidImageError(
      `${what}: descriptor \`mediaType\` should be a string, found ${describeValue(value.mediaType)}`,
      what
    );
  }
  const digest = checkDigest(value.digest, `${what} digest`);
  const size = value.size;
  if (typeof size !== "number" || !Number.isSafeInteger(size) || size < 0) {
    throw new InvalidImageError(
      `${what}: descriptor \`size\` should be a non-negative integer, found ${describeValue(size)}`,
      what
    );
  }
  const platform = parsePlatformField(value.platform, what);
  const annotations = stringMap(value.annotations, `${what} annotations`);
  const descriptor = { mediaType: value.mediaType, digest, size, annotations };
  if (platform) descriptor.platform = platform;
  return descriptor;
}
function parseJson(data, what) {
  try {
    return JSON.parse(data.toString("utf8"));
  } catch (error) {
    throw new InvalidImageError(`${what} is not valid JSON: ${error.message}`, what, {
      cause: error
    });
  }
}

// packages/core/src/image/config.ts
function optionalString(value, what) {
  if (value === void 0 || value === null) return void 0;
  if (typeof value !== "string")
    throw new InvalidImageError(`${what}: expected a string, found ${describeValue(value)}`, what);
  return value;
}
function parseEnv(value, what) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
    throw new InvalidImageError(
      `${what}: expected an array of VAR=value strings, found ${describeValue(value)}`,
      what
    );
  }
  return value;
}
function parseHistory(value, what) {
  if (value === void 0 || value === null) return [];
  if (!Array.isArray(value))
    throw new InvalidImageError(`${what}: expected an array, found ${describeValue(value)}`, what);
  return value.map((entry, i) => {
    const where = `${what}[${i}]`;
    if (!isRecord(entry))
      throw new InvalidImageError(
        `${where}: expected an object, found ${describeValue(entry)}`,
        where
      );
    const item = { emptyLayer: entry.empty_layer === true };
    const createdBy = optionalString(entry.created_by, `${where}.created_by`);
    const created = optionalString(entry.created, `${where}.created`);
    const comment = optionalString(entry.comment, `${where}.comment`);
    if (createdBy !== void 0) item.createdBy = createdBy;
    if (created !== void 0) item.created = created;
    if (comment !== void 0) item.comment = comment;
    return item;
  });
}
function parseImageConfig(data, what) {
  const json = parseJson(data, what);
  if (!isRecord(json))
    throw new InvalidImageError(
      `${what}: expected a JSON object, found ${describeValue(json)}`,
      what
    );
  if (typeof json.os !== "string" || typeof json.architecture !== "string") {
    throw new InvalidImageError(
      `${what}: \`os\` and \`architecture\` must be strings, found ${describeValue(json.os)} and ${describeValue(json.architecture)}`,
      what
    );
  }
  const rootfs = json.rootfs;
  if (!isRecord(rootfs) || rootfs.type !== "layers" || !Array.isArray(rootfs.diff_ids)) {
    throw new InvalidImageError(
      `${what}: expected \`rootfs\` to be {type: "layers", diff_ids: [...]}`,
      what
    );
  }
  const diffIds = rootfs.diff_ids.map((id, i) => checkDigest(id, `${what} rootfs.diff_ids[${i}]`));
  const inner = json.config ?? null;
  if (inner !== null && !isRecord(inner))
    throw new InvalidImageError(
      `${what}: \`config\` should be an object, found ${describeValue(inner)}`,
      what
    );
  const config = {
    os: json.os,
    architecture: json.architecture,
    env: parseEnv(inner?.Env, `${what} config.Env`),
    history: parseHistory(json.history, `${what} history`),
    diffIds,
    labels: stringMap(inner?.Labels, `${what} config.Labels`)
  };
  const variant = optionalString(json.variant, `${what} variant`);
  if (variant) config.variant = variant;
  return config;
}

// packages/core/src/image/media-types.ts
var mediaTypes = {
  ociIndex: "application/vnd.oci.image.index.v1+json",
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociConfig: "application/vnd.oci.image.config.v1+json",
  dockerList: "application/vnd.docker.distribution.manifest.list.v2+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerConfig: "application/vnd.docker.container.image.v1+json",
  /** What intake reports for uncompressed docker-archive layers, which carry no media type. */
  dockerLayerTar: "application/vnd.docker.image.rootfs.diff.tar",
  dockerLayerGzip: "application/vnd.docker.image.rootfs.diff.tar.gzip"
};
var indexMediaTypes = [mediaTypes.ociIndex, mediaTypes.dockerList];
var manifestMediaTypes = [
  mediaTypes.ociManifest,
  mediaTypes.dockerManifest
];
var configMediaTypes = [mediaTypes.ociConfig, mediaTypes.dockerConfig];
var schema1MediaTypes = [
  "application/vnd.docker.distribution.manifest.v1+json",
  "application/vnd.docker.distribution.manifest.v1+prettyjws"
];
var layerMediaTypes = /* @__PURE__ */ new Map([
  ["application/vnd.oci.image.layer.v1.tar", "none"],
  ["application/vnd.oci.image.layer.v1.tar+gzip", "gzip"],
  ["application/vnd.oci.image.layer.v1.tar+zstd", "zstd"],
  ["application/vnd.oci.image.layer.nondistributable.v1.tar", "none"],
  ["application/vnd.oci.image.layer.nondistributable.v1.tar+gzip", "gzip"],
  ["application/vnd.oci.image.layer.nondistributable.v1.tar+zstd", "zstd"],
  [mediaTypes.dockerLayerGzip, "gzip"],
  ["application/vnd.docker.image.rootfs.foreign.diff.tar.gzip", "gzip"]
]);

// packages/core/src/image/manifest.ts
function shown(mediaType) {
  return `\`${sanitizeForDisplay(mediaType, 120)}\``;
}
function descriptors(value, what) {
  if (value === null || value === void 0) return [];
  if (!Array.isArray(value))
    throw new InvalidImageError(`${what}: expected an array, found ${describeValue(value)}`, what);
  return value.map((entry, i) => parseDescriptor(entry, `${what}[${i}]`));
}
function parseManifestDocument(data, expected, what) {
  const json = parseJson(data, what);
  if (!isRecord(json))
    throw new InvalidImageError(
      `${what}: expected a JSON object, found ${describeValue(json)}`,
      what
    );
  const embedded = typeof json.mediaType === "string" ? json.mediaType : void 0;
  for (const type of [expected, embedded]) {
    if (type !== void 0 && schema1MediaTypes.includes(type)) {
      throw new InvalidImageError(
        `${what} has media type ${shown(type)}: Docker schema1 images are not supported; convert the image with a current docker or skopeo`,
        what
      );
    }
  }
  if (json.schemaVersion === 1) {
    throw new InvalidImageError(
      `${what} is a Docker schema1 manifest (schemaVersion 1), which is not supported; convert the image with a current docker or skopeo`,
      what
    );
  }
  if (json.schemaVersion !== 2) {
    throw new InvalidImageError(
      `${what}: expected schemaVersion 2, found ${describeValue(json.schemaVersion)}`,
      what
    );
  }
  if ("manifests" in json && ("layers" in json || "config" in json)) {
    throw new InvalidImageError(
      `${what} has both \`manifests\` and \`layers\`/\`config\`; refusing an ambiguous document (CVE-2021-41190)`,
      what
    );
  }
  if (expected !== void 0 && embedded !== void 0 && expected !== embedded) {
    throw new InvalidImageError(
      `${what}: the descriptor says media type ${shown(expected)} but the document says ${shown(embedded)}`,
      what
    );
  }
  const mediaType = embedded ?? expected ?? ("manifests" in json ? indexMediaTypes[0] : manifestMediaTypes[0]) ?? "";
  if (indexMediaTypes.includes(mediaType)) {
    if ("layers" in json || "config" in json)
      throw new InvalidImageError(`${what}: an index must not have \`layers\` or \`config\``, what);
    return { kind: "index", mediaType, manifests: descriptors(json.manifests, `${what} manifests`) };
  }
  if (!manifestMediaTypes.includes(mediaType)) {
    throw new InvalidImageError(
      `${what} has media type ${shown(mediaType)}, which is not a container image manifest or index`,
      what
    );
  }
  if ("manifests" in json)
    throw new InvalidImageError(`${what}: an image manifest must not have \`manifests\``, what);
  const config = parseDescriptor(json.config, `${what} config`);
  if (!configMediaTypes.includes(config.mediaType)) {
    throw new InvalidImageError(
      `${what} is not a container image: its config has media type ${shown(config.mediaType)} (an OCI artifact?)`,
      what
    );
  }
  const layers = descriptors(json.layers, `${what} layers`);
  layers.forEach((layer, i) => {
    if (!layerMediaTypes.has(layer.mediaType)) {
      throw new InvalidImageError(
        `${what}: layer ${i} has unsupported media type ${shown(layer.mediaType)}`,
        what
      );
    }
  });
  return { kind: "manifest", mediaType, config, layers };
}

// packages/core/src/image/names.ts
var refNameAnnotation = "org.opencontainers.image.ref.name";
var containerdNameAnnotation = "io.containerd.image.name";
function normalizeImageName(name) {
  let full = name;
  const slash4 = full.indexOf("/");
  const first = slash4 < 0 ? "" : full.slice(0, slash4);
  if (slash4 < 0) full = `docker.io/library/${full}`;
  else if (!first.includes(".") && !first.includes(":") && first !== "localhost")
    full = `docker.io/${full}`;
  const last = full.slice(full.lastIndexOf("/") + 1);
  if (!last.includes(":") && !last.includes("@")) full = `${full}:latest`;
  return full;
}
function nameMatches(recorded, wanted) {
  if (recorded === wanted) return true;
  return normalizeImageName(recorded) === normalizeImageName(wanted);
}
function parseSourceIndex(ref) {
  const match = /^@(\d{1,6})$/.exec(ref);
  return match ? Number(match[1]) : void 0;
}

// packages/core/src/image/verify.ts
import { createHash as createHash2 } from "node:crypto";
function detectCompression(head) {
  if (head[0] === 31 && head[1] === 139) return "gzip";
  if (head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  return "none";
}
async function hashLocation(location, signal) {
  const hash = createHash2("sha256");
  let size = 0;
  let head = Buffer.alloc(0);
  const stream = openLocation(location);
  const abort = () => {
    stream.destroy(signal?.reason instanceof Error ? signal.reason : new Error("aborted"));
  };
  signal?.addEventListener("abort", abort, { once: true });
  try {
    for await (const chunk of stream) {
      const buf = chunk;
      if (head.length < 4) head = Buffer.concat([head, buf.subarray(0, 4)]);
      hash.update(buf);
      size += buf.length;
    }
  } finally {
    signal?.removeEventListener("abort", abort);
  }
  signal?.throwIfAborted();
  return { digest: `sha256:${hash.digest("hex")}`, size, compression: detectCompression(head) };
}
async function readVerified(location, expected, cap2, what) {
  if (expected.size !== void 0 && location.size !== expected.size) {
    throw new InvalidImageError(
      `${what}: expected ${expected.size} bytes, found ${location.size}`,
      expected.digest
    );
  }
  const data = await readLocation(location, cap2, what);
  const found = sha256Digest(data);
  if (found !== expected.digest) {
    throw new InvalidImageError(
      `${what}: expected ${expected.digest}, found ${found}`,
      expected.digest
    );
  }
  return data;
}

// packages/core/src/image/oci-layout.ts
var maxDocumentBytes = 4 * 1024 * 1024;
var maxIndexDepth = 8;
async function readLayoutIndex(source) {
  const layoutFile = await requireLocation(source, "oci-layout", "layout marker");
  const layout = parseJson(
    await readLocation(layoutFile, 64 * 1024, "oci-layout"),
    `${source.label}: oci-layout`
  );
  const version = isRecord(layout) ? layout.imageLayoutVersion : void 0;
  if (version !== "1.0.0") {
    throw new InvalidImageError(
      `${source.label}: oci-layout: expected imageLayoutVersion 1.0.0, found ${describeValue(version)}`,
      "oci-layout"
    );
  }
  const indexFile = await requireLocation(source, "index.json", "layout index");
  const what = `${source.label}: index.json`;
  const document = parseManifestDocument(
    await readLocation(indexFile, maxDocumentBytes, what),
    void 0,
    what
  );
  if (document.kind !== "index")
    throw new InvalidImageError(`${what} is not an image index`, "index.json");
  return document;
}
function namesOf(descriptor) {
  const names = [
    descriptor.annotations[containerdNameAnnotation],
    descriptor.annotations[refNameAnnotation]
  ];
  return names.filter((n) => n !== void 0 && n !== "");
}
function selectByRef(index, ref, label) {
  const entries = index.manifests;
  if (entries.length === 0)
    throw new InvalidImageError(`${label}: index.json lists no images`, "index.json");
  if (ref !== void 0) {
    const position = parseSourceIndex(ref);
    const picked = position === void 0 ? entries.filter((e) => namesOf(e).some((n) => nameMatches(n, ref))) : entries.slice(position, position + 1);
    if (picked.length > 0) return picked;
    const known = [...new Set(entries.flatMap(namesOf))];
    throw new InvalidImageError(
      `${label}: no image named \`${sanitizeForDisplay(ref)}\`; the layout has ${known.length > 0 ? known.join(", ") : "no named images"} (${entries.length} entries, @0\u2026@${entries.length - 1})`,
      "index.json"
    );
  }
  const names = new Set(
    entries.map(
      (e) => e.annotations[refNameAnnotation] ?? e.annotations[containerdNameAnnotation] ?? ""
    )
  );
  if (names.size > 1) {
    const listed2 = [...names].map((n) => n === "" ? "(unnamed)" : n).join(", ");
    throw new InvalidImageError(
      `${label} holds several images (${listed2}); add :REF to pick one`,
      "index.json"
    );
  }
  return entries;
}
function isAttestation(descriptor) {
  const p = descriptor.platform;
  return descriptor.annotations["vnd.docker.reference.type"] === "attestation-manifest" || p?.os === "unknown" && p.architecture === "unknown";
}
async function collectManifests(source, entries, ancestors = []) {
  const found = [];
  const skipped = [];
  for (const entry of entries) {
    if (isAttestation(entry)) continue;
    if (manifestMediaTypes.includes(entry.mediaType)) {
      found.push(entry);
    } else if (indexMediaTypes.includes(entry.mediaType)) {
      const what = `index ${shortDigest(entry.digest)} of ${source.label}`;
      if (ancestors.includes(entry.digest))
        throw new InvalidImageError(
          `${what} refers to itself through nested indexes (a cycle)`,
          entry.digest
        );
      if (ancestors.length >= maxIndexDepth)
        throw new InvalidImageError(
          `${what}: indexes nest more than ${maxIndexDepth} levels deep`,
          entry.digest
        );
      const location = await requireLocation(source, blobPath(entry.digest), "blob");
      const document = parseManifestDocument(
        await readVerified(location, entry, maxDocumentBytes, what),
        entry.mediaType,
        what
      );
      if (document.kind !== "index")
        throw new InvalidImageError(`${what} is not an index`, entry.digest);
      found.push(
        ...await collectManifests(source, document.manifests, [...ancestors, entry.digest])
      );
    } else if (schema1MediaTypes.includes(entry.mediaType)) {
      throw new InvalidImageError(
        `${source.label}: manifest ${shortDigest(entry.digest)} has media type \`${entry.mediaType}\`: Docker schema1 images are not supported; convert the image with a current docker or skopeo`,
        entry.digest
      );
    } else {
      skipped.push(entry.mediaType);
    }
  }
  if (ancestors.length === 0 && found.length === 0) {
    const types = [...new Set(skipped)].map((t) => `\`${sanitizeForDisplay(t, 100)}\``);
    throw new InvalidImageError(
      `${source.label} has no container image manifests${types.length > 0 ? ` (found ${types.join(", ")})` : ""}`,
      "index.json"
    );
  }
  return found;
}
function selectPlatform(manifests, wanted, label) {
  const only = manifests[0];
  if (manifests.length === 1 && only && (!only.platform || !wanted)) return only;
  const target = wanted ?? defaultPlatform;
  const matching = manifests.filter((m) => m.platform && platformMatches(target, m.platform));
  const exact = matching.find(
    (m) => m.platform && normalizePlatform(m.platform).variant === normalizePlatform(target).variant
  );
  const chosen = exact ?? matching[0];
  if (chosen) return chosen;
  const offered = manifests.map((m) => m.platform ? formatPlatform(m.platform) : "unspecified");
  throw new InvalidImageError(
    `${label} has no image for platform ${formatPlatform(target)}; it has ${offered.length > 0 ? [...new Set(offered)].join(", ") : "no images"}`,
    "platform"
  );
}
async function readManifest(source, descriptor) {
  const what = `manifest ${shortDigest(descriptor.digest)} of ${source.label}`;
  const location = await requireLocation(source, blobPath(descriptor.digest), "manifest blob");
  const document = parseManifestDocument(
    await readVerified(location, descriptor, maxDocumentBytes, what),
    descriptor.mediaType,
    what
  );
  if (document.kind !== "manifest")
    throw new InvalidImageError(`${what} is not an image manifest`, descriptor.digest);
  return document;
}

// packages/core/src/image/verify-layers.ts
async function verifyLayers(plans, label, signal) {
  const cache = /* @__PURE__ */ new Map();
  const layers = [];
  for (const [index, plan] of plans.entries()) {
    signal?.throwIfAborted();
    const { location, descriptor } = plan;
    const claimed = descriptor?.digest ?? plan.namedDigest ?? plan.diffId;
    const what = `layer ${index} (${shortDigest(claimed)}) of ${label}`;
    if (descriptor && descriptor.size !== location.size) {
      throw new InvalidImageError(
        `${what}: expected ${descriptor.size} bytes, found ${location.size}`,
        claimed
      );
    }
    const key = `${location.file}\0${location.start}\0${location.size}`;
    const facts = cache.get(key) ?? await hashLocation(location, signal);
    cache.set(key, facts);
    const expected = descriptor?.digest ?? plan.namedDigest ?? (facts.compression === "none" ? plan.diffId : void 0);
    if (expected !== void 0 && facts.digest !== expected) {
      throw new InvalidImageError(`${what}: expected ${expected}, found ${facts.digest}`, claimed);
    }
    if (!descriptor && plan.namedDigest && facts.compression === "none" && facts.digest !== plan.diffId) {
      throw new InvalidImageError(
        `${what}: the uncompressed layer should equal diff_id ${plan.diffId}, found ${facts.digest}`,
        claimed
      );
    }
    let mediaType;
    if (descriptor) {
      mediaType = descriptor.mediaType;
      const declared = layerMediaTypes.get(mediaType);
      const tolerated = mediaType === mediaTypes.dockerLayerGzip && facts.compression === "none";
      if (declared !== facts.compression && !tolerated) {
        throw new InvalidImageError(
          `${what}: media type \`${mediaType}\` says ${declared ?? "unknown"} but the blob is ${facts.compression === "none" ? "not compressed" : facts.compression}`,
          claimed
        );
      }
    } else {
      mediaType = facts.compression === "gzip" ? mediaTypes.dockerLayerGzip : facts.compression === "zstd" ? "application/vnd.oci.image.layer.v1.tar+zstd" : mediaTypes.dockerLayerTar;
    }
    layers.push({
      index,
      digest: facts.digest,
      diffId: plan.diffId,
      mediaType,
      size: facts.size,
      compression: facts.compression,
      open: () => openLocation(location)
    });
  }
  return layers;
}

// packages/core/src/image/manifest-image.ts
function checkLayerCount(config, layerCount, label) {
  if (config.diffIds.length !== layerCount) {
    throw new InvalidImageError(
      `${label}: the config lists ${config.diffIds.length} diff_ids but the manifest has ${layerCount} layers`,
      "rootfs.diff_ids"
    );
  }
}
async function loadManifestImage(source, manifest, manifestDigest, signal) {
  const configDescriptor = manifest.config;
  const what = `config ${shortDigest(configDescriptor.digest)} of ${source.label}`;
  const configLocation = await requireLocation(
    source,
    blobPath(configDescriptor.digest),
    "config blob"
  );
  const config = parseImageConfig(
    await readVerified(configLocation, configDescriptor, maxDocumentBytes, what),
    what
  );
  checkLayerCount(config, manifest.layers.length, source.label);
  const plans = [];
  for (const [i, layer] of manifest.layers.entries()) {
    const location = await requireLocation(source, blobPath(layer.digest), `layer ${i} blob`);
    plans.push({ location, diffId: config.diffIds[i] ?? "", descriptor: layer });
  }
  const layers = await verifyLayers(plans, source.label, signal);
  const parts = { configDigest: configDescriptor.digest, config, layers };
  if (manifestDigest) parts.manifestDigest = manifestDigest;
  return parts;
}

// packages/core/src/image/member-path.ts
import { posix } from "node:path";
function cleanMemberName(name) {
  if (name === "" || name.includes("\0")) return void 0;
  const cleaned = posix.normalize(name).replace(/\/+$/, "");
  if (cleaned === "" || cleaned === "." || cleaned.startsWith("/")) return void 0;
  if (cleaned === ".." || cleaned.startsWith("../")) return void 0;
  return cleaned;
}
function checkMemberReference(value, what) {
  const bad = (problem) => {
    throw new InvalidImageError(`${what}: ${problem}`, what);
  };
  if (typeof value !== "string" || value === "")
    return bad(
      `expected a relative path in the archive, found ${typeof value === "string" ? "an empty string" : typeof value}`
    );
  const shown2 = sanitizeForDisplay(value, 120);
  if (value.includes("\0")) bad(`path \`${shown2}\` contains NUL`);
  if (value.startsWith("/"))
    bad(`path \`${shown2}\` is absolute; only paths inside the archive are allowed`);
  if (value.split("/").includes(".."))
    bad(`path \`${shown2}\` contains \`..\`; only paths inside the archive are allowed`);
  const cleaned = cleanMemberName(value);
  if (cleaned === void 0) return bad(`path \`${shown2}\` does not name an archive member`);
  return cleaned;
}

// packages/core/src/image/docker-archive.ts
var maxDockerManifestBytes = 1024 * 1024;
var namedBlob = /^(?:blobs\/sha256\/)?([a-f0-9]{64})(?:\.json)?$/;
function parseEntries(data, label) {
  const what = `${label}: manifest.json`;
  const json = parseJson(data, what);
  if (!Array.isArray(json))
    throw new InvalidImageError(
      `${what}: expected an array, found ${describeValue(json)}`,
      "manifest.json"
    );
  return json.map((entry, i) => {
    const where = `${what}[${i}]`;
    if (!isRecord(entry))
      throw new InvalidImageError(
        `${where}: expected an object, found ${describeValue(entry)}`,
        "manifest.json"
      );
    const tags = entry.RepoTags ?? [];
    if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) {
      throw new InvalidImageError(
        `${where}.RepoTags: expected an array of strings, found ${describeValue(tags)}`,
        "manifest.json"
      );
    }
    const layers = entry.Layers ?? [];
    if (!Array.isArray(layers))
      throw new InvalidImageError(
        `${where}.Layers: expected an array, found ${describeValue(layers)}`,
        "manifest.json"
      );
    return {
      config: checkMemberReference(entry.Config, `${where}.Config`),
      repoTags: tags,
      layers: layers.map(
        (layer, j) => checkMemberReference(layer, `${where}.Layers[${j}]`)
      )
    };
  });
}
function selectEntry(entries, ref, label) {
  const listed2 = () => entries.map((e, i) => e.repoTags.length > 0 ? e.repoTags.join(", ") : `@${i} (untagged)`).join("; ");
  if (ref === void 0) {
    const [only] = entries;
    if (entries.length === 1 && only) return only;
    if (entries.length === 0)
      throw new InvalidImageError(`${label}: manifest.json lists no images`, "manifest.json");
    throw new InvalidImageError(
      `${label} holds ${entries.length} images (${listed2()}); add :REF to pick one`,
      "manifest.json"
    );
  }
  const position = parseSourceIndex(ref);
  const found = position === void 0 ? entries.find((e) => e.repoTags.some((t) => nameMatches(t, ref))) : entries[position];
  if (!found)
    throw new InvalidImageError(
      `${label}: no image \`${sanitizeForDisplay(ref)}\`; the archive has ${listed2()}`,
      "manifest.json"
    );
  return found;
}
async function fromEmbeddedLayout(source, configDigest, signal) {
  if (!await source.locate("oci-layout") || !await source.locate("index.json")) return void 0;
  const index = await readLayoutIndex(source);
  const manifests = await collectManifests(source, index.manifests).catch(() => []);
  for (const descriptor of manifests) {
    if (!await source.locate(`blobs/sha256/${descriptor.digest.slice(7)}`)) continue;
    const manifest = await readManifest(source, descriptor);
    if (manifest.config.digest === configDigest)
      return loadManifestImage(source, manifest, descriptor.digest, signal);
  }
  return void 0;
}
async function loadDockerArchive(source, ref, signal) {
  const label = source.label;
  const manifestFile = await requireLocation(source, "manifest.json", "docker-archive index");
  const entries = parseEntries(
    await readLocation(manifestFile, maxDockerManifestBytes, `${label}: manifest.json`),
    label
  );
  const entry = selectEntry(entries, ref, label);
  const configLocation = await requireLocation(source, entry.config, "config");
  const configBytes = await readLocation(
    configLocation,
    maxDocumentBytes,
    `${label}: config ${entry.config}`
  );
  const configDigest = sha256Digest(configBytes);
  const claimed = namedBlob.exec(entry.config)?.[1];
  if (claimed !== void 0 && `sha256:${claimed}` !== configDigest) {
    throw new InvalidImageError(
      `config (${shortDigest(`sha256:${claimed}`)}) of ${label}: expected sha256:${claimed}, found ${configDigest}`,
      entry.config
    );
  }
  const embedded = await fromEmbeddedLayout(source, configDigest, signal);
  if (embedded) return { ...embedded, names: entry.repoTags };
  const config = parseImageConfig(configBytes, `config ${shortDigest(configDigest)} of ${label}`);
  checkLayerCount(config, entry.layers.length, label);
  const plans = [];
  for (const [i, member] of entry.layers.entries()) {
    const plan = {
      location: await requireLocation(source, member, `layer ${i}`),
      diffId: config.diffIds[i] ?? ""
    };
    const hex = /^blobs\/sha256\/([a-f0-9]{64})$/.exec(member)?.[1];
    if (hex !== void 0) plan.namedDigest = `sha256:${hex}`;
    plans.push(plan);
  }
  const layers = await verifyLayers(plans, label, signal);
  return { configDigest, config, layers, names: entry.repoTags };
}

// packages/core/src/image/registry/pull-image.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { join as join4 } from "node:path";

// packages/core/src/image/registry/blob-store.ts
import { randomBytes } from "node:crypto";
import { lstat as lstat2, mkdir, rename, rm } from "node:fs/promises";
import { join as join2 } from "node:path";
var BlobStore = class _BlobStore {
  constructor(root) {
    this.root = root;
  }
  root;
  static async open(root) {
    await mkdir(join2(root, "blobs", "sha256"), { recursive: true, mode: 448 });
    await mkdir(join2(root, "tmp"), { recursive: true, mode: 448 });
    return new _BlobStore(root);
  }
  path(digest) {
    return join2(this.root, ...blobPath(digest).split("/"));
  }
  /**
   * Whether a verified copy of the blob is present. A corrupt, truncated or non-regular entry is
   * removed (and reported through `onCorrupt`) so that it is downloaded again.
   */
  async has(expected, signal, onCorrupt) {
    const file = this.path(expected.digest);
    const info = await lstat2(file).catch(() => void 0);
    if (!info) return false;
    let why;
    if (!info.isFile()) why = "not a regular file";
    else if (info.size !== expected.size) why = `${info.size} bytes, expected ${expected.size}`;
    else {
      const facts = await hashLocation({ file, start: 0, size: info.size, noFollow: true }, signal);
      if (facts.digest !== expected.digest) why = `its content hashes to ${facts.digest}`;
    }
    if (why === void 0) return true;
    onCorrupt?.(why);
    await rm(file, { force: true, recursive: true });
    return false;
  }
  /** A fresh private temporary path inside the store (same filesystem as the blobs). */
  temporary() {
    return join2(this.root, "tmp", `${randomBytes(8).toString("hex")}.partial`);
  }
  /** Moves a verified temporary file into place. */
  async commit(temporary, digest) {
    await rename(temporary, this.path(digest));
  }
};

// packages/core/src/image/registry/registry-client.ts
import { createHash as createHash3 } from "node:crypto";
import { open as open3, rm as rm2 } from "node:fs/promises";

// packages/core/src/image/registry/retry.ts
import { setTimeout as sleep } from "node:timers/promises";
var TransientError = class extends Error {
  constructor(message, retryAfterMs, options) {
    super(message, options);
    this.retryAfterMs = retryAfterMs;
    this.name = "TransientError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
  retryAfterMs;
};
var retryableStatuses = /* @__PURE__ */ new Set([
  408,
  425,
  429,
  499,
  500,
  502,
  503,
  504,
  522
]);
var transientCodes = /* @__PURE__ */ new Set([
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ERR_STREAM_PREMATURE_CLOSE",
  "UND_ERR_SOCKET"
]);
function isTransientNetworkError(error) {
  const code = error?.code;
  if (code !== void 0 && transientCodes.has(code)) return true;
  const message = getErrorMessage(error);
  return message === "aborted" || /socket hang up|idle timeout/.test(message);
}
function parseRetryAfter(value, cap2, now = Date.now()) {
  if (value === void 0) return void 0;
  const text2 = value.trim();
  let ms;
  if (/^\d+$/.test(text2)) ms = Number(text2) * 1e3;
  else {
    const date = Date.parse(text2);
    if (Number.isNaN(date)) return void 0;
    ms = date - now;
  }
  return Math.min(Math.max(ms, 0), cap2);
}
function backoffDelay(attempt, policy, random = Math.random) {
  const base = Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
  return Math.round(base * (0.75 + random() * 0.5));
}
async function withRetries(what, policy, attempt, options = {}) {
  for (let n = 1; ; n++) {
    options.signal?.throwIfAborted();
    try {
      return await attempt(n);
    } catch (error) {
      if (!(error instanceof TransientError)) throw error;
      const delay = error.retryAfterMs ?? backoffDelay(n, policy);
      const outOfTime = Date.now() + delay >= policy.deadline;
      if (n >= policy.attempts || outOfTime) {
        throw new InvalidImageError(
          `${what}: gave up after ${n} attempt${n === 1 ? "" : "s"}${outOfTime ? " (time budget spent)" : ""}: ${error.message}`,
          what,
          { cause: error }
        );
      }
      options.log?.(`${what}: ${error.message}; retrying in ${delay} ms (attempt ${n + 1})`);
      await sleep(delay, void 0, { signal: options.signal });
    }
  }
}

// packages/core/src/image/registry/transport.ts
import { readFile } from "node:fs/promises";
import http2 from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import { rootCertificates } from "node:tls";
async function createTransport(options) {
  let ca;
  if (options.caFile !== void 0) {
    const pem = await readFile(options.caFile, "utf8").catch((error) => {
      throw new ConfigurationError(
        `Expected \`--ca-file\` to be a readable PEM file, got ${options.caFile}: ${getErrorMessage(error)}`
      );
    });
    if (!pem.includes("-----BEGIN CERTIFICATE-----"))
      throw new ConfigurationError(
        `Expected \`--ca-file\` to hold PEM certificates, found none in ${options.caFile}`
      );
    ca = [...rootCertificates, pem];
  }
  const common = { keepAlive: true, maxSockets: options.maxSockets };
  const httpsAgent = new https.Agent(ca === void 0 ? common : { ...common, ca });
  const httpAgent = new http2.Agent(common);
  return {
    request: (url, headers, signal) => new Promise((resolve3, reject) => {
      const secure = url.protocol === "https:";
      const request = (secure ? https : http2).request(url, {
        method: "GET",
        headers,
        agent: secure ? httpsAgent : httpAgent,
        signal
      });
      request.setTimeout(options.idleTimeoutMs, () => {
        request.destroy(Object.assign(new Error("idle timeout"), { code: "ETIMEDOUT" }));
      });
      request.on("response", resolve3);
      request.on("error", reject);
      request.end();
    }),
    close: () => {
      httpsAgent.destroy();
      httpAgent.destroy();
    }
  };
}
async function readBody(response, cap2, what) {
  const announced = Number(response.headers["content-length"]);
  if (Number.isFinite(announced) && announced > cap2) {
    response.destroy();
    throw new LimitExceededError(`${what} is ${announced} bytes; the limit is ${cap2} bytes`, what);
  }
  const chunks = [];
  let total = 0;
  for await (const chunk of response) {
    total += chunk.length;
    if (total > cap2) {
      response.destroy();
      throw new LimitExceededError(`${what} is larger than the limit of ${cap2} bytes`, what);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
function redactUrl(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search === "" ? "" : "?\u2026"}`;
  } catch {
    return "(unparsable URL)";
  }
}
function ipv4Private(ip) {
  const [a = 0, b = 0] = ip.split(".").map(Number);
  return a === 0 || a === 10 || a === 127 || a === 169 && b === 254 || a === 172 && b >= 16 && b <= 31 || a === 192 && b === 168 || a === 100 && b >= 64 && b <= 127;
}
function isInternalAddress(hostname) {
  const host = hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const version = isIP(host);
  if (version === 4) return ipv4Private(host);
  if (version !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host)?.[1];
  if (mapped !== void 0) return ipv4Private(mapped);
  return host === "::" || host === "::1" || /^fe[89ab]/.test(host) || /^f[cd]/.test(host);
}

// packages/core/src/image/registry/www-authenticate.ts
var tokenChars = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;
function parseWwwAuthenticate(header) {
  const challenges = [];
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && (header[i] === " " || header[i] === "	")) i++;
  };
  const readToken = () => {
    const start = i;
    while (i < header.length && tokenChars.test(header[i] ?? "")) i++;
    return header.slice(start, i);
  };
  let current;
  while (i < header.length) {
    skipSpace();
    if (header[i] === ",") {
      i++;
      continue;
    }
    const start = i;
    const word = readToken();
    if (word === "") break;
    skipSpace();
    if (header[i] === "=" && current !== void 0) {
      i++;
      skipSpace();
      let value = "";
      if (header[i] === '"') {
        i++;
        while (i < header.length && header[i] !== '"') {
          if (header[i] === "\\") i++;
          value += header[i] ?? "";
          i++;
        }
        i++;
      } else {
        value = readToken();
      }
      current.params[word.toLowerCase()] = value;
    } else {
      i = start + word.length;
      current = { scheme: word.toLowerCase(), params: /* @__PURE__ */ Object.create(null) };
      challenges.push(current);
    }
  }
  return challenges;
}

// packages/core/src/image/registry/auth.ts
var maxTokenBytes = 1024 * 1024;
var maxTokenRedirects = 3;
function checkRealm(realm, context) {
  const refuse = (why) => {
    throw new InvalidImageError(
      `${context.label}: refusing the token server ${redactUrl(realm)}: ${why}`,
      "auth"
    );
  };
  if (realm.protocol !== "https:" && !(realm.protocol === "http:" && context.insecure))
    refuse("it is not https");
  if (realm.username !== "" || realm.password !== "") refuse("it carries credentials");
  if (isInternalAddress(realm.hostname) && realm.host !== context.origin.host)
    refuse("it is an internal address other than the registry");
}
function basic(credentials) {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`;
}
var Authenticator = class {
  constructor(context) {
    this.context = context;
  }
  context;
  header;
  bearer;
  /** Refreshes a Bearer token whose `expires_in` has passed, before it is sent again. */
  async refreshIfExpired() {
    if (this.bearer && Date.now() >= this.bearer.expiresAt) {
      const credentials = await this.context.credentials();
      this.header = `Bearer ${await this.fetchToken(this.bearer.challenge, credentials)}`;
    }
  }
  /**
   * Handles the `round`-th 401 of one request (1 or 2). A second round is allowed for a Bearer
   * challenge (expired token, `insufficient_scope`); rejected Basic credentials end at once.
   */
  async respond(wwwAuthenticate, round) {
    const { label } = this.context;
    const challenges = parseWwwAuthenticate(wwwAuthenticate ?? "");
    const bearer = challenges.find((c) => c.scheme === "bearer");
    const basicChallenge = challenges.find((c) => c.scheme === "basic");
    const hadAuth = this.header !== void 0;
    if (round > 2 || hadAuth && !bearer) {
      throw new InvalidImageError(
        `${label}: access denied (401): the credentials were rejected or lack pull permission`,
        "auth"
      );
    }
    const credentials = await this.context.credentials();
    if (bearer) {
      this.header = `Bearer ${await this.fetchToken(bearer, credentials)}`;
    } else if (basicChallenge) {
      if (!credentials)
        throw new InvalidImageError(
          `${label}: the registry requires credentials (401) and none were found (--username/--password-stdin, SCAPGATE_REGISTRY_USERNAME/PASSWORD, REGISTRY_AUTH_FILE or ~/.docker/config.json)`,
          "auth"
        );
      if (this.context.origin.protocol !== "https:")
        throw new InvalidImageError(
          `${label}: refusing to send credentials over plain http`,
          "auth"
        );
      this.header = basic(credentials);
    } else {
      throw new InvalidImageError(
        `${label}: access denied (401) with no Bearer or Basic challenge`,
        "auth"
      );
    }
  }
  async fetchToken(challenge, credentials) {
    const obtained = Date.now();
    const { token, expiresIn } = await this.requestToken(challenge, credentials);
    this.bearer = { challenge, expiresAt: obtained + Math.max(expiresIn - 10, 5) * 1e3 };
    return token;
  }
  async requestToken(challenge, credentials) {
    const { label, policy, signal, transport } = this.context;
    const realmText = challenge.params.realm;
    let realm;
    try {
      realm = new URL(realmText ?? "");
    } catch {
      throw new InvalidImageError(`${label}: the Bearer challenge has no valid realm URL`, "auth");
    }
    checkRealm(realm, this.context);
    const url = new URL(realm);
    if (challenge.params.service) url.searchParams.set("service", challenge.params.service);
    const scopes = (challenge.params.scope ?? `repository:${this.context.repository}:pull`).split(
      " "
    );
    for (const scope of scopes) if (scope !== "") url.searchParams.append("scope", scope);
    const what = `${label}: token from ${redactUrl(realm)}`;
    return withRetries(
      what,
      policy,
      async () => {
        let target = url;
        for (let hop = 0; ; hop++) {
          const headers = { accept: "application/json" };
          if (credentials && target.protocol === "https:" && target.origin === realm.origin)
            headers.authorization = basic(credentials);
          let response;
          try {
            response = await transport.request(target, headers, signal);
          } catch (error) {
            if (isTransientNetworkError(error))
              throw new TransientError(`${error.message}`);
            throw error;
          }
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400 && response.headers.location && hop < maxTokenRedirects) {
            response.resume();
            target = new URL(response.headers.location, target);
            checkRealm(target, this.context);
            continue;
          }
          if (retryableStatuses.has(status)) {
            response.resume();
            throw new TransientError(`the token server answered ${status}`);
          }
          if (status === 401 || status === 403) {
            response.resume();
            throw new InvalidImageError(
              `${label}: the token server refused the ${credentials ? "credentials" : "anonymous request"} (${status})`,
              "auth"
            );
          }
          if (status !== 200) {
            response.resume();
            throw new InvalidImageError(`${what}: unexpected status ${status}`, "auth");
          }
          return parseToken(await readBody(response, maxTokenBytes, `${what}: response`), what);
        }
      },
      { signal, log: this.context.log }
    );
  }
};
function parseToken(body, what) {
  let json;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    throw new InvalidImageError(`${what}: the response is not JSON`, "auth");
  }
  const token = isRecord(json) ? json.token ?? json.access_token : void 0;
  if (typeof token !== "string" || token === "" || /[\s\u0000-\u001f]/.test(token))
    throw new InvalidImageError(
      `${what}: the response has no usable \`token\` or \`access_token\``,
      "auth"
    );
  const expires = isRecord(json) ? json.expires_in : void 0;
  return { token, expiresIn: typeof expires === "number" && expires > 0 ? expires : 60 };
}

// packages/core/src/image/registry/credentials.ts
import { execFile as execFile2 } from "node:child_process";
import { open as open2 } from "node:fs/promises";
import { join as join3 } from "node:path";
var maxConfigBytes = 1024 * 1024;
var helperName = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
var dockerHubKeys = /* @__PURE__ */ new Set(["docker.io", "index.docker.io", "registry-1.docker.io"]);
function normalizeAuthKey(key) {
  const host = key.replace(/^[a-z]+:\/\//i, "").split("/")[0]?.toLowerCase();
  return host !== void 0 && dockerHubKeys.has(host) ? "docker.io" : host ?? "";
}
async function readConfigFile(file) {
  let handle;
  try {
    handle = await open2(file, "r");
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw new ConfigurationError(
      `Cannot read the registry auth file ${file}: ${getErrorMessage(error)}`
    );
  }
  try {
    const buffer = Buffer.alloc(maxConfigBytes + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxConfigBytes)
      throw new ConfigurationError(
        `The registry auth file ${file} is larger than ${maxConfigBytes} bytes`
      );
    let json;
    try {
      json = JSON.parse(buffer.subarray(0, bytesRead).toString("utf8"));
    } catch {
      throw new ConfigurationError(`The registry auth file ${file} is not valid JSON`);
    }
    if (!isRecord(json))
      throw new ConfigurationError(`Expected the registry auth file ${file} to hold a JSON object`);
    return json;
  } finally {
    await handle.close();
  }
}
function entryFor(map, domain) {
  if (!isRecord(map)) return void 0;
  for (const [key, value] of Object.entries(map)) if (normalizeAuthKey(key) === domain) return value;
  return void 0;
}
function fromAuthEntry(entry, file, domain) {
  if (!isRecord(entry)) return void 0;
  if (typeof entry.auth === "string" && entry.auth !== "") {
    const decoded = Buffer.from(entry.auth, "base64").toString("utf8");
    const colon = decoded.indexOf(":");
    if (colon <= 0)
      throw new ConfigurationError(
        `The \`auth\` entry for ${domain} in ${file} is not base64 of user:password`
      );
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (typeof entry.username === "string" && typeof entry.password === "string")
    return { username: entry.username, password: entry.password };
  return void 0;
}
async function runCredentialHelper(name, domain, env) {
  if (!helperName.test(name))
    throw new ConfigurationError(
      `Expected a credential helper name of letters, digits, ._-, got \`${sanitizeForDisplay(name, 64)}\``
    );
  const server = domain === "docker.io" ? "https://index.docker.io/v1/" : domain;
  const output = await new Promise((resolve3, reject) => {
    const child2 = execFile2(
      `docker-credential-${name}`,
      ["get"],
      { env, timeout: 3e4, maxBuffer: maxConfigBytes, encoding: "utf8" },
      (error, stdout) => {
        if (!error) return resolve3(stdout);
        if (/credentials not found/i.test(stdout)) return resolve3(void 0);
        reject(
          new InvalidImageError(
            `Registry ${domain}: credential helper docker-credential-${name} failed (${error.code ?? "exit status"})`,
            "credentials"
          )
        );
      }
    );
    child2.stdin?.end(server);
  });
  if (output === void 0) return void 0;
  let json;
  try {
    json = JSON.parse(output);
  } catch {
    throw new InvalidImageError(
      `Registry ${domain}: credential helper docker-credential-${name} printed something other than JSON`,
      "credentials"
    );
  }
  if (!isRecord(json) || typeof json.Username !== "string" || typeof json.Secret !== "string")
    throw new InvalidImageError(
      `Registry ${domain}: credential helper docker-credential-${name} returned no Username/Secret`,
      "credentials"
    );
  return { username: json.Username, password: json.Secret };
}
async function findCredentials(domain, options) {
  if (options.credentials) return options.credentials;
  const env = options.helperEnv ?? { PATH: "/usr/bin:/bin" };
  const files = [
    options.authFile,
    options.dockerConfigDir && join3(options.dockerConfigDir, "config.json")
  ];
  for (const file of files) {
    if (!file) continue;
    const config = await readConfigFile(file);
    if (!config) continue;
    const helper = entryFor(config.credHelpers, domain);
    if (typeof helper === "string" && helper !== "") return runCredentialHelper(helper, domain, env);
    const found = fromAuthEntry(entryFor(config.auths, domain), file, domain);
    if (found) return found;
    if (typeof config.credsStore === "string" && config.credsStore !== "")
      return runCredentialHelper(config.credsStore, domain, env);
  }
  return void 0;
}

// packages/core/src/image/registry/registry-client.ts
var maxErrorBodyBytes = 64 * 1024;
var maxRedirects = 5;
var redirectStatuses = /* @__PURE__ */ new Set([301, 302, 303, 307, 308]);
var acceptManifests = [...indexMediaTypes, ...manifestMediaTypes].join(", ");
var RegistryClient = class _RegistryClient {
  constructor(origin, transport, auth, reference, label, insecure, context) {
    this.origin = origin;
    this.transport = transport;
    this.auth = auth;
    this.reference = reference;
    this.label = label;
    this.insecure = insecure;
    this.context = context;
  }
  origin;
  transport;
  auth;
  reference;
  label;
  insecure;
  context;
  static async create(reference, options, context, label) {
    const host = registryHost(reference.domain);
    const insecure = (options.insecureRegistries ?? []).some(
      (h) => h.toLowerCase() === reference.domain || h.toLowerCase() === host
    );
    const origin = new URL(`${insecure ? "http" : "https"}://${host}`);
    const concurrency = options.concurrency ?? 4;
    const transport = await createTransport({
      caFile: options.caFile,
      maxSockets: concurrency + 2,
      idleTimeoutMs: 6e4
    });
    let credentials;
    const auth = new Authenticator({
      origin,
      insecure,
      repository: reference.repository,
      label,
      transport,
      policy: context.policy,
      credentials: () => credentials ??= findCredentials(reference.domain, options),
      signal: context.signal,
      log: context.log
    });
    return new _RegistryClient(origin, transport, auth, reference, label, insecure, context);
  }
  close() {
    this.transport.close();
  }
  /**
   * GET `path` on the registry: follows redirects (at most {@link maxRedirects}), answers 401
   * challenges, and returns the final response with a 2xx status. Retryable statuses and network
   * errors become {@link TransientError}; anything else an InvalidImageError naming `what`.
   */
  async get(path, headers, what) {
    let url = new URL(path, this.origin);
    let round = 0;
    await this.auth.refreshIfExpired();
    for (let hop = 0; hop <= maxRedirects; ) {
      const sameOrigin = url.origin === this.origin.origin;
      const sent = { ...headers };
      if (sameOrigin && this.auth.header !== void 0) sent.authorization = this.auth.header;
      let response;
      try {
        response = await this.transport.request(url, sent, this.context.signal);
      } catch (error) {
        if (isTransientNetworkError(error))
          throw new TransientError(`${redactUrl(url)}: ${getErrorMessage(error)}`, void 0, {
            cause: error
          });
        throw new InvalidImageError(`${what}: ${redactUrl(url)}: ${getErrorMessage(error)}`, what, {
          cause: error
        });
      }
      const status = response.statusCode ?? 0;
      if (redirectStatuses.has(status) && response.headers.location !== void 0) {
        response.resume();
        const next = new URL(response.headers.location, url);
        if (next.protocol !== "https:" && !(next.protocol === "http:" && this.insecure))
          throw new InvalidImageError(
            `${what}: refusing a redirect to ${redactUrl(next)} (not https)`,
            what
          );
        url = next;
        hop++;
        continue;
      }
      if (status === 401 && sameOrigin) {
        response.resume();
        round++;
        await this.auth.respond(response.headers["www-authenticate"], round);
        continue;
      }
      if (status >= 200 && status < 300) return response;
      const detail = await this.errorDetail(response);
      if (retryableStatuses.has(status)) {
        throw new TransientError(
          `${redactUrl(url)} answered ${status}${detail}`,
          parseRetryAfter(
            response.headers["retry-after"],
            this.context.policy.maxRetryAfterMs
          )
        );
      }
      const why = status === 404 ? "not found (404)" : status === 401 || status === 403 ? `access denied (${status}): check the credentials and their pull permission` : `unexpected status ${status}`;
      throw new InvalidImageError(`${what}: ${why}${detail}`, what);
    }
    throw new InvalidImageError(`${what}: more than ${maxRedirects} redirects`, what);
  }
  /** The registry's error codes (`MANIFEST_UNKNOWN`), never its free text (it may echo input). */
  async errorDetail(response) {
    const body = await readBody(response, maxErrorBodyBytes, "error body").catch(
      () => Buffer.alloc(0)
    );
    try {
      const json = JSON.parse(body.toString("utf8"));
      const errors = isRecord(json) && Array.isArray(json.errors) ? json.errors : [];
      const codes = errors.map((e) => isRecord(e) && typeof e.code === "string" ? e.code : "").filter((code) => /^[A-Z_]{1,64}$/.test(code));
      return codes.length > 0 ? ` [${[...new Set(codes)].join(", ")}]` : "";
    } catch {
      return "";
    }
  }
  /**
   * Fetches a manifest or index by tag or digest, size-capped. By digest the body must hash to it
   * (REG-1); by tag the computed digest is returned and a disagreeing `Docker-Content-Digest`
   * header is only logged (REG-3).
   */
  async fetchManifest(reference) {
    const byDigest = reference.startsWith("sha256:");
    const what = `${this.label}: manifest ${byDigest ? shortDigest(reference) : reference}`;
    const path = `/v2/${this.reference.repository}/manifests/${reference}`;
    const fetched = await withRetries(
      what,
      this.context.policy,
      async () => {
        const response = await this.get(path, { accept: acceptManifests }, what);
        const bytes = await readBody(response, maxDocumentBytes, what).catch((error) => {
          if (isTransientNetworkError(error)) throw new TransientError(getErrorMessage(error));
          throw error;
        });
        const type = (response.headers["content-type"] ?? "").split(";")[0]?.trim() ?? "";
        const header = response.headers["docker-content-digest"];
        return { bytes, type, header: typeof header === "string" ? header : void 0 };
      },
      this.context
    );
    const digest = sha256Digest(fetched.bytes);
    if (byDigest && digest !== reference)
      throw new InvalidImageError(
        `${what}: manifest digest mismatch: expected ${reference}, found ${digest}`,
        reference
      );
    if (!byDigest && fetched.header !== void 0 && fetched.header !== digest)
      this.context.log?.(
        `${what}: the registry says ${fetched.header} but the manifest hashes to ${digest}; using ${digest}`
      );
    const known = [...indexMediaTypes, ...manifestMediaTypes].includes(fetched.type);
    return { bytes: fetched.bytes, digest, mediaType: known ? fetched.type : void 0 };
  }
  /**
   * Downloads a blob into `store`, verifying size and sha256 as it streams. A dropped connection
   * resumes with `Range` when the server answers 206 with the matching `Content-Range`, and
   * restarts from zero when it sends the whole blob again; the full digest is always checked. The
   * blob enters the store only once verified.
   */
  async downloadBlob(descriptor, store, what) {
    const { digest, size } = descriptor;
    const path = `/v2/${this.reference.repository}/blobs/${digest}`;
    const temporary = store.temporary();
    const handle = await open3(temporary, "wx", 384);
    let hash = createHash3("sha256");
    let written = 0;
    try {
      await withRetries(
        what,
        this.context.policy,
        async () => {
          const headers = {};
          if (written > 0) headers.range = `bytes=${written}-`;
          const response = await this.get(path, headers, what);
          if (written > 0 && response.statusCode === 206) {
            const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(
              response.headers["content-range"] ?? ""
            );
            if (Number(range?.[1]) !== written || Number(range?.[2]) !== size - 1) {
              response.destroy();
              throw new InvalidImageError(
                `${what}: the registry resumed at the wrong offset`,
                digest
              );
            }
          } else if (written > 0) {
            this.context.log?.(
              `${what}: the registry ignored Range; downloading again from the start`
            );
            await handle.truncate(0);
            hash = createHash3("sha256");
            written = 0;
          }
          const length = response.headers["content-length"];
          if (length !== void 0 && Number(length) !== size - written) {
            response.destroy();
            throw new InvalidImageError(
              `${what}: Content-Length ${Number(length)} does not match the descriptor size ${size}${written > 0 ? ` less ${written} bytes already received` : ""}`,
              digest
            );
          }
          try {
            for await (const chunk of response) {
              const buffer = chunk;
              if (written + buffer.length > size) {
                response.destroy();
                throw new InvalidImageError(
                  `${what}: the blob is larger than the descriptor size ${size}`,
                  digest
                );
              }
              await handle.write(buffer, 0, buffer.length, written);
              hash.update(buffer);
              written += buffer.length;
            }
          } catch (error) {
            if (isTransientNetworkError(error))
              throw new TransientError(
                `connection dropped after ${written} of ${size} bytes`,
                void 0,
                { cause: error }
              );
            throw error;
          }
          if (written < size)
            throw new TransientError(`connection closed after ${written} of ${size} bytes`);
        },
        this.context
      );
      const found = `sha256:${hash.digest("hex")}`;
      if (found !== digest)
        throw new InvalidImageError(
          `${what}: digest mismatch: expected ${digest}, found ${found}`,
          digest
        );
      await handle.close();
      await store.commit(temporary, digest);
    } catch (error) {
      await handle.close().catch(() => {
      });
      await rm2(temporary, { force: true });
      throw error;
    }
  }
};

// packages/core/src/image/registry/pull-image.ts
var defaultTimeBudgetMs = 15 * 60 * 1e3;
function retryPolicy(budgetMs) {
  return {
    attempts: 5,
    baseDelayMs: 500,
    maxDelayMs: 8e3,
    maxRetryAfterMs: 6e4,
    deadline: Date.now() + budgetMs
  };
}
async function eachLimited(items, limit, task) {
  let next = 0;
  let failure;
  const worker = async () => {
    while (failure === void 0 && next < items.length) {
      const item = items[next++];
      try {
        await task(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}
async function resolveManifest(client, start, options) {
  const first = await client.fetchManifest(start);
  let document = parseManifestDocument(first.bytes, first.mediaType, `${client.label}: manifest`);
  let digest = first.digest;
  const seen = [digest];
  while (document.kind === "index") {
    if (seen.length > maxIndexDepth)
      throw new InvalidImageError(
        `${client.label}: indexes nest more than ${maxIndexDepth} levels deep`,
        digest
      );
    const candidates = document.manifests.filter(
      (m) => !isAttestation(m) && (manifestMediaTypes.includes(m.mediaType) || indexMediaTypes.includes(m.mediaType))
    );
    const images = candidates.filter((m) => manifestMediaTypes.includes(m.mediaType));
    const chosen = images.length > 0 ? selectPlatform(images, options.platform, client.label) : candidates.find((m) => indexMediaTypes.includes(m.mediaType));
    if (!chosen)
      throw new InvalidImageError(`${client.label}: the index lists no container images`, digest);
    if (seen.includes(chosen.digest))
      throw new InvalidImageError(
        `${client.label}: index ${shortDigest(chosen.digest)} refers to itself (a cycle)`,
        chosen.digest
      );
    const fetched = await client.fetchManifest(chosen.digest);
    document = parseManifestDocument(
      fetched.bytes,
      chosen.mediaType,
      `${client.label}: manifest ${shortDigest(chosen.digest)}`
    );
    if (fetched.bytes.length !== chosen.size)
      throw new InvalidImageError(
        `${client.label}: manifest ${shortDigest(chosen.digest)}: expected ${chosen.size} bytes, found ${fetched.bytes.length}`,
        chosen.digest
      );
    digest = fetched.digest;
    seen.push(digest);
  }
  return { manifest: document, digest };
}
async function pullRegistryImage(ref, options, register) {
  const reference = parseDockerReference(ref.path);
  const name = formatDockerReference(reference);
  const label = `registry ${registryHost(reference.domain)}, image ${sanitizeForDisplay(
    `${reference.repository}${reference.tag === void 0 ? "" : `:${reference.tag}`}${reference.digest === void 0 ? "" : `@${reference.digest}`}`
  )}`;
  const settings = options.registry ?? {};
  const context = {
    signal: options.signal,
    log: options.log,
    policy: retryPolicy(settings.timeBudgetMs ?? defaultTimeBudgetMs)
  };
  const client = await RegistryClient.create(reference, settings, context, label);
  try {
    const { manifest, digest } = await resolveManifest(
      client,
      reference.digest ?? reference.tag ?? "latest",
      options
    );
    let storeDir = settings.cacheDir;
    if (storeDir === void 0) {
      storeDir = join4(options.workDir, `registry-${randomBytes2(8).toString("hex")}`);
      register(storeDir);
    }
    const store = await BlobStore.open(storeDir);
    const wanted = /* @__PURE__ */ new Map();
    wanted.set(manifest.config.digest, {
      ...manifest.config,
      what: `${label}: config blob ${manifest.config.digest}`
    });
    manifest.layers.forEach((layer, i) => {
      if (!wanted.has(layer.digest))
        wanted.set(layer.digest, { ...layer, what: `${label}: layer ${i} blob ${layer.digest}` });
    });
    let downloaded = 0;
    await eachLimited([...wanted.values()], settings.concurrency ?? 4, async (blob) => {
      const cached2 = await store.has(
        blob,
        options.signal,
        (why) => options.log?.(`${blob.what}: cached copy discarded (${why})`)
      );
      if (cached2) return;
      await client.downloadBlob(blob, store, blob.what);
      downloaded++;
    });
    options.log?.(
      `${label}: ${downloaded} of ${wanted.size} blobs downloaded, the rest from the cache`
    );
    const source = await DirectorySource.open(store.root, ref.raw);
    const parts = await loadManifestImage(source, manifest, digest, options.signal);
    return { ...parts, names: [name] };
  } finally {
    client.close();
  }
}

// packages/core/src/image/tar-index.ts
import { open as open4, stat } from "node:fs/promises";
import { posix as posix2 } from "node:path";
var maxMembers = 2e5;
var maxExtendedHeader = 1024 * 1024;
var block = 512;
function field(header, start, length) {
  const raw = header.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end < 0 ? length : end).toString("utf8");
}
function numeric(header, start, length, what) {
  const raw = header.subarray(start, start + length);
  if (((raw[0] ?? 0) & 128) !== 0) {
    if (raw[0] === 255) throw new InvalidImageError(`${what} is negative`, what);
    let value = (raw[0] ?? 0) & 127;
    for (const byte of raw.subarray(1)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value)) throw new InvalidImageError(`${what} is too large`, what);
    return value;
  }
  const text2 = raw.toString("latin1").replace(/[\0 ]+$/, "").replace(/^ +/, "");
  if (text2 === "") return 0;
  if (!/^[0-7]+$/.test(text2))
    throw new InvalidImageError(
      `tar header ${what} is not octal: \`${sanitizeForDisplay(text2, 20)}\``,
      what
    );
  return parseInt(text2, 8);
}
function checksumOk(header) {
  let expected;
  try {
    expected = numeric(header, 148, 8, "checksum");
  } catch {
    return false;
  }
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < block; i++) {
    const byte = i >= 148 && i < 156 ? 32 : header[i] ?? 0;
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return expected === unsigned || expected === signed;
}
function parsePax(data) {
  const records = /* @__PURE__ */ new Map();
  let pos = 0;
  while (pos < data.length) {
    const space = data.indexOf(32, pos);
    if (space < 0) break;
    const length = Number(data.subarray(pos, space).toString("latin1"));
    if (!Number.isInteger(length) || length <= 0 || pos + length > data.length) {
      throw new InvalidImageError("malformed PAX record in the archive", "pax");
    }
    const record = data.subarray(space + 1, pos + length - 1).toString("utf8");
    const eq = record.indexOf("=");
    if (eq > 0) records.set(record.slice(0, eq), record.slice(eq + 1));
    pos += length;
  }
  return records;
}
function typeOf(flag) {
  if (flag === "0" || flag === "" || flag === "7") return "file";
  if (flag === "5") return "dir";
  if (flag === "2") return "symlink";
  if (flag === "1") return "hardlink";
  return "other";
}
var TarIndex = class _TarIndex {
  constructor(file, label, members) {
    this.file = file;
    this.label = label;
    this.members = members;
  }
  file;
  label;
  members;
  /** Reads every header of `file` once. @throws InvalidImageError for a truncated or malformed archive. */
  static async read(file, label) {
    const { size: fileSize } = await stat(file);
    const handle = await open4(file, "r");
    const members = /* @__PURE__ */ new Map();
    try {
      const header = Buffer.alloc(block);
      let pos = 0;
      let pending = /* @__PURE__ */ new Map();
      let count = 0;
      const readData = async (offset, size) => {
        if (size > maxExtendedHeader) {
          throw new LimitExceededError(
            `${label}: a tar extended header of ${size} bytes exceeds ${maxExtendedHeader}`,
            "tar-header"
          );
        }
        const data = Buffer.alloc(size);
        const { bytesRead } = await handle.read(data, 0, size, offset);
        if (bytesRead !== size)
          throw new InvalidImageError(`${label}: the archive is truncated`, label);
        return data;
      };
      for (; ; ) {
        const { bytesRead } = await handle.read(header, 0, block, pos);
        if (bytesRead === 0) break;
        if (bytesRead < block)
          throw new InvalidImageError(`${label}: the archive is truncated`, label);
        if (header.every((b) => b === 0)) break;
        if (!checksumOk(header)) {
          throw new InvalidImageError(
            `${label}: tar header at offset ${pos} has a bad checksum; is this a tar archive?`,
            label
          );
        }
        if (++count > maxMembers)
          throw new LimitExceededError(
            `${label}: more than ${maxMembers} archive members`,
            "archive-members"
          );
        const flag = String.fromCharCode(header[156] ?? 0).replace("\0", "");
        let size = numeric(header, 124, 12, `${label}: size of the tar member at offset ${pos}`);
        const dataOffset = pos + block;
        if (flag === "x" || flag === "L" || flag === "K") {
          const data = await readData(dataOffset, size);
          if (flag === "x") for (const [k, v] of parsePax(data)) pending.set(k, v);
          else pending.set(flag === "L" ? "path" : "linkpath", field(data, 0, data.length));
        } else if (flag !== "g") {
          const prefix = field(header, 257, 6).startsWith("ustar") ? field(header, 345, 155) : "";
          const rawName = pending.get("path") ?? (prefix ? `${prefix}/${field(header, 0, 100)}` : field(header, 0, 100));
          const linkname = pending.get("linkpath") ?? field(header, 157, 100);
          const paxSize = pending.get("size");
          if (paxSize !== void 0) {
            if (!/^\d+$/.test(paxSize))
              throw new InvalidImageError(
                `${label}: bad PAX size \`${sanitizeForDisplay(paxSize, 30)}\``,
                label
              );
            size = Number(paxSize);
          }
          pending = /* @__PURE__ */ new Map();
          const type = typeOf(flag);
          if ("123456".includes(flag) && flag !== "") size = 0;
          const name = cleanMemberName(rawName);
          if (name !== void 0) {
            const previous = members.get(name);
            if (previous && previous.type !== "dir" && type !== "dir") {
              throw new InvalidImageError(
                `${label}: the archive has two members named \`${sanitizeForDisplay(name)}\``,
                name
              );
            }
            members.set(name, { name, type, offset: dataOffset, size, linkname });
          }
        }
        const next = dataOffset + Math.ceil(size / block) * block;
        if (dataOffset + size > fileSize)
          throw new InvalidImageError(`${label}: the archive is truncated`, label);
        pos = next;
      }
    } finally {
      await handle.close();
    }
    return new _TarIndex(file, label, members);
  }
  async locate(member) {
    const found = this.members.get(member);
    if (!found) return void 0;
    let target = found;
    if (found.type === "symlink" || found.type === "hardlink") {
      const shown2 = sanitizeForDisplay(found.linkname);
      const joined = found.type === "symlink" ? posix2.join(posix2.dirname(member), found.linkname) : found.linkname;
      const cleaned = found.linkname.startsWith("/") ? void 0 : cleanMemberName(joined);
      const next = cleaned === void 0 ? void 0 : this.members.get(cleaned);
      if (next === void 0) {
        throw new InvalidImageError(
          `${this.label}: member \`${member}\` links to \`${shown2}\`, which is not in the archive`,
          member
        );
      }
      if (next.type !== "file") {
        throw new InvalidImageError(
          `${this.label}: member \`${member}\` links to \`${shown2}\`, which is not a regular file (links are followed once)`,
          member
        );
      }
      target = next;
    }
    if (target.type !== "file") {
      throw new InvalidImageError(
        `${this.label}: member \`${member}\` is not a regular file`,
        member
      );
    }
    return { file: this.file, start: target.offset, size: target.size, noFollow: false };
  }
};

// packages/core/src/image/open-image.ts
var maxDecompressedArchiveBytes = 64 * 1024 ** 3;
async function isGzip(file) {
  const handle = await open5(file, "r");
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await handle.read(head, 0, 2, 0);
    return bytesRead === 2 && head[0] === 31 && head[1] === 139;
  } finally {
    await handle.close();
  }
}
function byteLimit(limit, label) {
  let seen = 0;
  return new Transform2({
    transform(chunk, _encoding, callback) {
      seen += chunk.length;
      if (seen > limit)
        callback(
          new LimitExceededError(
            `${label}: decompressed archive exceeds ${limit} bytes`,
            "archive-bytes"
          )
        );
      else callback(null, chunk);
    }
  });
}
async function gunzipArchive(file, options, label, created) {
  const target = join5(options.workDir, `intake-${randomBytes3(8).toString("hex")}.tar`);
  created.push(target);
  try {
    await pipeline2(
      createReadStream2(file),
      createGunzip(),
      byteLimit(maxDecompressedArchiveBytes, label),
      createWriteStream2(target, { flags: "wx", mode: 384 }),
      { signal: options.signal }
    );
  } catch (error) {
    if (error instanceof LimitExceededError || options.signal?.aborted) throw error;
    throw new InvalidImageError(
      `${label}: cannot decompress the gzip archive: ${getErrorMessage(error)}`,
      label,
      { cause: error }
    );
  }
  return target;
}
async function openArchive(ref, options, created, path = ref.path) {
  const info = await stat2(path).catch((error) => {
    throw new InvalidImageError(
      `${ref.raw}: cannot read the archive: ${getErrorMessage(error)}`,
      path,
      { cause: error }
    );
  });
  if (!info.isFile())
    throw new InvalidImageError(`${ref.raw}: \`${path}\` is not a regular file`, path);
  const file = await isGzip(path) ? await gunzipArchive(path, options, ref.raw, created) : path;
  return TarIndex.read(file, ref.raw);
}
function stagedFile(options, created, suffix) {
  const file = join5(options.workDir, `intake-${randomBytes3(8).toString("hex")}${suffix}`);
  created.push(file);
  return file;
}
async function loadFromDaemon(ref, options, created) {
  const label = ref.raw;
  if (ref.transport === "docker-daemon") {
    const file2 = stagedFile(options, created, ".docker.tar");
    options.log?.(`${label}: exporting from the Docker API socket`);
    await exportFromDaemon(ref.path, file2, {
      dockerHost: options.daemon?.dockerHost,
      signal: options.signal,
      label
    });
    const parts2 = await loadDockerArchive(
      await openArchive(ref, options, created, file2),
      void 0,
      options.signal
    );
    return { ...parts2, names: parts2.names.length > 0 ? parts2.names : [ref.path] };
  }
  const file = stagedFile(options, created, ".oci.tar");
  options.log?.(`${label}: saving from podman's store`);
  await saveFromPodman(ref.path, file, {
    podmanPath: options.daemon?.podmanPath,
    env: options.daemon?.podmanEnv,
    signal: options.signal,
    label
  });
  const parts = await loadLayout(
    await openArchive(ref, options, created, file),
    void 0,
    options.platform,
    options.signal
  );
  return { ...parts, names: [ref.path] };
}
async function loadLayout(source, ref, platform, signal) {
  const index = await readLayoutIndex(source);
  const entries = selectByRef(index, ref, source.label);
  const descriptor = selectPlatform(await collectManifests(source, entries), platform, source.label);
  const manifest = await readManifest(source, descriptor);
  const parts = await loadManifestImage(source, manifest, descriptor.digest, signal);
  return { ...parts, names: [...new Set(entries.flatMap(namesOf))] };
}
async function openImage(ref, options) {
  const created = [];
  const close = async () => {
    for (const file of created.splice(0)) await rm3(file, { force: true, recursive: true });
  };
  try {
    options.signal?.throwIfAborted();
    await mkdir2(options.workDir, { recursive: true, mode: 448 });
    let parts;
    if (ref.transport === "registry") {
      parts = await pullRegistryImage(ref, options, (dir) => created.push(dir));
    } else if (ref.transport === "docker-daemon" || ref.transport === "podman") {
      parts = await loadFromDaemon(ref, options, created);
    } else if (ref.transport === "oci") {
      parts = await loadLayout(
        await DirectorySource.open(ref.path, ref.raw),
        ref.ref,
        options.platform,
        options.signal
      );
    } else {
      const archive = await openArchive(ref, options, created);
      parts = ref.transport === "docker-archive" ? await loadDockerArchive(archive, ref.ref, options.signal) : await loadLayout(archive, ref.ref, options.platform, options.signal);
    }
    const { config } = parts;
    const platform = config.variant ? { os: config.os, architecture: config.architecture, variant: config.variant } : { os: config.os, architecture: config.architecture };
    if (options.platform && !platformMatches(options.platform, platform)) {
      throw new InvalidImageError(
        `${ref.raw} is for platform ${formatPlatform(platform)}, not the requested ${formatPlatform(options.platform)}`,
        "platform"
      );
    }
    const image = {
      reference: ref,
      configDigest: parts.configDigest,
      config,
      platform,
      names: parts.names,
      layers: parts.layers,
      close
    };
    if (parts.manifestDigest) image.manifestDigest = parts.manifestDigest;
    return image;
  } catch (error) {
    await close();
    throw error;
  }
}

// packages/core/src/layers/apply-layers.ts
import { createHash as createHash4 } from "node:crypto";
import * as fs5 from "node:fs";

// packages/core/src/layers/byte-reader.ts
var empty = Buffer.alloc(0);
var ByteReader = class {
  constructor(source, onChunk) {
    this.source = source;
    this.onChunk = onChunk;
  }
  source;
  onChunk;
  chunks = [];
  offset = 0;
  buffered = 0;
  done = false;
  async pull() {
    while (!this.done) {
      const result = await this.source.next();
      if (result.done === true) {
        this.done = true;
        return false;
      }
      const chunk = result.value;
      if (chunk.length === 0) continue;
      this.onChunk(chunk);
      this.chunks.push(chunk);
      this.buffered += chunk.length;
      return true;
    }
    return false;
  }
  advance(count) {
    this.offset += count;
    this.buffered -= count;
    if (this.offset === this.chunks[0]?.length) {
      this.chunks.shift();
      this.offset = 0;
    }
  }
  /** Reads `count` bytes; the result is shorter only at the end of the stream. */
  async read(count) {
    while (this.buffered < count && await this.pull()) {
    }
    const total = Math.min(count, this.buffered);
    if (total === 0) return empty;
    const first = this.chunks[0];
    if (first.length - this.offset >= total) {
      const out2 = first.subarray(this.offset, this.offset + total);
      this.advance(total);
      return out2;
    }
    const out = Buffer.allocUnsafe(total);
    let filled = 0;
    while (filled < total) {
      const chunk = this.chunks[0];
      const take = Math.min(chunk.length - this.offset, total - filled);
      chunk.copy(out, filled, this.offset, this.offset + take);
      filled += take;
      this.advance(take);
    }
    return out;
  }
  /**
   * Hands the next `count` bytes (or everything up to the end for `Infinity`) to `sink` in the
   * pieces they arrived in, awaiting the source only when the buffer is empty (backpressure:
   * nothing is read ahead while `sink` works). Returns how many bytes were delivered.
   */
  async pipe(count, sink) {
    let left = count;
    let delivered = 0;
    while (left > 0) {
      if (this.buffered === 0 && !await this.pull()) break;
      const chunk = this.chunks[0];
      const take = Math.min(chunk.length - this.offset, left);
      const piece = chunk.subarray(this.offset, this.offset + take);
      this.advance(take);
      left -= take;
      delivered += take;
      sink(piece);
    }
    return delivered;
  }
};

// packages/core/src/layers/decompress.ts
import { Readable as Readable2 } from "node:stream";
import { pipeline as pipeline3 } from "node:stream";
import * as zlib from "node:zlib";
var chunkSize = 128 * 1024;
function detectCompression2(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head.readUInt32BE(0) === 682962941) return "zstd";
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([253, 55, 122, 88, 90, 0])))
    return "xz";
  if (head.length >= 3 && head.subarray(0, 3).toString("latin1") === "BZh") return "bzip2";
  return "none";
}
function zstdFactory() {
  const candidate = zlib.createZstdDecompress;
  return typeof candidate === "function" ? candidate : void 0;
}
function toReadable(stream) {
  return stream instanceof Readable2 ? stream : new Readable2().wrap(stream);
}
async function* decompressedChunks(layer) {
  const raw = toReadable(layer.open());
  const iterator = raw[Symbol.asyncIterator]();
  try {
    const headParts = [];
    let headLength = 0;
    while (headLength < 6) {
      const result = await iterator.next();
      if (result.done === true) break;
      const chunk = Buffer.isBuffer(result.value) ? result.value : Buffer.from(result.value);
      headParts.push(chunk);
      headLength += chunk.length;
    }
    const head = Buffer.concat(headParts);
    const compression = detectCompression2(head);
    async function* input() {
      if (head.length > 0) yield head;
      for (; ; ) {
        const result = await iterator.next();
        if (result.done === true) return;
        yield result.value;
      }
    }
    if (compression === "none") {
      yield* input();
      return;
    }
    let decompressor;
    if (compression === "gzip") {
      decompressor = zlib.createGunzip({ chunkSize });
    } else if (compression === "zstd") {
      const factory = zstdFactory();
      if (factory === void 0) {
        throw new InvalidImageError(
          `Layer ${layer.digest}: unsupported compression zstd on this Node version (${process.version}); zstd needs Node >= 22.15 (zlib.createZstdDecompress)`,
          layer.digest
        );
      }
      decompressor = factory({ chunkSize });
    } else {
      throw new InvalidImageError(
        `Layer ${layer.digest}: unsupported compression ${compression}; expected gzip, zstd or an uncompressed tar`,
        layer.digest
      );
    }
    const output = decompressor;
    pipeline3(Readable2.from(input(), { objectMode: false }), decompressor, () => {
    });
    try {
      for await (const chunk of output) yield chunk;
    } catch (error) {
      throw new InvalidImageError(
        `Layer ${layer.digest}: ${compression} decompression failed: ${error.message}`,
        layer.digest,
        { cause: error }
      );
    } finally {
      output.destroy();
    }
  } finally {
    raw.destroy();
  }
}

// packages/core/src/layers/dir-metadata.ts
import * as fs from "node:fs";
var dirFlags = fs.constants.O_RDONLY | fs.constants.O_DIRECTORY | fs.constants.O_NOFOLLOW;
var PendingDirectories = class {
  byPath = /* @__PURE__ */ new Map();
  /** Metadata from a directory entry; the last entry for a path wins. */
  set(relative3, mode, mtime) {
    this.byPath.set(relative3, { mode, mtime });
  }
  /** A directory this applier created implicitly: 0755 unless an entry says otherwise. */
  implicit(relative3) {
    this.byPath.set(relative3, { mode: 493 });
  }
  forget(relative3) {
    this.byPath.delete(relative3);
    const prefix = `${relative3}/`;
    for (const key of this.byPath.keys()) if (key.startsWith(prefix)) this.byPath.delete(key);
  }
  /**
   * Applies modes (after the owners, so setgid survives) and mtimes through an
   * `O_DIRECTORY|O_NOFOLLOW` descriptor, and only where `realpath` shows that no component of
   * the path has become a symlink (defence in depth against CVE-2021-32760-style redirects).
   */
  apply(root) {
    for (const [relative3, metadata] of this.byPath) {
      const absolute = Buffer.concat([root, Buffer.from(`/${relative3}`, "latin1")]);
      let real;
      try {
        real = fs.realpathSync.native(absolute, { encoding: "buffer" });
      } catch {
        continue;
      }
      if (!real.equals(absolute)) continue;
      const fd = fs.openSync(absolute, dirFlags);
      try {
        fs.fchmodSync(fd, metadata.mode);
        if (metadata.mtime !== void 0) fs.futimesSync(fd, metadata.mtime, metadata.mtime);
      } finally {
        fs.closeSync(fd);
      }
    }
  }
};

// packages/core/src/layers/types.ts
var defaultApplyLimits = {
  maxLayerBytes: 16 * 1024 ** 3,
  maxImageBytes: 32 * 1024 ** 3,
  maxEntries: 2e6,
  maxDepth: 1024,
  maxPathBytes: 4096,
  maxHeaderBytes: 1024 * 1024
};

// packages/core/src/layers/limits.ts
function resolveLimits(limits = {}) {
  const merged = { ...defaultApplyLimits };
  for (const [key, value] of Object.entries(limits)) {
    if (value === void 0) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value <= 0) {
      throw new TypeError(
        `Expected limit \`${key}\` to be a positive integer, got \`${String(value)}\` (${typeof value})`
      );
    }
    merged[key] = value;
  }
  return merged;
}
function limitError(limit, max, layer, what) {
  return new LimitExceededError(
    `Layer ${layer}: ${what} exceeds the limit \`${limit}\` (${max})`,
    limit
  );
}

// packages/core/src/layers/tar-header.ts
var blockSize = 512;
function cField(block2, offset, length) {
  const field2 = block2.subarray(offset, offset + length);
  const nul = field2.indexOf(0);
  return nul === -1 ? field2 : field2.subarray(0, nul);
}
function isZeroBlock(block2) {
  for (let i = 0; i < block2.length; i++) if (block2[i] !== 0) return false;
  return true;
}
function parseNumeric(block2, offset, length, field2, fail) {
  const first = block2[offset];
  if ((first & 128) !== 0) {
    if (first === 255) fail(`negative base-256 value in the ${field2} field`);
    let value2 = first & 127;
    for (let i2 = 1; i2 < length; i2++) {
      value2 = value2 * 256 + block2[offset + i2];
      if (value2 > Number.MAX_SAFE_INTEGER) fail(`the ${field2} field is larger than 2^53`);
    }
    return value2;
  }
  let i = offset;
  const end = offset + length;
  while (i < end && (block2[i] === 32 || block2[i] === 0)) i++;
  let value = 0;
  for (; i < end; i++) {
    const c = block2[i];
    if (c === 0 || c === 32) break;
    if (c < 48 || c > 55) fail(`invalid octal digit in the ${field2} field`);
    value = value * 8 + (c - 48);
  }
  for (; i < end; i++) {
    if (block2[i] !== 0 && block2[i] !== 32) fail(`garbage after the ${field2} field`);
  }
  if (value > Number.MAX_SAFE_INTEGER) fail(`the ${field2} field is larger than 2^53`);
  return value;
}
function checksumMatches(block2, fail) {
  const stored = parseNumeric(block2, 148, 8, "checksum", fail);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < blockSize; i++) {
    const byte = i >= 148 && i < 156 ? 32 : block2[i];
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}
function decimal(value, key, fail) {
  const text2 = value.toString("latin1");
  if (!/^\d{1,16}$/.test(text2) || Number(text2) > Number.MAX_SAFE_INTEGER) {
    fail(`PAX record ${key} is not a non-negative integer`);
  }
  return Number(text2);
}
function parsePax2(body, into, fail) {
  let pos = 0;
  while (pos < body.length) {
    const space = body.indexOf(32, pos);
    if (space === -1 || space - pos > 20) fail("malformed PAX record length");
    const lengthText = body.toString("latin1", pos, space);
    if (!/^[1-9]\d*$/.test(lengthText)) fail("malformed PAX record length");
    const end = pos + Number(lengthText);
    if (end > body.length || body[end - 1] !== 10) fail("malformed PAX record");
    const record = body.subarray(space + 1, end - 1);
    const eq = record.indexOf(61);
    if (eq <= 0) fail("PAX record without a key");
    const key = record.toString("latin1", 0, eq);
    const value = record.subarray(eq + 1);
    pos = end;
    if (key.startsWith("GNU.sparse."))
      fail("GNU sparse files are not supported (PAX GNU.sparse.* records)");
    if (value.length === 0) {
      if (key in into) delete into[key];
      continue;
    }
    switch (key) {
      case "path":
      case "linkpath":
        if (value.includes(0)) fail(`NUL byte in the PAX ${key}`);
        into[key] = Buffer.from(value);
        break;
      case "size":
      case "uid":
      case "gid":
        into[key] = decimal(value, key, fail);
        break;
      case "mtime": {
        const text2 = value.toString("latin1");
        if (!/^-?\d{1,16}(\.\d{1,9})?$/.test(text2)) fail("PAX record mtime is not a number");
        into.mtime = Number(text2);
        break;
      }
      default:
        break;
    }
  }
}
function gnuLongString(body, fail) {
  const nul = body.indexOf(0);
  if (nul === -1) return Buffer.from(body);
  for (let i = nul; i < body.length; i++) if (body[i] !== 0) fail("NUL byte inside a GNU long name");
  return Buffer.from(body.subarray(0, nul));
}

// packages/core/src/layers/tar-stream-reader.ts
var typeByFlag = {
  "0": "file",
  "7": "file",
  "1": "hardlink",
  "2": "symlink",
  "3": "char-device",
  "4": "block-device",
  "5": "dir",
  "6": "fifo"
};
var zeros = Buffer.alloc(64 * 1024);
function isZero(piece) {
  for (let at = 0; at < piece.length; at += zeros.length) {
    const part = piece.subarray(at, at + zeros.length);
    if (!part.equals(zeros.subarray(0, part.length))) return false;
  }
  return true;
}
function padding(size) {
  const rest = size % blockSize;
  return rest === 0 ? 0 : blockSize - rest;
}
var TarReader = class {
  constructor(bytes, layer, maxHeaderBytes) {
    this.bytes = bytes;
    this.layer = layer;
    this.maxHeaderBytes = maxHeaderBytes;
  }
  bytes;
  layer;
  maxHeaderBytes;
  pending = 0;
  ended = false;
  fail(message, name) {
    const entry = name === void 0 ? "" : sanitizeForDisplay(name);
    const where = name === void 0 ? "" : ` entry "${entry}"`;
    throw new UnsafeLayerEntryError(`Layer ${this.layer}${where}: ${message}`, this.layer, entry);
  }
  async readSpecial(size, kind) {
    if (size > this.maxHeaderBytes) {
      throw new LimitExceededError(
        `Layer ${this.layer}: a ${kind} record of ${size} bytes exceeds the limit \`maxHeaderBytes\` (${this.maxHeaderBytes})`,
        "maxHeaderBytes"
      );
    }
    const body = await this.bytes.read(size + padding(size));
    if (body.length < size + padding(size)) this.fail(`truncated ${kind} record`);
    return Buffer.from(body.subarray(0, size));
  }
  /** Streams the current entry's data to `sink`; a short read is an error. */
  async data(sink) {
    const size = this.pending;
    this.pending = 0;
    const got = await this.bytes.pipe(size, sink);
    if (got < size) this.fail(`truncated entry data (${got} of ${size} bytes)`);
    const pad = padding(size);
    if ((await this.bytes.read(pad)).length < pad) this.fail("truncated entry padding");
  }
  /** The next entry, or `undefined` at the end of the archive. Unread data is skipped. */
  async next() {
    if (this.ended) return void 0;
    if (this.pending > 0) await this.data(() => {
    });
    const pax = {};
    let sawMeta = false;
    let longName;
    let longLink;
    for (; ; ) {
      const block2 = await this.bytes.read(blockSize);
      if (block2.length === 0 && !sawMeta) return this.end();
      if (block2.length < blockSize) this.fail("truncated tar header");
      if (isZeroBlock(block2)) {
        if (sawMeta) this.fail("end-of-archive marker right after an extended header");
        const second = await this.bytes.read(blockSize);
        if (second.length > 0 && (second.length < blockSize || !isZeroBlock(second))) {
          this.fail("a zero block followed by data (corrupt archive)");
        }
        return this.end();
      }
      const rawName = cField(block2, 0, 100);
      const fail = (message) => this.fail(message, longName ?? pax.path ?? rawName);
      if (!checksumMatches(block2, fail)) fail("invalid header checksum");
      const flag = String.fromCharCode(block2[156]);
      const headerSize = parseNumeric(block2, 124, 12, "size", fail);
      if (flag === "x" || flag === "g" || flag === "L" || flag === "K") {
        sawMeta = true;
        const body = await this.readSpecial(
          headerSize,
          flag === "x" || flag === "g" ? "PAX header" : "GNU long name"
        );
        if (flag === "x") parsePax2(body, pax, fail);
        else if (flag === "L") longName = gnuLongString(body, fail);
        else if (flag === "K") longLink = gnuLongString(body, fail);
        continue;
      }
      if (flag === "S") fail("GNU sparse files are not supported (typeflag S)");
      let type = flag === "\0" ? "file" : typeByFlag[flag];
      if (type === void 0) fail(`unknown typeflag ${JSON.stringify(flag)}`);
      let name = rawName;
      const magic = block2.toString("latin1", 257, 263);
      if (magic === "ustar\0") {
        const prefix = cField(block2, 345, 155);
        if (prefix.length > 0) name = Buffer.concat([prefix, Buffer.from("/"), rawName]);
      }
      if (pax.path !== void 0) name = pax.path;
      if (longName !== void 0) name = longName;
      if (flag === "\0" && name.length > 0 && name[name.length - 1] === 47) type = "dir";
      let linkname = cField(block2, 157, 100);
      if (pax.linkpath !== void 0) linkname = pax.linkpath;
      if (longLink !== void 0) linkname = longLink;
      const size = pax.size ?? headerSize;
      const nameFail = (message) => this.fail(message, name);
      if (type !== "file" && size !== 0)
        nameFail(`a ${type} entry must not carry data (size ${size})`);
      const mtime = pax.mtime ?? (block2[136] === 255 ? 0 : parseNumeric(block2, 136, 12, "mtime", nameFail));
      const header = {
        type,
        name: Buffer.from(name),
        linkname: Buffer.from(linkname),
        size,
        mode: parseNumeric(block2, 100, 8, "mode", nameFail) & 4095,
        uid: pax.uid ?? parseNumeric(block2, 108, 8, "uid", nameFail),
        gid: pax.gid ?? parseNumeric(block2, 116, 8, "gid", nameFail),
        mtime: Math.max(0, mtime),
        devmajor: type === "char-device" || type === "block-device" ? parseNumeric(block2, 329, 8, "devmajor", nameFail) : 0,
        devminor: type === "char-device" || type === "block-device" ? parseNumeric(block2, 337, 8, "devminor", nameFail) : 0
      };
      this.pending = size;
      return header;
    }
  }
  async end() {
    this.ended = true;
    await this.bytes.pipe(Infinity, (piece) => {
      if (!isZero(piece)) this.fail("unexpected data after the end-of-archive marker");
    });
    return void 0;
  }
};

// packages/core/src/layers/write-entry.ts
import * as fs4 from "node:fs";

// packages/core/src/layers/entry-name.ts
var slash = 47;
var maxComponentBytes = 255;
var whiteoutPrefix = Buffer.from(".wh.");
var opaqueMarker = Buffer.from(".wh..wh..opq");
var metaPrefix = Buffer.from(".wh..wh.");
function isDot(component2) {
  return component2.length === 1 && component2[0] === 46;
}
function isDotDot(component2) {
  return component2.length === 2 && component2[0] === 46 && component2[1] === 46;
}
function splitEntryName(name, limits, layer, fail) {
  if (name.length > limits.maxPathBytes) {
    throw new LimitExceededError(
      `Layer ${layer}: a path of ${name.length} bytes exceeds the limit \`maxPathBytes\` (${limits.maxPathBytes})`,
      "maxPathBytes"
    );
  }
  if (name.includes(0)) fail("NUL byte in the name");
  const components = [];
  let start = 0;
  for (let i = 0; i <= name.length; i++) {
    if (i < name.length && name[i] !== slash) continue;
    if (i > start) {
      const component2 = name.subarray(start, i);
      if (isDotDot(component2)) fail('a ".." component is not allowed');
      if (component2.length > maxComponentBytes)
        fail(`a path component is longer than ${maxComponentBytes} bytes`);
      if (!isDot(component2)) components.push(component2);
    }
    start = i + 1;
  }
  if (components.length > limits.maxDepth) {
    throw new LimitExceededError(
      `Layer ${layer}: a path ${components.length} components deep exceeds the limit \`maxDepth\` (${limits.maxDepth})`,
      "maxDepth"
    );
  }
  return components;
}
function entryRole(components, fail) {
  for (let i = 0; i < components.length - 1; i++) {
    if (components[i].subarray(0, 4).equals(whiteoutPrefix))
      fail("a whiteout name used as a directory");
  }
  const last = components[components.length - 1];
  if (last === void 0 || !last.subarray(0, 4).equals(whiteoutPrefix)) return { role: "plain" };
  if (last.equals(opaqueMarker)) return { role: "opaque" };
  if (last.subarray(0, metaPrefix.length).equals(metaPrefix))
    fail("unsupported AUFS whiteout metadata");
  const target = last.subarray(whiteoutPrefix.length);
  if (target.length === 0 || isDot(target) || isDotDot(target))
    fail('invalid whiteout (empty, "." or ".." target)');
  return { role: "whiteout", target };
}
function joinRelative(parent, name) {
  const child2 = name.toString("latin1");
  return parent === "" ? child2 : `${parent}/${child2}`;
}

// packages/core/src/layers/in-root.ts
import * as fs2 from "node:fs";
var maxSymlinkHops = 255;
var slashBuf = Buffer.from("/");
function split(target) {
  const parts = [];
  let start = 0;
  for (let i = 0; i <= target.length; i++) {
    if (i < target.length && target[i] !== 47) continue;
    if (i > start) parts.push(target.subarray(start, i));
    start = i + 1;
  }
  return parts;
}
function absoluteOf(root, stack) {
  const parts = [root];
  for (const part of stack) parts.push(slashBuf, part);
  return Buffer.concat(parts);
}
function relativeOf(stack) {
  return stack.map((part) => part.toString("latin1")).join("/");
}
function walkInRoot(root, components, mode, fail, hooks = {}, from) {
  const pending = components.slice().reverse();
  const stack = from === void 0 ? [] : from.components.slice();
  let current = from === void 0 ? root : from.absolute;
  let hops = 0;
  let found = true;
  let directory = true;
  while (pending.length > 0) {
    const part = pending.pop();
    if (part.length === 0 || part.length === 1 && part[0] === 46) continue;
    if (part.length === 2 && part[0] === 46 && part[1] === 46) {
      stack.pop();
      current = absoluteOf(root, stack);
      directory = true;
      continue;
    }
    const candidate = Buffer.concat([current, slashBuf, part]);
    if (!found) {
      stack.push(part);
      current = candidate;
      continue;
    }
    const stat6 = fs2.lstatSync(candidate, { throwIfNoEntry: false });
    if (stat6?.isSymbolicLink() === true) {
      if (++hops > maxSymlinkHops)
        fail(`too many levels of symbolic links (more than ${maxSymlinkHops})`);
      const target = fs2.readlinkSync(candidate, { encoding: "buffer" });
      if (target[0] === 47) {
        stack.length = 0;
        current = root;
      }
      const parts = split(target);
      for (let i = parts.length - 1; i >= 0; i--) pending.push(parts[i]);
      continue;
    }
    directory = stat6?.isDirectory() === true;
    if (!directory) {
      if (mode === "lookup") {
        if (stat6 === void 0 || pending.length > 0) found = false;
      } else if (stat6 === void 0) {
        fs2.mkdirSync(candidate, 493);
        hooks.created?.(relativeOf([...stack, part]));
      } else {
        fs2.unlinkSync(candidate);
        fs2.mkdirSync(candidate, 493);
        hooks.replaced?.(relativeOf([...stack, part]));
      }
      if (mode === "create") directory = true;
    }
    stack.push(part);
    current = candidate;
  }
  return {
    absolute: current,
    relative: relativeOf(stack),
    found,
    directory: found && directory,
    components: stack
  };
}
function rootBuffer(root) {
  return Buffer.from(fs2.realpathSync(root), "utf8");
}
function inRootComponents(inRootPath) {
  return split(Buffer.from(inRootPath, "utf8"));
}
function lookup(root, inRootPath) {
  return walkInRoot(rootBuffer(root), inRootComponents(inRootPath), "lookup", (message) => {
    throw new InvalidImageError(
      `Cannot resolve ${inRootPath} inside the image root: ${message}`,
      inRootPath
    );
  });
}
async function readFileInRoot(root, inRootPath, maxBytes) {
  const { absolute, found } = lookup(root, inRootPath);
  if (!found) return void 0;
  const flags = fs2.constants.O_RDONLY | fs2.constants.O_NOFOLLOW | fs2.constants.O_NONBLOCK;
  let handle;
  try {
    handle = await fs2.promises.open(absolute, flags);
  } catch (error) {
    if (error.code === "ENOENT") return void 0;
    throw error;
  }
  try {
    const stat6 = await handle.stat();
    if (!stat6.isFile()) {
      throw new InvalidImageError(
        `Expected ${inRootPath} in the image to be a regular file, found another type`,
        inRootPath
      );
    }
    const buffer = Buffer.alloc(Math.min(stat6.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) {
      throw new LimitExceededError(
        `${inRootPath} in the image is larger than ${maxBytes} bytes`,
        "maxBytes"
      );
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

// packages/core/src/layers/whiteouts.ts
import * as fs3 from "node:fs";
var slash2 = Buffer.from("/");
var UpperPaths = class {
  written = /* @__PURE__ */ new Set();
  ancestors = /* @__PURE__ */ new Set();
  add(relative3) {
    this.written.add(relative3);
    let end = relative3.lastIndexOf("/");
    while (end > 0) {
      const ancestor = relative3.slice(0, end);
      if (this.ancestors.has(ancestor)) break;
      this.ancestors.add(ancestor);
      end = ancestor.lastIndexOf("/");
    }
  }
  /** This layer wrote exactly this path. */
  wrote(relative3) {
    return this.written.has(relative3);
  }
  /** This layer wrote something below this path. */
  wroteBelow(relative3) {
    return this.ancestors.has(relative3);
  }
};
function removeTree(absolute) {
  const stat6 = fs3.lstatSync(absolute, { throwIfNoEntry: false });
  if (stat6 === void 0) return;
  if (!stat6.isDirectory()) {
    fs3.unlinkSync(absolute);
    return;
  }
  for (const child2 of fs3.readdirSync(absolute, { encoding: "buffer" })) {
    removeTree(Buffer.concat([absolute, slash2, child2]));
  }
  fs3.rmdirSync(absolute);
}
function pruneLower(absolute, relative3, upper, removed) {
  for (const child2 of fs3.readdirSync(absolute, { encoding: "buffer" })) {
    const childAbsolute = Buffer.concat([absolute, slash2, child2]);
    const childRelative = relative3 === "" ? child2.toString("latin1") : `${relative3}/${child2.toString("latin1")}`;
    const stat6 = fs3.lstatSync(childAbsolute);
    if (upper.wrote(childRelative) || upper.wroteBelow(childRelative)) {
      if (stat6.isDirectory()) pruneLower(childAbsolute, childRelative, upper, removed);
      continue;
    }
    removeTree(childAbsolute);
    removed(childRelative, stat6.isDirectory());
  }
}

// packages/core/src/layers/write-entry.ts
var { O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW } = fs4.constants;
var createFlags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW;
var slash3 = Buffer.from("/");
function errnoCode(error) {
  return error?.code;
}
function writeAll(fd, piece) {
  let offset = 0;
  while (offset < piece.length) offset += fs4.writeSync(fd, piece, offset, piece.length - offset);
}
var LayerWriter = class {
  constructor(image, layer) {
    this.image = image;
    this.layer = layer;
  }
  image;
  layer;
  written = [];
  removed = [];
  upper = new UpperPaths();
  parents = /* @__PURE__ */ new Map();
  async apply(header, tar) {
    const display = sanitizeForDisplay(header.name);
    const fail = (message) => {
      throw new UnsafeLayerEntryError(
        `Layer ${this.layer} entry "${display}": ${message}`,
        this.layer,
        display
      );
    };
    const components = splitEntryName(header.name, this.image.limits, this.layer, fail);
    const name = components[components.length - 1];
    if (name === void 0) {
      if (header.type !== "dir") fail(`the root entry must be a directory, found a ${header.type}`);
      return;
    }
    const parentComponents = components.slice(0, -1);
    const role = entryRole(components, fail);
    if (role.role === "opaque") return this.opaque(parentComponents, fail);
    if (role.role === "whiteout") return this.whiteout(parentComponents, role.target, fail);
    const parent = this.resolveParent(parentComponents, fail);
    const target = Buffer.concat([parent.absolute, slash3, name]);
    const relative3 = joinRelative(parent.relative, name);
    switch (header.type) {
      case "file":
        await this.writeFile(header, tar, target, relative3);
        break;
      case "dir":
        this.writeDirectory(header, target, relative3);
        this.parents.set(components.map((part) => part.toString("latin1")).join("/"), {
          absolute: target,
          relative: relative3,
          found: true,
          directory: true,
          components: [...parent.components, name]
        });
        break;
      case "symlink":
        this.writeSymlink(header, target, relative3, fail);
        break;
      case "hardlink":
        this.writeHardlink(header, target, fail);
        break;
      default:
        this.writePlaceholder(header, target, relative3);
    }
    this.upper.add(relative3);
    this.written.push(`/${relative3}`);
  }
  /** Resolves (and creates) a parent directory, reusing the cached resolution of its own parent. */
  resolveParent(components, fail) {
    const key = components.map((part) => part.toString("latin1")).join("/");
    const cached2 = this.parents.get(key);
    if (cached2 !== void 0) return cached2;
    const onCreated = (relative3) => {
      this.image.directories.implicit(relative3);
      this.upper.add(relative3);
      this.written.push(`/${relative3}`);
    };
    const hooks = { created: onCreated, replaced: onCreated };
    const last = components.length - 1;
    const resolved = last < 0 ? walkInRoot(this.image.root, [], "create", fail) : walkInRoot(
      this.image.root,
      components.slice(last),
      "create",
      fail,
      hooks,
      this.resolveParent(components.slice(0, last), fail)
    );
    this.parents.set(key, resolved);
    return resolved;
  }
  /** Removes whatever is at `target` unless both are directories; returns true if a directory stays. */
  clear(target, relative3, keepDirectory) {
    const stat6 = fs4.lstatSync(target, { throwIfNoEntry: false });
    if (stat6 === void 0) return false;
    if (stat6.isDirectory()) {
      if (keepDirectory) return true;
      removeTree(target);
      this.image.directories.forget(relative3);
      this.parents.clear();
    } else {
      fs4.unlinkSync(target);
      if (stat6.isSymbolicLink()) this.parents.clear();
    }
    return false;
  }
  openNew(target, relative3) {
    try {
      return fs4.openSync(target, createFlags, 384);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") throw error;
    }
    this.clear(target, relative3, false);
    return fs4.openSync(target, createFlags, 384);
  }
  async writeFile(header, tar, target, relative3) {
    const fd = this.openNew(target, relative3);
    try {
      await tar.data((piece) => writeAll(fd, piece));
      fs4.fchownSync(fd, header.uid, header.gid);
      fs4.fchmodSync(fd, header.mode);
      fs4.futimesSync(fd, header.mtime, header.mtime);
    } finally {
      fs4.closeSync(fd);
    }
  }
  writeDirectory(header, target, relative3) {
    try {
      fs4.mkdirSync(target, 448);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") throw error;
      if (!this.clear(target, relative3, true)) fs4.mkdirSync(target, 448);
    }
    fs4.lchownSync(target, header.uid, header.gid);
    this.image.directories.set(relative3, header.mode, header.mtime);
  }
  writeSymlink(header, target, relative3, fail) {
    if (header.linkname.length === 0) fail("symlink with an empty target");
    if (header.linkname.length > this.image.limits.maxPathBytes) {
      throw new LimitExceededError(
        `Layer ${this.layer}: a symlink target of ${header.linkname.length} bytes exceeds the limit \`maxPathBytes\` (${this.image.limits.maxPathBytes})`,
        "maxPathBytes"
      );
    }
    try {
      fs4.symlinkSync(header.linkname, target);
    } catch (error) {
      if (errnoCode(error) !== "EEXIST") throw error;
      this.clear(target, relative3, false);
      fs4.symlinkSync(header.linkname, target);
    }
    fs4.lchownSync(target, header.uid, header.gid);
    fs4.lutimesSync(target, header.mtime, header.mtime);
  }
  writeHardlink(header, target, fail) {
    const linkFail = (message) => fail(`hardlink target "${sanitizeForDisplay(header.linkname)}": ${message}`);
    const components = splitEntryName(header.linkname, this.image.limits, this.layer, linkFail);
    const last = components[components.length - 1];
    if (last === void 0) linkFail("a hardlink to the root is not allowed");
    const parent = walkInRoot(this.image.root, components.slice(0, -1), "lookup", linkFail);
    const source = Buffer.concat([parent.absolute, slash3, last]);
    const stat6 = parent.directory ? fs4.lstatSync(source, { throwIfNoEntry: false }) : void 0;
    if (stat6 === void 0)
      linkFail("does not exist (it must come from this or a lower layer, before the link)");
    if (stat6.isDirectory()) linkFail("is a directory");
    if (source.equals(target)) return;
    const relative3 = target.subarray(this.image.root.length + 1).toString("latin1");
    this.clear(target, relative3, false);
    try {
      fs4.linkSync(source, target);
    } catch (error) {
      if (errnoCode(error) === "ENOENT") linkFail("disappeared when the link name was replaced");
      throw error;
    }
  }
  /** Devices and FIFOs are never created: an empty 0000 file stands in, and the entry is recorded. */
  writePlaceholder(header, target, relative3) {
    const fd = this.openNew(target, relative3);
    try {
      fs4.fchownSync(fd, header.uid, header.gid);
      fs4.fchmodSync(fd, 0);
      fs4.futimesSync(fd, header.mtime, header.mtime);
    } finally {
      fs4.closeSync(fd);
    }
    this.image.nonMaterialised.push({
      path: `/${relative3}`,
      type: header.type === "fifo" ? "fifo" : header.type === "char-device" ? "char-device" : "block-device",
      mode: header.mode,
      uid: header.uid,
      gid: header.gid,
      layer: this.layer
    });
  }
  opaque(parentComponents, fail) {
    const parent = walkInRoot(this.image.root, parentComponents, "lookup", fail);
    if (!parent.directory) return;
    this.parents.clear();
    pruneLower(
      parent.absolute,
      parent.relative,
      this.upper,
      (relative3, wasDirectory) => this.noteRemoved(relative3, wasDirectory)
    );
  }
  whiteout(parentComponents, name, fail) {
    const parent = walkInRoot(this.image.root, parentComponents, "lookup", fail);
    if (!parent.directory) return;
    const target = Buffer.concat([parent.absolute, slash3, name]);
    const relative3 = joinRelative(parent.relative, name);
    const stat6 = fs4.lstatSync(target, { throwIfNoEntry: false });
    if (stat6 === void 0) return;
    this.parents.clear();
    if (this.upper.wrote(relative3) || this.upper.wroteBelow(relative3)) {
      if (!stat6.isDirectory()) return;
      pruneLower(
        target,
        relative3,
        this.upper,
        (removed, wasDirectory) => this.noteRemoved(removed, wasDirectory)
      );
      return;
    }
    removeTree(target);
    this.noteRemoved(relative3, stat6.isDirectory());
  }
  noteRemoved(relative3, wasDirectory) {
    if (wasDirectory) this.image.directories.forget(relative3);
    this.removed.push(`/${relative3}`);
  }
};

// packages/core/src/layers/apply-layers.ts
var diffIdPattern = /^sha256:[a-f0-9]{64}$/;
function throwIfAborted(signal) {
  if (signal?.aborted === true) throw new CancelledError("layer extraction cancelled");
}
function requireRoot() {
  const uid = process.getuid?.();
  if (uid !== void 0 && uid !== 0) {
    throw new EnvironmentError(
      `Applying image layers needs root (uid 0), but this process runs as uid ${uid}: without chown the root filesystem would carry the runner's uid instead of the image owners, and owner-based compliance rules would be wrong. Run as root inside a user namespace (e.g. \`podman unshare\`).`
    );
  }
}
function prepareRoot(root) {
  const real = fs5.realpathSync(root);
  const stat6 = fs5.lstatSync(real);
  if (!stat6.isDirectory()) throw new TypeError(`Expected the layer root ${root} to be a directory`);
  if (fs5.readdirSync(real).length > 0)
    throw new TypeError(`Expected the layer root ${root} to be empty`);
  return Buffer.from(real, "utf8");
}
function isTyped(error) {
  return error instanceof InvalidImageError || error instanceof LimitExceededError || error instanceof CancelledError;
}
async function applyLayer(layer, image, counters, options) {
  if (!diffIdPattern.test(layer.diffId)) {
    throw new InvalidImageError(
      `Layer ${layer.digest}: expected a diff_id matching sha256:<64 hex>, got \`${sanitizeForDisplay(layer.diffId)}\``,
      layer.digest
    );
  }
  const { limits } = image;
  const hash = createHash4("sha256");
  let layerBytes = 0;
  const chunks = decompressedChunks(layer);
  const bytes = new ByteReader(chunks, (chunk) => {
    hash.update(chunk);
    layerBytes += chunk.length;
    counters.bytes += chunk.length;
    if (layerBytes > limits.maxLayerBytes) {
      throw limitError(
        "maxLayerBytes",
        limits.maxLayerBytes,
        layer.digest,
        "the uncompressed layer"
      );
    }
    if (counters.bytes > limits.maxImageBytes) {
      throw limitError(
        "maxImageBytes",
        limits.maxImageBytes,
        layer.digest,
        "the uncompressed image"
      );
    }
    throwIfAborted(options.signal);
    options.onProgress?.(layer.index, layerBytes);
  });
  const tar = new TarReader(bytes, layer.digest, limits.maxHeaderBytes);
  const writer = new LayerWriter(image, layer.digest);
  try {
    for (; ; ) {
      throwIfAborted(options.signal);
      const header = await tar.next();
      if (header === void 0) break;
      if (++counters.entries > limits.maxEntries) {
        throw limitError(
          "maxEntries",
          limits.maxEntries,
          layer.digest,
          "the number of tar entries in the image"
        );
      }
      try {
        await writer.apply(header, tar);
      } catch (error) {
        if (isTyped(error)) throw error;
        const entry = sanitizeForDisplay(header.name);
        throw new Error(`Layer ${layer.digest} entry "${entry}": ${error.message}`, {
          cause: error
        });
      }
    }
  } finally {
    await chunks.return(void 0);
  }
  const actual = `sha256:${hash.digest("hex")}`;
  if (actual !== layer.diffId) {
    throw new InvalidImageError(
      `Layer ${layer.digest}: the uncompressed layer has digest ${actual}, but the image config says ${layer.diffId}`,
      layer.digest
    );
  }
  return {
    index: layer.index,
    digest: layer.digest,
    diffId: layer.diffId,
    written: writer.written,
    removed: writer.removed
  };
}
async function applyLayers(options) {
  requireRoot();
  const limits = resolveLimits(options.limits);
  throwIfAborted(options.signal);
  const image = {
    root: prepareRoot(options.root),
    limits,
    directories: new PendingDirectories(),
    nonMaterialised: []
  };
  const counters = { entries: 0, bytes: 0 };
  const layers = [];
  for (const layer of options.layers) {
    throwIfAborted(options.signal);
    layers.push(await applyLayer(layer, image, counters, options));
  }
  image.directories.apply(image.root);
  return {
    layers,
    nonMaterialised: image.nonMaterialised,
    entries: counters.entries,
    bytes: counters.bytes
  };
}

// packages/core/src/scan/preflight.ts
import { access, constants as constants5, mkdir as mkdir3, mkdtemp as mkdtemp2, realpath as realpath2, rm as rm4, stat as stat3 } from "node:fs/promises";
import { tmpdir as tmpdir2 } from "node:os";
import { join as join7 } from "node:path";

// packages/core/src/scan/sandbox.ts
import { spawn } from "node:child_process";
import { mkdtemp, rmdir } from "node:fs/promises";
import { join as join6 } from "node:path";

// packages/core/src/scan/sandbox-script.ts
var SANDBOX_SCRIPT = String.raw`set -u
fail() { printf 'scapgate-sandbox: %s\n' "$*" >&2; exit 125; }
[ "$#" -ge 9 ] || fail "expected at least 9 arguments, got $#"
m=$1 root=$2 input=$3 tailoring=$4 out=$5 rpmdb=$6 cvars=$7 target=$8
shift 8
chroot_bin=$(command -v chroot) || fail 'chroot not found'
umask 022
mount -t tmpfs -o mode=0755,nosuid,nodev scapgate-sandbox "$m" || fail 'cannot mount tmpfs'
cd "$m" || fail 'cannot enter the sandbox mount point'
mkdir lower ovl ovl/upper ovl/work s || fail 'cannot create sandbox directories'
s=$m/s
for d in usr etc dev tmp out scan scapgate scapgate/input scapgate/apt-parts scapgate/home scapgate/local-files scapgate/no-plugins; do
  mkdir "$s/$d" || fail "cannot create /$d"
done
chmod 1777 "$s/tmp"
robind() {
  mount --bind "$1" "$2" || fail "cannot bind $1"
  mount -o remount,bind,ro,nosuid,nodev "$2" || fail "cannot make $1 read-only"
}
for d in bin sbin lib lib64 libexec share/openscap; do
  if [ -d "/usr/$d" ] && [ ! -L "/usr/$d" ]; then
    mkdir -p "$s/usr/$d" || fail "cannot create /usr/$d"
    robind "/usr/$d" "$s/usr/$d"
  fi
done
for d in bin sbin lib lib32 lib64 libx32; do
  if [ -L "/$d" ]; then
    ln -s "$(readlink "/$d")" "$s/$d" || fail "cannot link /$d"
  elif [ -d "/$d" ]; then
    mkdir "$s/$d" || fail "cannot create /$d"
    robind "/$d" "$s/$d"
  fi
done
for f in null zero random urandom; do
  : > "$s/dev/$f" || fail "cannot create /dev/$f"
  mount --bind "/dev/$f" "$s/dev/$f" || fail "cannot bind /dev/$f"
done
if [ -f /etc/ld.so.cache ]; then cp /etc/ld.so.cache "$s/etc/ld.so.cache" || fail 'cannot copy ld.so.cache'; fi
printf 'root:x:0:0:root:/scapgate/home:/bin/sh\n' > "$s/etc/passwd"
printf 'root:x:0:\n' > "$s/etc/group"
printf 'Dir::Etc::parts "/scapgate/apt-parts";\nDir::Cache "/nonexistent-oscap-apt-cache/";\n' > "$s/scapgate/apt.conf"
printf '%%_dbpath %s\n' "$rpmdb" > "$s/scapgate/home/.rpmmacros"
if [ -n "$input" ]; then
  : > "$s/scapgate/input/content.xml"
  robind "$input" "$s/scapgate/input/content.xml"
fi
if [ -n "$tailoring" ]; then
  : > "$s/scapgate/input/tailoring.xml"
  robind "$tailoring" "$s/scapgate/input/tailoring.xml"
fi
mount --bind "$out" "$s/out" || fail 'cannot bind the output directory'
mount -o remount,bind,nosuid,nodev "$s/out" || fail 'cannot restrict the output directory'
probe_root=
if [ -n "$root" ]; then
  robind "$root" lower
  : > ovl/upper/.dockerenv || fail 'cannot create the container marker'
  # Relative option paths: the host paths may contain ',' or ':', which overlay options cannot escape.
  # redirect_dir=nofollow, metacopy=off: ignore overlay xattrs an image may carry (kernels < 4.19 lack them).
  mount -t overlay -o lowerdir=lower,upperdir=ovl/upper,workdir=ovl/work,redirect_dir=nofollow,metacopy=off,nosuid,nodev scapgate-scan "$s/scan" 2>/dev/null ||
    mount -t overlay -o lowerdir=lower,upperdir=ovl/upper,workdir=ovl/work,nosuid,nodev scapgate-scan "$s/scan" || fail 'cannot mount the overlay'
  probe_root=/scan
fi
cd / || fail 'cannot leave the sandbox mount point'
if [ -n "$probe_root" ]; then
  exec env -i "$chroot_bin" "$s" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/scapgate/home \
    APT_CONFIG=/scapgate/apt.conf OSCAP_CHECK_ENGINE_PLUGIN_DIR=/scapgate/no-plugins \
    OSCAP_PROBE_ROOT="$probe_root" OSCAP_CONTAINER_VARS="$cvars" OSCAP_EVALUATION_TARGET="$target" \
    "$@"
fi
exec env -i "$chroot_bin" "$s" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/scapgate/home \
  OSCAP_CHECK_ENGINE_PLUGIN_DIR=/scapgate/no-plugins "$@"
`;

// packages/core/src/scan/sandbox.ts
var SANDBOX_SETUP_EXIT_CODE = 125;
var SANDBOX_EXIT_CODES = /* @__PURE__ */ new Set([SANDBOX_SETUP_EXIT_CODE, 126, 127]);
var SANDBOX_PATHS = {
  scanRoot: "/scan",
  content: "/scapgate/input/content.xml",
  tailoring: "/scapgate/input/tailoring.xml",
  localFiles: "/scapgate/local-files",
  out: "/out"
};
var DEFAULT_MAX_OUTPUT = 4 * 1024 * 1024;
var SPAWN_ENV = { PATH: "/usr/sbin:/usr/bin:/sbin:/bin", LANG: "C.UTF-8" };
async function runInSandbox(options) {
  if (options.signal?.aborted) throw new CancelledError();
  const mountPoint = await mkdtemp(join6(options.workDir, "sandbox-"));
  try {
    return await spawnSandbox(options, mountPoint);
  } finally {
    await rmdir(mountPoint).catch(() => {
    });
  }
}
function spawnSandbox(options, mountPoint) {
  const args = [
    "--mount",
    "--net",
    "--ipc",
    "--uts",
    "--pid",
    "--fork",
    "--kill-child",
    "--propagation",
    "private",
    "/bin/sh",
    "-c",
    SANDBOX_SCRIPT,
    "scapgate-sandbox",
    mountPoint,
    options.root ?? "",
    options.inputFile ?? "",
    options.tailoringFile ?? "",
    options.outDir,
    options.rpmDbPath ?? "/var/lib/rpm",
    options.root === void 0 ? "" : (options.containerVars ?? []).join("\n"),
    options.root === void 0 ? "" : options.target ?? "",
    ...options.command
  ];
  const max = options.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const started = process.hrtime.bigint();
  return new Promise((resolve3, reject) => {
    const child2 = spawn("unshare", args, {
      env: SPAWN_ENV,
      cwd: "/",
      detached: true,
      stdio: ["ignore", "pipe", "pipe"]
    });
    const stdout = new BoundedBuffer(max);
    const stderr = new BoundedBuffer(max);
    child2.stdout.on("data", (chunk) => stdout.push(chunk));
    child2.stderr.on("data", (chunk) => stderr.push(chunk));
    let ending;
    const killGroup = () => {
      if (child2.pid === void 0) return;
      try {
        process.kill(-child2.pid, "SIGKILL");
      } catch {
      }
    };
    const timer = setTimeout(() => {
      ending ??= "timeout";
      killGroup();
    }, options.timeoutMs);
    const onAbort = () => {
      ending ??= "abort";
      killGroup();
    };
    options.signal?.addEventListener("abort", onAbort, { once: true });
    const cleanup = () => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", onAbort);
    };
    child2.on("error", (error) => {
      cleanup();
      reject(
        new ScanFailedError(
          `Cannot start the sandbox (unshare): ${error.message}`,
          { reason: "sandbox" },
          { cause: error }
        )
      );
    });
    child2.on("close", (exitCode, signal) => {
      cleanup();
      const durationSeconds = Number(process.hrtime.bigint() - started) / 1e9;
      const stderrText = stderr.text();
      if (ending === "abort") return reject(new CancelledError());
      if (ending === "timeout") {
        return reject(
          new ScanFailedError(
            `oscap did not finish within ${options.timeoutMs} ms and was killed`,
            {
              reason: "timeout",
              exitCode,
              signal,
              stderrExcerpt: excerpt(stderrText)
            }
          )
        );
      }
      if (exitCode !== null && SANDBOX_EXIT_CODES.has(exitCode)) {
        return reject(
          new ScanFailedError(`The scan sandbox could not be set up: ${excerpt(stderrText)}`, {
            reason: "sandbox",
            exitCode,
            signal,
            stderrExcerpt: excerpt(stderrText)
          })
        );
      }
      resolve3({ exitCode, signal, stdout: stdout.text(), stderr: stderrText, durationSeconds });
    });
  });
}
function excerpt(text2, maxChars = 1500) {
  const tail = text2.length > maxChars ? text2.slice(-maxChars) : text2;
  return tail.split("\n").map((line) => sanitizeForDisplay(line, 300)).join("\n").trim();
}
var BoundedBuffer = class {
  constructor(max) {
    this.max = max;
  }
  max;
  head = [];
  headSize = 0;
  tail = Buffer.alloc(0);
  dropped = 0;
  push(chunk) {
    const half = Math.floor(this.max / 2);
    if (this.headSize < half) {
      const take = chunk.subarray(0, half - this.headSize);
      this.head.push(take);
      this.headSize += take.length;
      chunk = chunk.subarray(take.length);
    }
    if (chunk.length === 0) return;
    const joined = Buffer.concat([this.tail, chunk]);
    this.dropped += Math.max(0, joined.length - half);
    this.tail = joined.subarray(Math.max(0, joined.length - half));
  }
  text() {
    const marker = this.dropped > 0 ? `
[\u2026 ${this.dropped} bytes dropped \u2026]
` : "";
    return Buffer.concat(this.head).toString("utf8") + marker + this.tail.toString("utf8");
  }
};

// packages/core/src/scan/preflight.ts
var DEFAULT_OSCAP_PATHS = ["/usr/bin/oscap", "/usr/sbin/oscap"];
var SANDBOX_BIN_DIRS = ["/usr/bin/", "/usr/sbin/"];
var cached;
function preflightScanner(options = {}) {
  if (options.oscapPath !== void 0 || options.workDir !== void 0) return runPreflight(options);
  cached ??= runPreflight(options).catch((error) => {
    cached = void 0;
    throw error;
  });
  return cached;
}
async function runPreflight(options) {
  const oscapPath = await findOscap(options.oscapPath ?? readScannerOverrides().oscapPath);
  if (process.getuid?.() !== 0) {
    throw new EnvironmentError(
      `scapgate must run oscap as root: chroot-mode probes (rpminfo, rpmverify, symlink \u2026) need CAP_SYS_CHROOT and otherwise silently inspect the runner instead of the image; the extracted root must keep its owners for ownership rules; and the scan sandbox needs a private mount namespace. Run it with sudo, or as root in a privileged container (uid is ${process.getuid?.() ?? "unknown"}).`
    );
  }
  const base = await mkdtemp2(join7(options.workDir ?? tmpdir2(), "scapgate-preflight-"));
  try {
    const root = join7(base, "root");
    const out = join7(base, "out");
    await mkdir3(root, { mode: 493 });
    await mkdir3(out, { mode: 448 });
    const result = await runInSandbox({
      command: [oscapPath, "--version"],
      workDir: base,
      outDir: out,
      root,
      timeoutMs: options.timeoutMs ?? 3e4
    }).catch((error) => {
      if (error instanceof ScanFailedError && error.details.reason === "sandbox") {
        throw new EnvironmentError(
          `The scan sandbox does not work here: scapgate needs \`unshare\` (util-linux), tmpfs and overlayfs mounts in a private mount namespace, and chroot. In a container, run it privileged (or with CAP_SYS_ADMIN and CAP_SYS_CHROOT and no seccomp/AppArmor block on mount). Details: ${getErrorMessage(error)}`,
          { cause: error }
        );
      }
      throw error;
    });
    const version = /\(oscap\)\s+(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
    if (result.exitCode !== 0 || version === void 0) {
      throw new EnvironmentError(
        `\`${oscapPath} --version\` failed inside the scan sandbox (exit ${result.exitCode ?? result.signal}): ` + excerpt(result.stderr || result.stdout)
      );
    }
    return { oscapPath, oscapVersion: version, sceDisabled: !/SCE Version/.test(result.stdout) };
  } finally {
    await rm4(base, { recursive: true, force: true });
  }
}
async function findOscap(override) {
  const candidates = override === void 0 ? DEFAULT_OSCAP_PATHS : [override];
  for (const candidate of candidates) {
    try {
      await access(candidate, constants5.X_OK);
      if (!(await stat3(candidate)).isFile()) continue;
    } catch {
      continue;
    }
    const real = await realpath2(candidate);
    if (!SANDBOX_BIN_DIRS.some((dir) => real.startsWith(dir))) {
      throw new EnvironmentError(
        `Expected oscap under /usr/bin or /usr/sbin (the scan sandbox binds only those), got \`${candidate}\` \u2192 \`${real}\``
      );
    }
    return real;
  }
  throw new EnvironmentError(
    override === void 0 ? "oscap (OpenSCAP) is not installed: expected /usr/bin/oscap. Install the `openscap-scanner` package (Debian/Ubuntu: `apt-get install openscap-scanner`; Fedora/RHEL: `dnf install openscap-scanner`), plus SCAP content (`ssg-debian`, `ssg-nondebian` / `scap-security-guide`)." : `SCAPGATE_OSCAP points to \`${override}\`, which is not an executable file`
  );
}

// packages/core/src/scan/oscap-scan.ts
import { lstat as lstat3, mkdtemp as mkdtemp3, readFile as readFile2, rename as rename2, rm as rm5, stat as stat4 } from "node:fs/promises";
import { join as join8 } from "node:path";

// packages/core/src/content/content-safety.ts
import { open as open6 } from "node:fs/promises";
var MAX_CONTENT_BYTES = 256 * 1024 * 1024;
var SCE_SYSTEM = "open-scap.org/page/sce";
async function assertContentSafe(path, label) {
  const text2 = await readContentText(path, label);
  if (/<!DOCTYPE|<!ENTITY/i.test(text2)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` without <!DOCTYPE> or <!ENTITY> declarations, found one`
    );
  }
  if (decodeCharacterReferences(text2).toLowerCase().includes(SCE_SYSTEM)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` without Script Check Engine (SCE) checks, found a reference to http://open-scap.org/page/SCE. SCE runs scripts from the content on the scanning machine; scapgate refuses it.`
    );
  }
}
async function readContentText(path, label) {
  let bytes;
  try {
    const handle = await open6(path, "r");
    try {
      const info = await handle.stat();
      const size = info.size;
      if (!info.isFile()) throw new ConfigurationError(`Expected ${label} \`${path}\` to be a file`);
      if (size > MAX_CONTENT_BYTES) {
        throw new ConfigurationError(
          `Expected ${label} \`${path}\` to be at most ${MAX_CONTENT_BYTES} bytes, got ${size}`
        );
      }
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    throw new ConfigurationError(`Cannot read ${label} \`${path}\`: ${error.message}`, {
      cause: error
    });
  }
  const head = bytes.subarray(0, 4);
  if (head.includes(0) || head[0] === 254 && head[1] === 255 || head[0] === 255 && head[1] === 254) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` in UTF-8, found UTF-16/32 (convert it with iconv)`
    );
  }
  if (head.subarray(0, 3).toString("latin1") === "BZh" || head[0] === 31 && head[1] === 139) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` as plain XML, found a compressed file (decompress it first)`
    );
  }
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(
    bytes.subarray(0, 200).toString("latin1")
  )?.[1];
  if (declared !== void 0 && !/^(utf-8|us-ascii|ascii|iso-8859-1|latin1)$/i.test(declared)) {
    throw new ConfigurationError(
      `Expected ${label} \`${path}\` in UTF-8, found encoding="${declared}"`
    );
  }
  return bytes.toString("utf8");
}
function decodeCharacterReferences(text2) {
  return text2.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (whole, code) => {
    const value = code[0] === "x" || code[0] === "X" ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return value > 0 && value <= 1114111 ? String.fromCodePoint(value) : whole;
  });
}

// packages/core/src/scan/oscap-diagnostics.ts
var SILENT_FAILURE_PATTERNS = [
  // dpkginfo with libapt (< 1.3.10): every package looks absent (§5).
  /dpkginfo_init has failed/,
  // librpm could not open the image's rpmdb (§6).
  /\bRPM: /,
  // A CHROOT-mode probe ran against the sandbox instead of the image (security.md §2.1 #2).
  /chroot(\("\."\))? failed/
];
var WARNING_PATTERNS = [
  /Requested offline mode is not supported by \S+ probe/,
  /^W(ARNING)?: /
];
var MAX_LINES = 50;
function readOscapDiagnostics(stderr) {
  const silentFailures = [];
  const warningCounts = /* @__PURE__ */ new Map();
  for (const raw of stderr.split("\n")) {
    const line = raw.trim();
    if (line === "") continue;
    if (SILENT_FAILURE_PATTERNS.some((pattern) => pattern.test(line))) {
      if (silentFailures.length < MAX_LINES) silentFailures.push(sanitizeForDisplay(line, 300));
      continue;
    }
    const offline = /Requested offline mode is not supported by (\S+) probe/.exec(line);
    const key = offline ? `Requested offline mode is not supported by ${offline[1]} probe` : line;
    if (WARNING_PATTERNS.some((pattern) => pattern.test(line))) {
      warningCounts.set(key, (warningCounts.get(key) ?? 0) + 1);
    }
  }
  const warnings = [...warningCounts].slice(0, MAX_LINES).map(([line, count]) => sanitizeForDisplay(count > 1 ? `${line} (${count}\xD7)` : line, 300));
  return { silentFailures: [...new Set(silentFailures)], warnings };
}

// packages/core/src/scan/tailoring.ts
import { execFile as execFile3 } from "node:child_process";
import { resolve as resolvePath } from "node:path";
function prettyPrintTailoring(source, target, signal, label = "tailoring file") {
  return new Promise((resolve3, reject) => {
    execFile3(
      "xmllint",
      ["--nonet", "--nocatalogs", "--format", "--output", target, resolvePath(source)],
      {
        env: { PATH: "/usr/bin:/bin" },
        timeout: 6e4,
        maxBuffer: 1024 * 1024,
        ...signal ? { signal } : {}
      },
      (error, _stdout, stderr) => {
        if (error === null) return resolve3(target);
        if (error.code === "ENOENT") {
          return reject(
            new EnvironmentError(
              "xmllint is not installed; it is needed to work around an oscap 1.3.7 tailoring bug. Install `libxml2-utils` (Debian/Ubuntu) or `libxml2` (Fedora/RHEL)."
            )
          );
        }
        reject(
          new ConfigurationError(
            `Expected the ${label} \`${source}\` to be well-formed XML: ${excerpt(String(stderr))}`
          )
        );
      }
    );
  });
}
function hasCompactSelects(xml) {
  return /\/><(?:[A-Za-z][\w.-]*:)?select[\s/>]/.test(xml);
}

// packages/core/src/scan/oscap-scan.ts
var ARF_FILE_NAME = "results.arf.xml";
async function runOscapScan(options) {
  await assertDirectory(options.root, "image root");
  await assertFile(options.contentPath, "SCAP content");
  await assertContentSafe(options.contentPath, "SCAP content");
  if (options.tailoringPath !== void 0) {
    await assertFile(options.tailoringPath, "tailoring file");
    await assertContentSafe(options.tailoringPath, "tailoring file");
  }
  const scanner = options.scanner ?? await preflightScanner();
  const work = await mkdtemp3(join8(options.outDir, ".scapgate-scan-"));
  try {
    const sandboxOut = await mkdtemp3(join8(work, "out-"));
    const tailoringFile = options.tailoringPath === void 0 ? void 0 : await prettyPrintTailoring(
      options.tailoringPath,
      join8(work, "tailoring.xml"),
      options.signal
    );
    const contentFile = hasCompactSelects(await readFile2(options.contentPath, "utf8")) ? await prettyPrintTailoring(options.contentPath, join8(work, "content.xml"), options.signal, "SCAP content") : options.contentPath;
    const command = [
      scanner.oscapPath,
      "xccdf",
      "eval",
      "--profile",
      options.profileId,
      ...tailoringFile === void 0 ? [] : ["--tailoring-file", SANDBOX_PATHS.tailoring],
      ...(options.rules ?? []).flatMap((rule) => ["--rule", rule]),
      // Never --fetch-remote-resources: remote components resolve to an empty directory.
      "--local-files",
      SANDBOX_PATHS.localFiles,
      "--progress",
      "--results-arf",
      `${SANDBOX_PATHS.out}/${ARF_FILE_NAME}`,
      SANDBOX_PATHS.content
    ];
    options.logger.debug(`oscap (sandboxed): ${command.join(" ")}`);
    const result = await runInSandbox({
      command,
      workDir: work,
      outDir: sandboxOut,
      root: options.root,
      inputFile: contentFile,
      ...tailoringFile === void 0 ? {} : { tailoringFile },
      rpmDbPath: await rpmDbPath(options.root),
      containerVars: options.imageEnv,
      target: options.target,
      timeoutMs: options.timeoutMs,
      ...options.signal === void 0 ? {} : { signal: options.signal }
    });
    const stderrExcerpt = excerpt(result.stderr);
    if (result.signal !== null || result.exitCode !== 0 && result.exitCode !== 2) {
      const how = result.signal === null ? `exited with ${result.exitCode}` : `was killed by ${result.signal}`;
      throw new ScanFailedError(`oscap ${how}: ${stderrExcerpt || excerpt(result.stdout)}`, {
        reason: "oscap-error",
        exitCode: result.exitCode,
        signal: result.signal,
        stderrExcerpt
      });
    }
    const diagnostics = readOscapDiagnostics(result.stderr);
    if (diagnostics.silentFailures.length > 0) {
      throw new ScanFailedError(
        `oscap finished but reported that some answers are wrong: ${diagnostics.silentFailures.join("; ")}`,
        { reason: "silent-failure", exitCode: result.exitCode, stderrExcerpt }
      );
    }
    const produced = join8(sandboxOut, ARF_FILE_NAME);
    const produceStat = await lstat3(produced).catch(() => void 0);
    if (!produceStat?.isFile()) {
      throw new ScanFailedError(`oscap exited with ${result.exitCode} but wrote no ARF`, {
        reason: "oscap-error",
        exitCode: result.exitCode,
        stderrExcerpt
      });
    }
    const arfPath = join8(options.outDir, ARF_FILE_NAME);
    await rename2(produced, arfPath);
    for (const warning of diagnostics.warnings) options.logger.warning(`oscap: ${warning}`);
    return {
      arfPath,
      exitCode: result.exitCode === 2 ? 2 : 0,
      warnings: diagnostics.warnings,
      durationSeconds: result.durationSeconds
    };
  } finally {
    await rm5(work, { recursive: true, force: true });
  }
}
async function rpmDbPath(root) {
  let current = root;
  for (const part of ["usr", "lib", "sysimage", "rpm"]) {
    current = join8(current, part);
    const info = await lstat3(current).catch(() => void 0);
    if (!info?.isDirectory()) return "/var/lib/rpm";
  }
  return "/usr/lib/sysimage/rpm";
}
async function assertDirectory(path, label) {
  const info = await lstat3(path).catch(() => void 0);
  if (!info?.isDirectory()) {
    throw new ConfigurationError(
      `Expected the ${label} \`${path}\` to be a directory, found ${describe(info)}`
    );
  }
}
async function assertFile(path, label) {
  const info = await stat4(path).catch(() => void 0);
  if (!info?.isFile()) {
    throw new ConfigurationError(
      `Expected the ${label} \`${path}\` to be a file, found ${describe(info)}`
    );
  }
}
function describe(info) {
  if (info === void 0) return "nothing";
  if (info.isSymbolicLink()) return "a symlink";
  if (info.isDirectory()) return "a directory";
  return "a special file";
}

// packages/core/src/scan/html-report.ts
import { lstat as lstat4, mkdtemp as mkdtemp4, rename as rename3, rm as rm6 } from "node:fs/promises";
import { dirname, join as join9 } from "node:path";
async function generateHtmlReport(arfPath, htmlPath, options = {}) {
  const scanner = options.scanner ?? await preflightScanner();
  const work = await mkdtemp4(join9(dirname(htmlPath), ".scapgate-report-"));
  try {
    const out = await mkdtemp4(join9(work, "out-"));
    const result = await runInSandbox({
      command: [
        scanner.oscapPath,
        "xccdf",
        "generate",
        "report",
        "--output",
        `${SANDBOX_PATHS.out}/report.html`,
        SANDBOX_PATHS.content
      ],
      workDir: work,
      outDir: out,
      inputFile: arfPath,
      timeoutMs: options.timeoutMs ?? 3e5,
      ...options.signal === void 0 ? {} : { signal: options.signal }
    });
    const produced = join9(out, "report.html");
    const info = await lstat4(produced).catch(() => void 0);
    if (result.exitCode !== 0 || !info?.isFile()) {
      throw new ScanFailedError(
        `oscap xccdf generate report failed (exit ${result.exitCode ?? result.signal}): ${excerpt(result.stderr)}`,
        {
          reason: "oscap-error",
          exitCode: result.exitCode,
          signal: result.signal,
          stderrExcerpt: excerpt(result.stderr)
        }
      );
    }
    await rename3(produced, htmlPath);
  } finally {
    await rm6(work, { recursive: true, force: true });
  }
}

// packages/core/src/content/os-release.ts
var OS_RELEASE_PATHS = ["/etc/os-release", "/usr/lib/os-release"];
var MAX_OS_RELEASE_BYTES = 64 * 1024;
function parseOsRelease(text2) {
  const source = (typeof text2 === "string" ? text2 : text2.toString("utf8")).slice(
    0,
    MAX_OS_RELEASE_BYTES
  );
  const values = /* @__PURE__ */ new Map();
  for (const raw of source.split("\n")) {
    const match = /^\s*([A-Z][A-Z0-9_]*)=(.*)$/.exec(raw);
    if (!match) continue;
    values.set(match[1], unquote(match[2].trim()));
  }
  const lower = (key) => values.get(key)?.toLowerCase() || void 0;
  const plain = (key) => values.get(key) || void 0;
  const result = { idLike: (lower("ID_LIKE") ?? "").split(/\s+/).filter(Boolean) };
  const id = lower("ID");
  const versionId = plain("VERSION_ID");
  const versionCodename = lower("VERSION_CODENAME");
  const prettyName = plain("PRETTY_NAME");
  if (id !== void 0) result.id = id;
  if (versionId !== void 0) result.versionId = versionId;
  if (versionCodename !== void 0) result.versionCodename = versionCodename;
  if (prettyName !== void 0) result.prettyName = prettyName;
  return result;
}
function unquote(value) {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\`$])/g, "$1");
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1);
  return value;
}
async function readOsRelease(readFile6) {
  for (const path of OS_RELEASE_PATHS) {
    const bytes = await readFile6(path);
    if (bytes !== void 0) return parseOsRelease(bytes);
  }
  return void 0;
}
function describeOs(os) {
  return os.prettyName ?? ([os.id ?? "unknown OS", os.versionId].filter(Boolean).join(" ") || "unknown OS");
}

// packages/core/src/content/select-content.ts
import { readdir } from "node:fs/promises";
import { join as join10 } from "node:path";
var DEFAULT_CONTENT_DIR = "/usr/share/xml/scap/ssg/content";
function dataStreamCandidates(id, versionId) {
  const major = /^(\d+)/.exec(versionId ?? "")?.[1];
  const ubuntu = /^(\d+)\.(\d+)/.exec(versionId ?? "");
  const versioned = (...products) => major === void 0 ? [] : products.map((product) => `ssg-${product}${major}-ds.xml`);
  switch (id) {
    case "debian":
      return versioned("debian");
    case "ubuntu":
      return ubuntu ? [`ssg-ubuntu${ubuntu[1]}${ubuntu[2]}-ds.xml`] : [];
    case "rhel":
      return versioned("rhel");
    case "centos":
      return versioned("centos", "cs");
    case "fedora":
      return ["ssg-fedora-ds.xml"];
    case "sles":
    case "sled":
    case "sle":
      return versioned("sle");
    case "opensuse":
    case "opensuse-leap":
    case "opensuse-tumbleweed":
      return ["ssg-opensuse-ds.xml"];
    case "ol":
      return versioned("ol");
    case "almalinux":
      return versioned("almalinux");
    case "rocky":
      return versioned("rocky");
    case "alinux":
      return versioned("alinux");
    case "anolis":
      return versioned("anolis");
    case "scientific":
      return versioned("sl");
    default:
      return [];
  }
}
async function selectContent(os, contentDir) {
  const dir = contentDir ?? readScannerOverrides().contentDir ?? DEFAULT_CONTENT_DIR;
  const available = await listDataStreams(dir);
  const tried = [];
  const ids2 = [...os.id === void 0 ? [] : [os.id], ...os.idLike.filter((like) => like !== os.id)];
  for (const [index, id] of ids2.entries()) {
    for (const candidate of dataStreamCandidates(id, os.versionId)) {
      tried.push(candidate);
      if (available.includes(candidate)) {
        return {
          path: join10(dir, candidate),
          fileName: candidate,
          viaIdLike: index > 0 || os.id === void 0
        };
      }
    }
  }
  throw new ConfigurationError(noContentMessage(os, dir, tried, available));
}
async function listDataStreams(dir) {
  try {
    const names = await readdir(dir);
    return names.filter((name) => name.endsWith("-ds.xml")).sort();
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the SCAP content directory \`${dir}\` (${error.message}). Install SCAP Security Guide content (\`ssg-debian\` and \`ssg-nondebian\` on Debian/Ubuntu, \`scap-security-guide\` on Fedora/RHEL), set SCAPGATE_CONTENT_DIR, or pass a data stream explicitly.`,
      { cause: error }
    );
  }
}
function noContentMessage(os, dir, tried, available) {
  const name = sanitizeForDisplay(describeOs(os), 100);
  const lines = [
    tried.length === 0 ? `No SCAP content is known for the image's OS, ${name} (os-release ID=${sanitizeForDisplay(os.id ?? "", 40)}).` : `No SCAP content for the image's OS, ${name}: looked for ${tried.join(", ")} in ${dir}.`
  ];
  const major = Number(/^(\d+)/.exec(os.versionId ?? "")?.[1]);
  if (os.id === "debian" && major >= 12 || os.id === "ubuntu" && major >= 24) {
    lines.push(
      `SCAP Security Guide 0.1.65 (the version Debian 12 ships) has no content for ${name}; a newer release of ComplianceAsCode/content provides it. Scanning with content for another release would report every rule as notapplicable.`
    );
  }
  lines.push(
    available.length === 0 ? "No data streams (*-ds.xml) are installed there." : `Available: ${available.join(", ")}.`,
    "Pass a data stream explicitly to scan anyway."
  );
  return lines.join(" ");
}

// packages/core/src/content/profiles.ts
import { createHash as createHash5 } from "node:crypto";
import { readFile as readFile3 } from "node:fs/promises";
var DEFAULT_PROFILE = "standard";
async function readContentInfo(dataStream, tailoringPath) {
  const bytes = await readContent(dataStream, "SCAP content");
  const text2 = stripComments(bytes.toString("utf8"));
  const benchmark = /<(?:[\w.-]+:)?Benchmark\b([^>]*)>/.exec(text2);
  const info = {
    path: dataStream,
    sha256: createHash5("sha256").update(bytes).digest("hex"),
    profiles: extractProfiles(text2, false)
  };
  const benchmarkId = benchmark ? attribute(benchmark[1], "id") : void 0;
  if (benchmarkId !== void 0) info.benchmarkId = benchmarkId;
  if (benchmark) {
    const version = /<(?:[\w.-]+:)?version\b[^>]*>([^<]*)</.exec(text2.slice(benchmark.index))?.[1];
    if (version !== void 0) info.benchmarkVersion = decodeXmlText(version).trim();
  }
  if (tailoringPath !== void 0) {
    const tailoring = stripComments(
      (await readContent(tailoringPath, "tailoring file")).toString("utf8")
    );
    info.profiles = [...extractProfiles(tailoring, true), ...info.profiles];
  }
  return info;
}
async function resolveProfile(dataStream, requested, tailoringPath) {
  const content = await readContentInfo(dataStream, tailoringPath);
  const wanted = requested?.trim() || DEFAULT_PROFILE;
  const exact = content.profiles.find((profile) => profile.id === wanted);
  if (exact) return { profileId: exact.id, content };
  const bySuffix = [
    ...new Set(content.profiles.filter((p) => p.id.endsWith(`_profile_${wanted}`)).map((p) => p.id))
  ];
  if (bySuffix.length === 1) return { profileId: bySuffix[0], content };
  const list = content.profiles.length === 0 ? "(none)" : content.profiles.map((p) => `${p.id} (${p.title})`).join(", ");
  const shown2 = sanitizeForDisplay(wanted, 120);
  if (bySuffix.length > 1) {
    throw new ConfigurationError(
      `Expected \`profile\` to name one profile, \`${shown2}\` matches ${bySuffix.join(", ")}`
    );
  }
  throw new ConfigurationError(
    requested?.trim() ? `Expected \`profile\` to be one of the profiles in ${dataStream}, got \`${shown2}\`. Available: ${list}` : `No \`profile\` given and ${dataStream} has no \`${DEFAULT_PROFILE}\` profile; choose one of: ${list}`
  );
}
async function readContent(path, label) {
  try {
    return await readFile3(path);
  } catch (error) {
    throw new ConfigurationError(
      `Cannot read the ${label} \`${path}\`: ${error.message}`,
      { cause: error }
    );
  }
}
function extractProfiles(text2, tailored) {
  const profiles = [];
  const start = /<((?:[\w.-]+:)?)Profile\b([^>]*?)(\/?)>/g;
  for (let match = start.exec(text2); match !== null; match = start.exec(text2)) {
    const id = attribute(match[2], "id");
    if (id === void 0) continue;
    let title = "";
    if (match[3] !== "/") {
      const end = text2.indexOf(`</${match[1]}Profile>`, start.lastIndex);
      const body = text2.slice(start.lastIndex, end === -1 ? void 0 : end);
      title = decodeXmlText(/<(?:[\w.-]+:)?title\b[^>]*>([^<]*)</.exec(body)?.[1] ?? "").trim();
    }
    profiles.push({ id, title, tailored });
  }
  return profiles;
}
function attribute(attributes, name) {
  const value = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes);
  if (!value) return void 0;
  return decodeXmlText(value[1] ?? value[2] ?? "");
}
function stripComments(text2) {
  return text2.replace(/<!--[\s\S]*?-->/g, "");
}
function decodeXmlText(text2) {
  return text2.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (whole, entity) => {
    const named = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
    const lower = entity.toLowerCase();
    if (lower in named) return named[lower];
    const code = lower.startsWith("#x") ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 1114111 ? String.fromCodePoint(code) : whole;
  });
}

// packages/core/src/arf/namespaces.ts
var ns = {
  arf: "http://scap.nist.gov/schema/asset-reporting-format/1.1",
  core: "http://scap.nist.gov/schema/reporting-core/1.1",
  ai: "http://scap.nist.gov/schema/asset-identification/1.1",
  ds: "http://scap.nist.gov/schema/scap/source/1.2",
  xccdf: "http://checklists.nist.gov/xccdf/1.2",
  ovalRes: "http://oval.mitre.org/XMLSchema/oval-results-5",
  ovalSc: "http://oval.mitre.org/XMLSchema/oval-system-characteristics-5",
  html: "http://www.w3.org/1999/xhtml",
  xml: "http://www.w3.org/XML/1998/namespace"
};

// packages/core/src/arf/xml-tree.ts
function isElement(node) {
  return typeof node !== "string";
}
function children(element, ns2, name) {
  const found = [];
  for (const node of element.children) {
    if (isElement(node) && (ns2 === void 0 || node.ns === ns2) && (name === void 0 || node.name === name)) {
      found.push(node);
    }
  }
  return found;
}
function child(element, ns2, name) {
  for (const node of element.children) {
    if (isElement(node) && (ns2 === void 0 || node.ns === ns2) && node.name === name) return node;
  }
  return void 0;
}
function descendants(element, ns2, name, options = {}) {
  const found = [];
  const stack = children(element, void 0).reverse();
  while (stack.length > 0) {
    const current = stack.pop();
    const matches = current.ns === ns2 && current.name === name;
    if (matches) found.push(current);
    if (matches && options.stopAtMatch) continue;
    for (let i = current.children.length - 1; i >= 0; i--) {
      const node = current.children[i];
      if (isElement(node)) stack.push(node);
    }
  }
  return found;
}
function text(element) {
  let out = "";
  for (const node of element.children) out += isElement(node) ? text(node) : node;
  return out;
}

// packages/core/src/arf/oval-results.ts
var ovalResultValues = [
  "true",
  "false",
  "unknown",
  "error",
  "not evaluated",
  "not applicable"
];
function readOvalResults(root, source) {
  const system = child(child(root, ns.ovalRes, "results") ?? root, ns.ovalRes, "system");
  const definitions = /* @__PURE__ */ new Map();
  if (system === void 0) return { definitions };
  const items = /* @__PURE__ */ new Map();
  const characteristics = child(system, ns.ovalSc, "oval_system_characteristics");
  const systemData = characteristics && child(characteristics, ns.ovalSc, "system_data");
  for (const item of systemData ? children(systemData, void 0) : []) {
    const id = item.attrs.get("id");
    if (id !== void 0) items.set(id, readItem(id, item));
  }
  const testItems = /* @__PURE__ */ new Map();
  for (const test of children(child(system, ns.ovalRes, "tests") ?? system, ns.ovalRes, "test")) {
    const testId = test.attrs.get("test_id");
    if (testId === void 0) continue;
    const ids2 = children(test, ns.ovalRes, "tested_item").flatMap((t) => t.attrs.get("item_id") ?? []);
    testItems.set(testId, [...testItems.get(testId) ?? [], ...ids2]);
  }
  const raw = /* @__PURE__ */ new Map();
  for (const definition of children(
    child(system, ns.ovalRes, "definitions") ?? system,
    ns.ovalRes,
    "definition"
  )) {
    const id = definition.attrs.get("definition_id");
    const result = definition.attrs.get("result");
    if (id === void 0) continue;
    if (result === void 0 || !ovalResultValues.includes(result)) {
      throw new InvalidArfError(
        `Expected OVAL definition ${id} in ${source} to have a result (${ovalResultValues.join("|")}), got ${String(result)}`,
        source
      );
    }
    raw.set(id, {
      result,
      testIds: descendants(definition, ns.ovalRes, "criterion").flatMap(
        (c) => c.attrs.get("test_ref") ?? []
      ),
      extends: descendants(definition, ns.ovalRes, "extend_definition").flatMap(
        (e) => e.attrs.get("definition_ref") ?? []
      )
    });
  }
  for (const [id, definition] of raw) {
    const testIds = collectTests(id, raw);
    const seen = /* @__PURE__ */ new Set();
    const collected = [];
    for (const testId of testIds) {
      for (const itemId of testItems.get(testId) ?? []) {
        const item = items.get(itemId);
        if (item === void 0 || seen.has(itemId)) continue;
        seen.add(itemId);
        collected.push(item);
      }
    }
    definitions.set(id, { id, result: definition.result, testIds, items: collected });
  }
  return { definitions };
}
function collectTests(id, raw, visiting = /* @__PURE__ */ new Set()) {
  const definition = raw.get(id);
  if (definition === void 0 || visiting.has(id)) return [];
  visiting.add(id);
  const ids2 = [
    ...definition.testIds,
    ...definition.extends.flatMap((e) => collectTests(e, raw, visiting))
  ];
  return [...new Set(ids2)];
}
function readItem(id, element) {
  const field2 = (name) => {
    const found = child(element, void 0, name);
    return found === void 0 ? void 0 : text(found);
  };
  const item = { id, itemType: element.name };
  const status = element.attrs.get("status");
  if (status !== void 0) item.status = status;
  const path = field2("path");
  const filename = field2("filename");
  const filepath = field2("filepath") ?? (path !== void 0 && filename !== void 0 ? joinPath(path, filename) : void 0);
  if (filepath !== void 0) item.filepath = filepath;
  if (path !== void 0) item.path = path;
  if (/^(dpkg|rpm)info_item$/.test(element.name)) {
    const name = field2("name");
    const evr = field2("evr");
    if (name !== void 0) item.name = name;
    if (evr !== void 0) item.evr = evr;
  }
  return item;
}
function joinPath(path, filename) {
  return path.endsWith("/") ? `${path}${filename}` : `${path}/${filename}`;
}

// packages/core/src/arf/reference-frameworks.ts
var frameworks = [
  [/NIST\.SP\.800-53/i, "NIST-800-53"],
  [/NIST\.SP\.800-171/i, "NIST-800-171"],
  [/NIST\.CSWP/i, "NIST-CSF"],
  [/cisecurity\.org\/controls/i, "CIS-Controls"],
  [/cisecurity\.org\/benchmark|benchmarks\.cisecurity\.org/i, "CIS"],
  [/public\.cyber\.mil\/stigs\/cci/i, "DISA-CCI"],
  [/_dl_facet_stigs=operating-systems%2Cgeneral-purpose-os/i, "OS-SRG"],
  [/_dl_facet_stigs=operating-systems%2Cunix-linux/i, "DISA-STIG"],
  [/public\.cyber\.mil\/stigs\/srg-stig-tools/i, "DISA-STIG-Rule"],
  [/pcisecuritystandards\.org/i, "PCI-DSS"],
  [/iso\.org\/standard\/54534/i, "ISO-27001-2013"],
  [/isaca\.org\/resources\/cobit/i, "COBIT-5"],
  [/ssi\.gouv\.fr/i, "ANSSI"],
  [/niap-ccevs\.org/i, "OSPP"],
  [/gpo\.gov\/fdsys\/pkg\/CFR/i, "HIPAA"],
  [/fbi\.gov\/file-repository\/cjis/i, "CJIS"],
  [/nerc\.com/i, "NERC-CIP"],
  [/isa\.org\/products\/.*62443-2-1/i, "ISA-62443-2-1"],
  [/isa\.org\/products\/.*62443-3-3/i, "ISA-62443-3-3"]
];
function frameworkForHref(href) {
  if (href === "") return void 0;
  return frameworks.find(([pattern]) => pattern.test(href))?.[1];
}

// packages/core/src/arf/xccdf-text.ts
var blocks = /* @__PURE__ */ new Set([
  "p",
  "div",
  "pre",
  "ul",
  "ol",
  "li",
  "table",
  "tr",
  "blockquote",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "dl",
  "dt",
  "dd"
]);
var newline = "\0";
function flattenXccdfText(element, resolveSub) {
  if (element === void 0) return "";
  const parts = [];
  walk(element, false, parts, resolveSub);
  return parts.join("").replace(/[ \t\r\n]+/g, " ").split(newline).map((line) => line.trim()).join("\n").replace(/\n{3,}/g, "\n\n").replace(/\u0001/g, " ").replace(/\u0002/g, newline).split(newline).join("\n").trim();
}
function walk(element, inPre, parts, resolveSub) {
  for (const node of element.children) {
    if (!isElement(node)) {
      parts.push(inPre ? protect(node) : node);
      continue;
    }
    if (node.ns === ns.xccdf && node.name === "sub") {
      const idref = node.attrs.get("idref") ?? "";
      parts.push(resolveSub(idref) ?? `(${shortValueId(idref)})`);
      continue;
    }
    if (node.ns === ns.html && node.name === "br") {
      parts.push(newline);
      continue;
    }
    const block2 = node.ns === ns.html && blocks.has(node.name);
    if (block2) parts.push(newline);
    if (node.ns === ns.html && node.name === "li") parts.push("- ");
    walk(node, inPre || node.ns === ns.html && node.name === "pre", parts, resolveSub);
    if (block2) parts.push(newline);
  }
}
function protect(text2) {
  return text2.replace(/\r\n?/g, "\n").replace(/[ \t]/g, "").replace(/\n/g, "");
}
function shortValueId(idref) {
  return idref.replace(/^xccdf_[^_]+\.[^_]+_value_/, "");
}

// packages/core/src/arf/xml-parser.ts
import { readFile as readFile4, stat as stat5 } from "node:fs/promises";
import { constants as bufferConstants } from "node:buffer";
import { gunzipSync } from "node:zlib";

// node_modules/fast-xml-parser/src/util.js
var nameStartChar = ":A-Za-z_\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
var nameChar = nameStartChar + "\\-.\\d\\u00B7\\u0300-\\u036F\\u203F-\\u2040";
var nameRegexp = "[" + nameStartChar + "][" + nameChar + "]*";
var regexName = new RegExp("^" + nameRegexp + "$");
function getAllMatches(string, regex) {
  const matches = [];
  let match = regex.exec(string);
  while (match) {
    const allmatches = [];
    allmatches.startIndex = regex.lastIndex - match[0].length;
    const len = match.length;
    for (let index = 0; index < len; index++) {
      allmatches.push(match[index]);
    }
    matches.push(allmatches);
    match = regex.exec(string);
  }
  return matches;
}
var isName = function(string) {
  const match = regexName.exec(string);
  return !(match === null || typeof match === "undefined");
};
function isExist(v) {
  return typeof v !== "undefined";
}
var DANGEROUS_PROPERTY_NAMES = [
  // '__proto__',
  // 'constructor',
  // 'prototype',
  "hasOwnProperty",
  "toString",
  "valueOf",
  "__defineGetter__",
  "__defineSetter__",
  "__lookupGetter__",
  "__lookupSetter__"
];
var criticalProperties = ["__proto__", "constructor", "prototype"];

// node_modules/fast-xml-parser/src/validator.js
var defaultOptions = {
  allowBooleanAttributes: false,
  //A tag can have attributes without any value
  unpairedTags: []
};
function validate(xmlData, options) {
  options = Object.assign({}, defaultOptions, options);
  const tags = [];
  let tagFound = false;
  let reachedRoot = false;
  if (xmlData[0] === "\uFEFF") {
    xmlData = xmlData.substr(1);
  }
  for (let i = 0; i < xmlData.length; i++) {
    if (xmlData[i] === "<" && xmlData[i + 1] === "?") {
      i += 2;
      i = readPI(xmlData, i);
      if (i.err) return i;
    } else if (xmlData[i] === "<") {
      let tagStartPos = i;
      i++;
      if (xmlData[i] === "!") {
        i = readCommentAndCDATA(xmlData, i);
        continue;
      } else {
        let closingTag = false;
        if (xmlData[i] === "/") {
          closingTag = true;
          i++;
        }
        let tagName = "";
        for (; i < xmlData.length && xmlData[i] !== ">" && xmlData[i] !== " " && xmlData[i] !== "	" && xmlData[i] !== "\n" && xmlData[i] !== "\r"; i++) {
          tagName += xmlData[i];
        }
        tagName = tagName.trim();
        if (tagName[tagName.length - 1] === "/") {
          tagName = tagName.substring(0, tagName.length - 1);
          i--;
        }
        if (!validateTagName(tagName)) {
          let msg;
          if (tagName.trim().length === 0) {
            msg = "Invalid space after '<'.";
          } else {
            msg = "Tag '" + tagName + "' is an invalid name.";
          }
          return getErrorObject("InvalidTag", msg, getLineNumberForPosition(xmlData, i));
        }
        const result = readAttributeStr(xmlData, i);
        if (result === false) {
          return getErrorObject("InvalidAttr", "Attributes for '" + tagName + "' have open quote.", getLineNumberForPosition(xmlData, i));
        }
        let attrStr = result.value;
        i = result.index;
        if (attrStr[attrStr.length - 1] === "/") {
          const attrStrStart = i - attrStr.length;
          attrStr = attrStr.substring(0, attrStr.length - 1);
          const isValid = validateAttributeString(attrStr, options);
          if (isValid === true) {
            tagFound = true;
          } else {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, attrStrStart + isValid.err.line));
          }
        } else if (closingTag) {
          if (!result.tagClosed) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' doesn't have proper closing.", getLineNumberForPosition(xmlData, i));
          } else if (attrStr.trim().length > 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' can't have attributes or invalid starting.", getLineNumberForPosition(xmlData, tagStartPos));
          } else if (tags.length === 0) {
            return getErrorObject("InvalidTag", "Closing tag '" + tagName + "' has not been opened.", getLineNumberForPosition(xmlData, tagStartPos));
          } else {
            const otg = tags.pop();
            if (tagName !== otg.tagName) {
              let openPos = getLineNumberForPosition(xmlData, otg.tagStartPos);
              return getErrorObject(
                "InvalidTag",
                "Expected closing tag '" + otg.tagName + "' (opened in line " + openPos.line + ", col " + openPos.col + ") instead of closing tag '" + tagName + "'.",
                getLineNumberForPosition(xmlData, tagStartPos)
              );
            }
            if (tags.length == 0) {
              reachedRoot = true;
            }
          }
        } else {
          const isValid = validateAttributeString(attrStr, options);
          if (isValid !== true) {
            return getErrorObject(isValid.err.code, isValid.err.msg, getLineNumberForPosition(xmlData, i - attrStr.length + isValid.err.line));
          }
          if (reachedRoot === true) {
            return getErrorObject("InvalidXml", "Multiple possible root nodes found.", getLineNumberForPosition(xmlData, i));
          } else if (options.unpairedTags.indexOf(tagName) !== -1) {
          } else {
            tags.push({ tagName, tagStartPos });
          }
          tagFound = true;
        }
        for (i++; i < xmlData.length; i++) {
          if (xmlData[i] === "<") {
            if (xmlData[i + 1] === "!") {
              i++;
              i = readCommentAndCDATA(xmlData, i);
              continue;
            } else if (xmlData[i + 1] === "?") {
              i = readPI(xmlData, ++i);
              if (i.err) return i;
            } else {
              break;
            }
          } else if (xmlData[i] === "&") {
            const afterAmp = validateAmpersand(xmlData, i);
            if (afterAmp == -1)
              return getErrorObject("InvalidChar", "char '&' is not expected.", getLineNumberForPosition(xmlData, i));
            i = afterAmp;
          } else {
            if (reachedRoot === true && !isWhiteSpace(xmlData[i])) {
              return getErrorObject("InvalidXml", "Extra text at the end", getLineNumberForPosition(xmlData, i));
            }
          }
        }
        if (xmlData[i] === "<") {
          i--;
        }
      }
    } else {
      if (isWhiteSpace(xmlData[i])) {
        continue;
      }
      return getErrorObject("InvalidChar", "char '" + xmlData[i] + "' is not expected.", getLineNumberForPosition(xmlData, i));
    }
  }
  if (!tagFound) {
    return getErrorObject("InvalidXml", "Start tag expected.", 1);
  } else if (tags.length == 1) {
    return getErrorObject("InvalidTag", "Unclosed tag '" + tags[0].tagName + "'.", getLineNumberForPosition(xmlData, tags[0].tagStartPos));
  } else if (tags.length > 0) {
    return getErrorObject("InvalidXml", "Invalid '" + JSON.stringify(tags.map((t) => t.tagName), null, 4).replace(/\r?\n/g, "") + "' found.", { line: 1, col: 1 });
  }
  return true;
}
function isWhiteSpace(char) {
  return char === " " || char === "	" || char === "\n" || char === "\r";
}
function readPI(xmlData, i) {
  const start = i;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] == "?" || xmlData[i] == " ") {
      const tagname = xmlData.substr(start, i - start);
      if (i > 5 && tagname === "xml") {
        return getErrorObject("InvalidXml", "XML declaration allowed only at the start of the document.", getLineNumberForPosition(xmlData, i));
      } else if (xmlData[i] == "?" && xmlData[i + 1] == ">") {
        i++;
        break;
      } else {
        continue;
      }
    }
  }
  return i;
}
function readCommentAndCDATA(xmlData, i) {
  if (xmlData.length > i + 5 && xmlData[i + 1] === "-" && xmlData[i + 2] === "-") {
    for (i += 3; i < xmlData.length; i++) {
      if (xmlData[i] === "-" && xmlData[i + 1] === "-" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  } else if (xmlData.length > i + 8 && xmlData[i + 1] === "D" && xmlData[i + 2] === "O" && xmlData[i + 3] === "C" && xmlData[i + 4] === "T" && xmlData[i + 5] === "Y" && xmlData[i + 6] === "P" && xmlData[i + 7] === "E") {
    let angleBracketsCount = 1;
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "<") {
        angleBracketsCount++;
      } else if (xmlData[i] === ">") {
        angleBracketsCount--;
        if (angleBracketsCount === 0) {
          break;
        }
      }
    }
  } else if (xmlData.length > i + 9 && xmlData[i + 1] === "[" && xmlData[i + 2] === "C" && xmlData[i + 3] === "D" && xmlData[i + 4] === "A" && xmlData[i + 5] === "T" && xmlData[i + 6] === "A" && xmlData[i + 7] === "[") {
    for (i += 8; i < xmlData.length; i++) {
      if (xmlData[i] === "]" && xmlData[i + 1] === "]" && xmlData[i + 2] === ">") {
        i += 2;
        break;
      }
    }
  }
  return i;
}
var doubleQuote = '"';
var singleQuote = "'";
function readAttributeStr(xmlData, i) {
  let attrStr = "";
  let startChar = "";
  let tagClosed = false;
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === doubleQuote || xmlData[i] === singleQuote) {
      if (startChar === "") {
        startChar = xmlData[i];
      } else if (startChar !== xmlData[i]) {
      } else {
        startChar = "";
      }
    } else if (xmlData[i] === ">") {
      if (startChar === "") {
        tagClosed = true;
        break;
      }
    }
    attrStr += xmlData[i];
  }
  if (startChar !== "") {
    return false;
  }
  return {
    value: attrStr,
    index: i,
    tagClosed
  };
}
function scanAttributeTokens(attrStr) {
  const tokens = [];
  const len = attrStr.length;
  let i = 0;
  while (i < len) {
    const tokenStart = i;
    while (i < len && isWhiteSpace(attrStr[i])) i++;
    if (i >= len) break;
    if (attrStr[i] === "=") {
      i++;
      continue;
    }
    const leadingWs = attrStr.slice(tokenStart, i);
    const nameStart = i;
    while (i < len && !isWhiteSpace(attrStr[i]) && attrStr[i] !== "=") i++;
    const name = attrStr.slice(nameStart, i);
    let equalsGroup;
    let j = i;
    while (j < len && isWhiteSpace(attrStr[j])) j++;
    if (j < len && attrStr[j] === "=") {
      equalsGroup = attrStr.slice(i, j + 1);
      i = j + 1;
    }
    let quoteChar;
    let value;
    let k = i;
    while (k < len && isWhiteSpace(attrStr[k])) k++;
    if (k < len && (attrStr[k] === '"' || attrStr[k] === "'")) {
      const valueStart = k + 1;
      const closeIdx = attrStr.indexOf(attrStr[k], valueStart);
      if (closeIdx !== -1) {
        quoteChar = attrStr[k];
        value = attrStr.slice(valueStart, closeIdx);
        i = closeIdx + 1;
      }
    }
    const token = { startIndex: tokenStart };
    token[1] = leadingWs;
    token[2] = name;
    token[3] = equalsGroup;
    token[4] = quoteChar !== void 0 ? true : void 0;
    token[5] = quoteChar;
    token[6] = value;
    tokens.push(token);
  }
  return tokens;
}
function validateAttributeString(attrStr, options) {
  const matches = scanAttributeTokens(attrStr);
  const attrNames = {};
  for (let i = 0; i < matches.length; i++) {
    if (matches[i][1].length === 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' has no space in starting.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] !== void 0 && matches[i][4] === void 0) {
      return getErrorObject("InvalidAttr", "Attribute '" + matches[i][2] + "' is without value.", getPositionFromMatch(matches[i]));
    } else if (matches[i][3] === void 0 && !options.allowBooleanAttributes) {
      return getErrorObject("InvalidAttr", "boolean attribute '" + matches[i][2] + "' is not allowed.", getPositionFromMatch(matches[i]));
    }
    const attrName = matches[i][2];
    if (!validateAttrName(attrName)) {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is an invalid name.", getPositionFromMatch(matches[i]));
    }
    if (!Object.prototype.hasOwnProperty.call(attrNames, attrName)) {
      attrNames[attrName] = 1;
    } else {
      return getErrorObject("InvalidAttr", "Attribute '" + attrName + "' is repeated.", getPositionFromMatch(matches[i]));
    }
  }
  return true;
}
function validateNumberAmpersand(xmlData, i) {
  let re = /\d/;
  if (xmlData[i] === "x") {
    i++;
    re = /[\da-fA-F]/;
  }
  for (; i < xmlData.length; i++) {
    if (xmlData[i] === ";")
      return i;
    if (!xmlData[i].match(re))
      break;
  }
  return -1;
}
function validateAmpersand(xmlData, i) {
  i++;
  if (xmlData[i] === ";")
    return -1;
  if (xmlData[i] === "#") {
    i++;
    return validateNumberAmpersand(xmlData, i);
  }
  let count = 0;
  for (; i < xmlData.length; i++, count++) {
    if (xmlData[i].match(/\w/) && count < 20)
      continue;
    if (xmlData[i] === ";")
      break;
    return -1;
  }
  return i;
}
function getErrorObject(code, message, lineNumber) {
  return {
    err: {
      code,
      msg: message,
      line: lineNumber.line || lineNumber,
      col: lineNumber.col
    }
  };
}
function validateAttrName(attrName) {
  return isName(attrName);
}
function validateTagName(tagname) {
  return isName(tagname);
}
function getLineNumberForPosition(xmlData, index) {
  const lines = xmlData.substring(0, index).split(/\r?\n/);
  return {
    line: lines.length,
    // column number is last line's length + 1, because column numbering starts at 1:
    col: lines[lines.length - 1].length + 1
  };
}
function getPositionFromMatch(match) {
  return match.startIndex + match[1].length;
}

// node_modules/@nodable/entities/src/entities.js
var CURRENCY = {
  cent: "\xA2",
  pound: "\xA3",
  curren: "\xA4",
  yen: "\xA5",
  euro: "\u20AC",
  dollar: "$",
  fnof: "\u0192",
  inr: "\u20B9",
  af: "\u060B",
  birr: "\u1265\u122D",
  peso: "\u20B1",
  rub: "\u20BD",
  won: "\u20A9",
  yuan: "\xA5",
  cedil: "\xB8"
};
var XML = {
  amp: "&",
  apos: "'",
  gt: ">",
  lt: "<",
  quot: '"'
};
var COMMON_HTML = {
  nbsp: "\xA0",
  copy: "\xA9",
  reg: "\xAE",
  trade: "\u2122",
  mdash: "\u2014",
  ndash: "\u2013",
  hellip: "\u2026",
  laquo: "\xAB",
  raquo: "\xBB",
  lsquo: "\u2018",
  rsquo: "\u2019",
  ldquo: "\u201C",
  rdquo: "\u201D",
  bull: "\u2022",
  para: "\xB6",
  sect: "\xA7",
  deg: "\xB0",
  frac12: "\xBD",
  frac14: "\xBC",
  frac34: "\xBE"
};

// node_modules/@nodable/entities/src/EntityDecoder.js
var ENTITY_ACTION = Object.freeze({
  /** Resolve and expand the entity normally. */
  ALLOW: "allow",
  /** Silently skip this entity — it will not be registered. */
  BLOCK: "block",
  /** Throw an error, aborting entity registration entirely. */
  THROW: "throw"
});
var SPECIAL_CHARS = new Set("!?\\\\/[]$%{}^&*()<>|+");
function validateEntityName(name) {
  if (name[0] === "#") {
    throw new Error(`[EntityReplacer] Invalid character '#' in entity name: "${name}"`);
  }
  for (const ch of name) {
    if (SPECIAL_CHARS.has(ch)) {
      throw new Error(`[EntityReplacer] Invalid character '${ch}' in entity name: "${name}"`);
    }
  }
  return name;
}
function mergeEntityMaps(...maps) {
  const out = /* @__PURE__ */ Object.create(null);
  for (const map of maps) {
    if (!map) continue;
    for (const key of Object.keys(map)) {
      const raw = map[key];
      if (typeof raw === "string") {
        out[key] = raw;
      } else if (raw && typeof raw === "object" && raw.val !== void 0) {
        const val = raw.val;
        if (typeof val === "string") {
          out[key] = val;
        }
      }
    }
  }
  return out;
}
var LIMIT_TIER_EXTERNAL = "external";
var LIMIT_TIER_BASE = "base";
var LIMIT_TIER_ALL = "all";
function parseLimitTiers(raw) {
  if (!raw || raw === LIMIT_TIER_EXTERNAL) return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
  if (raw === LIMIT_TIER_ALL) return /* @__PURE__ */ new Set([LIMIT_TIER_ALL]);
  if (raw === LIMIT_TIER_BASE) return /* @__PURE__ */ new Set([LIMIT_TIER_BASE]);
  if (Array.isArray(raw)) return new Set(raw);
  return /* @__PURE__ */ new Set([LIMIT_TIER_EXTERNAL]);
}
var NCR_LEVEL = Object.freeze({ allow: 0, leave: 1, remove: 2, throw: 3 });
var XML10_ALLOWED_C0 = /* @__PURE__ */ new Set([9, 10, 13]);
function parseNCRConfig(ncr) {
  if (!ncr) {
    return { xmlVersion: 1, onLevel: NCR_LEVEL.allow, nullLevel: NCR_LEVEL.remove };
  }
  const xmlVersion = ncr.xmlVersion === 1.1 ? 1.1 : 1;
  const onLevel = NCR_LEVEL[ncr.onNCR] ?? NCR_LEVEL.allow;
  const nullLevel = NCR_LEVEL[ncr.nullNCR] ?? NCR_LEVEL.remove;
  const clampedNull = Math.max(nullLevel, NCR_LEVEL.remove);
  return { xmlVersion, onLevel, nullLevel: clampedNull };
}
var EntityDecoder = class {
  /**
   * @param {object} [options]
   * @param {object|null}  [options.namedEntities]        — extra named entities merged into base map
   * @param {object}  [options.limit]                 — security limits
   * @param {number}       [options.limit.maxTotalExpansions=0]  — 0 = unlimited
   * @param {number}       [options.limit.maxExpandedLength=0]   — 0 = unlimited
   * @param {'external'|'base'|'all'|string[]} [options.limit.applyLimitsTo='external']
   *   Which entity tiers count against the security limits:
   *   - 'external' (default) — only input/runtime + persistent external entities
   *   - 'base'               — only DEFAULT_XML_ENTITIES + namedEntities
   *   - 'all'                — every entity regardless of tier
   *   - string[]             — explicit combination, e.g. ['external', 'base']
   * @param {((resolved: string, original: string) => string)|null} [options.postCheck=null]
   * @param {string[]} [options.remove=[]] — entity names (e.g. ['nbsp', '#13']) to delete (replace with empty string)
   * @param {string[]} [options.leave=[]]  — entity names to keep as literal (unchanged in output)
   * @param {object}   [options.ncr]       — Numeric Character Reference controls
   * @param {1.0|1.1}  [options.ncr.xmlVersion=1.0]
   *   XML version governing which codepoint ranges are restricted:
   *   - 1.0 — C0 controls U+0001–U+001F (except U+0009/000A/000D) are prohibited
   *   - 1.1 — C0 controls are allowed when written as NCRs; C1 (U+007F–U+009F) decoded as-is
   * @param {'allow'|'leave'|'remove'|'throw'} [options.ncr.onNCR='allow']
   *   Base action for numeric references. Severity order: allow < leave < remove < throw.
   *   For codepoint ranges that carry a minimum level (surrogates → remove, XML 1.0 C0 → remove),
   *   the effective action is max(onNCR, rangeMinimum).
   * @param {'remove'|'throw'} [options.ncr.nullNCR='remove']
   *   Action for U+0000 (null). 'allow' and 'leave' are clamped to 'remove' since null is never safe.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onExternalEntity=null]
   *   Hook called when an external entity is registered via `setExternalEntities()` or
   *   `addExternalEntity()`. Return `ENTITY_ACTION.ALLOW` to accept the entity,
   *   `ENTITY_ACTION.BLOCK` to silently skip it, or `ENTITY_ACTION.THROW` to abort with an error.
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} [options.onInputEntity=null]
   *   Hook called when an input entity is registered via `addInputEntities()`. Return
   *   `ENTITY_ACTION.ALLOW` to accept, `ENTITY_ACTION.BLOCK` to silently skip, or
   *   `ENTITY_ACTION.THROW` to abort with an error.
   */
  constructor(options = {}) {
    this._limit = options.limit || {};
    this._maxTotalExpansions = this._limit.maxTotalExpansions || 0;
    this._maxExpandedLength = this._limit.maxExpandedLength || 0;
    this._postCheck = typeof options.postCheck === "function" ? options.postCheck : (r) => r;
    this._limitTiers = parseLimitTiers(this._limit.applyLimitsTo ?? LIMIT_TIER_EXTERNAL);
    this._numericAllowed = options.numericAllowed ?? true;
    this._baseMap = mergeEntityMaps(XML, options.namedEntities || null);
    this._externalMap = /* @__PURE__ */ Object.create(null);
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    this._removeSet = new Set(options.remove && Array.isArray(options.remove) ? options.remove : []);
    this._leaveSet = new Set(options.leave && Array.isArray(options.leave) ? options.leave : []);
    const ncrCfg = parseNCRConfig(options.ncr);
    this._ncrXmlVersion = ncrCfg.xmlVersion;
    this._ncrOnLevel = ncrCfg.onLevel;
    this._ncrNullLevel = ncrCfg.nullLevel;
    this._onExternalEntity = typeof options.onExternalEntity === "function" ? options.onExternalEntity : null;
    this._onInputEntity = typeof options.onInputEntity === "function" ? options.onInputEntity : null;
  }
  // -------------------------------------------------------------------------
  // Private: registration hook dispatch
  // -------------------------------------------------------------------------
  /**
   * Invoke a registration hook for a single entity name/value pair.
   * Returns true when the entity should be accepted, false when it should be
   * silently skipped (BLOCK), and throws when the hook returns THROW.
   *
   * @param {((name: string, value: string) => 'allow'|'block'|'throw')|null} hook
   * @param {string} name
   * @param {string} value
   * @param {string} context  — used in error messages ('external' | 'input')
   * @returns {boolean}  true = accept, false = skip
   */
  _applyRegistrationHook(hook, name, value, context) {
    if (!hook) return true;
    const action = hook(name, value);
    if (action === ENTITY_ACTION.BLOCK) return false;
    if (action === ENTITY_ACTION.THROW) {
      throw new Error(
        `[EntityDecoder] Registration of ${context} entity "&${name};" was rejected by hook`
      );
    }
    return true;
  }
  // -------------------------------------------------------------------------
  // Persistent external entity registration
  // -------------------------------------------------------------------------
  /**
   * Replace the full set of persistent external entities.
   * All keys are validated — throws on invalid characters.
   * If `onExternalEntity` is set, it is called once per entry; entries that
   * return `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW`
   * aborts the whole call.
   * @param {Record<string, string | { regex?: RegExp, val: string }>} map
   */
  setExternalEntities(map) {
    if (map) {
      for (const key of Object.keys(map)) {
        validateEntityName(key);
      }
    }
    if (!this._onExternalEntity) {
      this._externalMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onExternalEntity, name, value, "external")) {
        filtered[name] = value;
      }
    }
    this._externalMap = filtered;
  }
  /**
   * Add a single persistent external entity.
   * If `onExternalEntity` is set it is called before the entity is stored;
   * `ENTITY_ACTION.BLOCK` silently skips storage, `ENTITY_ACTION.THROW` raises.
   * @param {string} key
   * @param {string} value
   */
  addExternalEntity(key, value) {
    validateEntityName(key);
    if (typeof value === "string" && value.indexOf("&") === -1) {
      if (this._applyRegistrationHook(this._onExternalEntity, key, value, "external")) {
        this._externalMap[key] = value;
      }
    }
  }
  // -------------------------------------------------------------------------
  // Input / runtime entity registration (per document)
  // -------------------------------------------------------------------------
  /**
   * Inject DOCTYPE entities for the current document.
   * Also resets per-document expansion counters.
   * If `onInputEntity` is set it is called once per entry; entries returning
   * `ENTITY_ACTION.BLOCK` are silently omitted, `ENTITY_ACTION.THROW` aborts.
   * @param {Record<string, string | { regx?: RegExp, regex?: RegExp, val: string }>} map
   */
  addInputEntities(map) {
    this._totalExpansions = 0;
    this._expandedLength = 0;
    if (!this._onInputEntity) {
      this._inputMap = mergeEntityMaps(map);
      return;
    }
    const flat = mergeEntityMaps(map);
    const filtered = /* @__PURE__ */ Object.create(null);
    for (const [name, value] of Object.entries(flat)) {
      if (this._applyRegistrationHook(this._onInputEntity, name, value, "input")) {
        filtered[name] = value;
      }
    }
    this._inputMap = filtered;
  }
  // -------------------------------------------------------------------------
  // Per-document reset
  // -------------------------------------------------------------------------
  /**
   * Wipe input/runtime entities and reset counters.
   * Call this before processing each new document.
   * @returns {this}
   */
  reset() {
    this._inputMap = /* @__PURE__ */ Object.create(null);
    this._totalExpansions = 0;
    this._expandedLength = 0;
    return this;
  }
  // -------------------------------------------------------------------------
  // XML version (can be set after construction, e.g. once parser reads <?xml?>)
  // -------------------------------------------------------------------------
  /**
   * Update the XML version used for NCR classification.
   * Call this as soon as the document's `<?xml version="...">` declaration is parsed.
   * @param {1.0|1.1|number} version
   */
  setXmlVersion(version) {
    this._ncrXmlVersion = version === 1.1 ? 1.1 : 1;
  }
  // -------------------------------------------------------------------------
  // Primary API
  // -------------------------------------------------------------------------
  /**
   * Replace all entity references in `str` in a single pass.
   *
   * @param {string} str
   * @returns {string}
   */
  decode(str) {
    if (typeof str !== "string" || str.length === 0) return str;
    if (str.indexOf("&") === -1) return str;
    const original = str;
    const chunks = [];
    const len = str.length;
    let last = 0;
    let i = 0;
    const limitExpansions = this._maxTotalExpansions > 0;
    const limitLength = this._maxExpandedLength > 0;
    const checkLimits = limitExpansions || limitLength;
    while (i < len) {
      if (str.charCodeAt(i) !== 38) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < len && str.charCodeAt(j) !== 59 && j - i <= 32) j++;
      if (j >= len || str.charCodeAt(j) !== 59) {
        i++;
        continue;
      }
      const token = str.slice(i + 1, j);
      if (token.length === 0) {
        i++;
        continue;
      }
      let replacement;
      let tier;
      if (this._removeSet.has(token)) {
        replacement = "";
        if (tier === void 0) {
          tier = LIMIT_TIER_EXTERNAL;
        }
      } else if (this._leaveSet.has(token)) {
        i++;
        continue;
      } else if (token.charCodeAt(0) === 35) {
        const ncrResult = this._resolveNCR(token);
        if (ncrResult === void 0) {
          i++;
          continue;
        }
        replacement = ncrResult;
        tier = LIMIT_TIER_BASE;
      } else {
        const resolved = this._resolveName(token);
        replacement = resolved?.value;
        tier = resolved?.tier;
      }
      if (replacement === void 0) {
        i++;
        continue;
      }
      if (i > last) chunks.push(str.slice(last, i));
      chunks.push(replacement);
      last = j + 1;
      i = last;
      if (checkLimits && this._tierCounts(tier)) {
        if (limitExpansions) {
          this._totalExpansions++;
          if (this._totalExpansions > this._maxTotalExpansions) {
            throw new Error(
              `[EntityReplacer] Entity expansion count limit exceeded: ${this._totalExpansions} > ${this._maxTotalExpansions}`
            );
          }
        }
        if (limitLength) {
          const delta = replacement.length - (token.length + 2);
          if (delta > 0) {
            this._expandedLength += delta;
            if (this._expandedLength > this._maxExpandedLength) {
              throw new Error(
                `[EntityReplacer] Expanded content length limit exceeded: ${this._expandedLength} > ${this._maxExpandedLength}`
              );
            }
          }
        }
      }
    }
    if (last < len) chunks.push(str.slice(last));
    const result = chunks.length === 0 ? str : chunks.join("");
    return this._postCheck(result, original);
  }
  // -------------------------------------------------------------------------
  // Private: limit tier check
  // -------------------------------------------------------------------------
  /**
   * Returns true if a resolved entity of the given tier should count
   * against the expansion/length limits.
   * @param {string} tier  — LIMIT_TIER_EXTERNAL | LIMIT_TIER_BASE
   * @returns {boolean}
   */
  _tierCounts(tier) {
    if (this._limitTiers.has(LIMIT_TIER_ALL)) return true;
    return this._limitTiers.has(tier);
  }
  // -------------------------------------------------------------------------
  // Private: entity resolution
  // -------------------------------------------------------------------------
  /**
   * Resolve a named entity token (without & and ;).
   * Priority: inputMap > externalMap > baseMap
   * Returns the resolved value tagged with its limit tier.
   *
   * @param {string} name
   * @returns {{ value: string, tier: string }|undefined}
   */
  _resolveName(name) {
    if (name in this._inputMap) return { value: this._inputMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._externalMap) return { value: this._externalMap[name], tier: LIMIT_TIER_EXTERNAL };
    if (name in this._baseMap) return { value: this._baseMap[name], tier: LIMIT_TIER_BASE };
    return void 0;
  }
  /**
   * Classify a codepoint and return the minimum action level that must be applied.
   * Returns -1 when no minimum is imposed (normal allow path).
   *
   * Ranges checked (in priority order):
   *   1. U+0000            — null, governed by nullNCR (always ≥ remove)
   *   2. U+D800–U+DFFF     — surrogates, always prohibited (min: remove)
   *   3. U+0001–U+001F \ {0x09,0x0A,0x0D}  — XML 1.0 restricted C0 (min: remove)
   *      (skipped in XML 1.1 — C0 controls are allowed when written as NCRs)
   *
   * @param {number} cp  — codepoint
   * @returns {number}   — minimum NCR_LEVEL value, or -1 for no restriction
   */
  _classifyNCR(cp) {
    if (cp === 0) return this._ncrNullLevel;
    if (cp >= 55296 && cp <= 57343) return NCR_LEVEL.remove;
    if (this._ncrXmlVersion === 1) {
      if (cp >= 1 && cp <= 31 && !XML10_ALLOWED_C0.has(cp)) return NCR_LEVEL.remove;
    }
    return -1;
  }
  /**
   * Execute a resolved NCR action.
   *
   * @param {number} action   — NCR_LEVEL value
   * @param {string} token    — raw token (e.g. '#38') for error messages
   * @param {number} cp       — codepoint, used only for error messages
   * @returns {string|undefined}
   *   - decoded character string  → 'allow'
   *   - ''                        → 'remove'
   *   - undefined                 → 'leave' (caller must skip past '&' only)
   *   - throws Error              → 'throw'
   */
  _applyNCRAction(action, token, cp) {
    switch (action) {
      case NCR_LEVEL.allow:
        return String.fromCodePoint(cp);
      case NCR_LEVEL.remove:
        return "";
      case NCR_LEVEL.leave:
        return void 0;
      // signal: keep literal
      case NCR_LEVEL.throw:
        throw new Error(
          `[EntityDecoder] Prohibited numeric character reference &${token}; (U+${cp.toString(16).toUpperCase().padStart(4, "0")})`
        );
      default:
        return String.fromCodePoint(cp);
    }
  }
  /**
   * Full NCR resolution pipeline for a numeric token.
   *
   * Steps:
   *   1. Parse the codepoint (decimal or hex).
   *   2. Validate the raw codepoint range (NaN, <0, >0x10FFFF).
   *   3. If numericAllowed is false and no minimum restriction applies → leave as-is.
   *   4. Classify the codepoint to find the minimum required action level.
   *   5. Resolve effective action = max(onNCR, minimum).
   *   6. Apply and return.
   *
   * @param {string} token  — e.g. '#38', '#x26', '#X26'
   * @returns {string|undefined}
   *   - string (incl. '')  — replacement ('' = remove)
   *   - undefined          — leave original &token; as-is
   */
  _resolveNCR(token) {
    const second = token.charCodeAt(1);
    let cp;
    if (second === 120 || second === 88) {
      cp = parseInt(token.slice(2), 16);
    } else {
      cp = parseInt(token.slice(1), 10);
    }
    if (Number.isNaN(cp) || cp < 0 || cp > 1114111) return void 0;
    const minimum = this._classifyNCR(cp);
    if (!this._numericAllowed && minimum < NCR_LEVEL.remove) return void 0;
    const effective = minimum === -1 ? this._ncrOnLevel : Math.max(this._ncrOnLevel, minimum);
    return this._applyNCRAction(effective, token, cp);
  }
};

// node_modules/fast-xml-parser/src/xmlparser/OptionsBuilder.js
var defaultOnDangerousProperty = (name) => {
  if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return "__" + name;
  }
  return name;
};
var defaultOptions2 = {
  preserveOrder: false,
  attributeNamePrefix: "@_",
  attributesGroupName: false,
  textNodeName: "#text",
  ignoreAttributes: true,
  removeNSPrefix: false,
  // remove NS from tag name or attribute name if true
  allowBooleanAttributes: false,
  //a tag can have attributes without any value
  //ignoreRootElement : false,
  parseTagValue: true,
  parseAttributeValue: false,
  trimValues: true,
  //Trim string values of tag and attributes
  cdataPropName: false,
  numberParseOptions: {
    hex: true,
    leadingZeros: true,
    eNotation: true,
    unicode: false
  },
  tagValueProcessor: function(tagName, val) {
    return val;
  },
  attributeValueProcessor: function(attrName, val) {
    return val;
  },
  stopNodes: [],
  //nested tags will not be parsed even for errors
  alwaysCreateTextNode: false,
  isArray: () => false,
  commentPropName: false,
  unpairedTags: [],
  processEntities: true,
  htmlEntities: false,
  entityDecoder: null,
  ignoreDeclaration: false,
  ignorePiTags: false,
  transformTagName: false,
  transformAttributeName: false,
  updateTag: function(tagName, jPath, attrs) {
    return tagName;
  },
  // skipEmptyListItem: false
  captureMetaData: false,
  maxNestedTags: 100,
  strictReservedNames: true,
  jPath: true,
  // if true, pass jPath string to callbacks; if false, pass matcher instance
  onDangerousProperty: defaultOnDangerousProperty
};
function validatePropertyName(propertyName, optionName) {
  if (typeof propertyName !== "string") {
    return;
  }
  const normalized = propertyName.toLowerCase();
  if (DANGEROUS_PROPERTY_NAMES.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
  if (criticalProperties.some((dangerous) => normalized === dangerous.toLowerCase())) {
    throw new Error(
      `[SECURITY] Invalid ${optionName}: "${propertyName}" is a reserved JavaScript keyword that could cause prototype pollution`
    );
  }
}
function normalizeProcessEntities(value, htmlEntities) {
  if (typeof value === "boolean") {
    return {
      enabled: value,
      // true or false
      maxEntitySize: 1e4,
      maxExpansionDepth: 1e4,
      maxTotalExpansions: Infinity,
      maxExpandedLength: 1e5,
      maxEntityCount: 1e3,
      allowedTags: null,
      tagFilter: null,
      appliesTo: "all"
    };
  }
  if (typeof value === "object" && value !== null) {
    return {
      enabled: value.enabled !== false,
      maxEntitySize: Math.max(1, value.maxEntitySize ?? 1e4),
      maxExpansionDepth: Math.max(1, value.maxExpansionDepth ?? 1e4),
      maxTotalExpansions: Math.max(1, value.maxTotalExpansions ?? Infinity),
      maxExpandedLength: Math.max(1, value.maxExpandedLength ?? 1e5),
      maxEntityCount: Math.max(1, value.maxEntityCount ?? 1e3),
      allowedTags: value.allowedTags ?? null,
      tagFilter: value.tagFilter ?? null,
      appliesTo: value.appliesTo ?? "all"
    };
  }
  return normalizeProcessEntities(true);
}
var buildOptions = function(options) {
  const built = Object.assign({}, defaultOptions2, options);
  const propertyNameOptions = [
    { value: built.attributeNamePrefix, name: "attributeNamePrefix" },
    { value: built.attributesGroupName, name: "attributesGroupName" },
    { value: built.textNodeName, name: "textNodeName" },
    { value: built.cdataPropName, name: "cdataPropName" },
    { value: built.commentPropName, name: "commentPropName" }
  ];
  for (const { value, name } of propertyNameOptions) {
    if (value) {
      validatePropertyName(value, name);
    }
  }
  if (built.onDangerousProperty === null) {
    built.onDangerousProperty = defaultOnDangerousProperty;
  }
  built.processEntities = normalizeProcessEntities(built.processEntities, built.htmlEntities);
  built.unpairedTagsSet = new Set(built.unpairedTags);
  if (built.stopNodes && Array.isArray(built.stopNodes)) {
    built.stopNodes = built.stopNodes.map((node) => {
      if (typeof node === "string" && node.startsWith("*.")) {
        return ".." + node.substring(2);
      }
      return node;
    });
  }
  return built;
};

// node_modules/fast-xml-parser/src/xmlparser/xmlNode.js
var METADATA_SYMBOL;
if (typeof Symbol !== "function") {
  METADATA_SYMBOL = "@@xmlMetadata";
} else {
  METADATA_SYMBOL = /* @__PURE__ */ Symbol("XML Node Metadata");
}
var XmlNode = class {
  constructor(tagname) {
    this.tagname = tagname;
    this.child = [];
    this[":@"] = /* @__PURE__ */ Object.create(null);
  }
  add(key, val) {
    if (key === "__proto__") key = "#__proto__";
    this.child.push({ [key]: val });
  }
  addChild(node, startIndex) {
    if (node.tagname === "__proto__") node.tagname = "#__proto__";
    if (node[":@"] && Object.keys(node[":@"]).length > 0) {
      this.child.push({ [node.tagname]: node.child, [":@"]: node[":@"] });
    } else {
      this.child.push({ [node.tagname]: node.child });
    }
    this.addStartIndex(startIndex);
  }
  addStartIndex(startIndex) {
    if (startIndex !== void 0) {
      this.child[this.child.length - 1][METADATA_SYMBOL] = { startIndex };
    }
  }
  addEndIndex(endIndex) {
    const lastChild = this.child[this.child.length - 1];
    if (lastChild !== void 0 && lastChild[METADATA_SYMBOL] !== void 0 && lastChild[METADATA_SYMBOL].endIndex === void 0) {
      lastChild[METADATA_SYMBOL].endIndex = endIndex;
    }
  }
  /** symbol used for metadata */
  static getMetaDataSymbol() {
    return METADATA_SYMBOL;
  }
};

// node_modules/xml-naming/src/index.js
var nameStartChar10 = ":A-Za-z_\xC0-\xD6\xD8-\xF6\xF8-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD";
var nameChar10 = nameStartChar10 + "\\-\\.\\d\xB7\u0300-\u036F\u203F-\u2040";
var nameStartChar11 = ":A-Za-z_\xC0-\u02FF\u0370-\u037D\u037F-\u0486\u0488-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}";
var nameChar11 = nameStartChar11 + "\\-\\.\\d\xB7\u0300-\u036F\u0487\u203F-\u2040";
var buildRegexes = (startChar, char, flags = "") => {
  const ncStart = startChar.replace(":", "");
  const ncChar = char.replace(":", "");
  const ncNamePat = `[${ncStart}][${ncChar}]*`;
  return {
    name: new RegExp(`^[${startChar}][${char}]*$`, flags),
    ncName: new RegExp(`^${ncNamePat}$`, flags),
    qName: new RegExp(`^${ncNamePat}(?::${ncNamePat})?$`, flags),
    nmToken: new RegExp(`^[${char}]+$`, flags),
    nmTokens: new RegExp(`^[${char}]+(?:\\s+[${char}]+)*$`, flags)
  };
};
var regexes10 = buildRegexes(nameStartChar10, nameChar10);
var regexes11 = buildRegexes(nameStartChar11, nameChar11, "u");
var nameStartCharAscii = ":A-Za-z_";
var nameCharAscii = nameStartCharAscii + "\\-\\.\\d";
var regexesAscii = buildRegexes(nameStartCharAscii, nameCharAscii);
var getRegexes = (xmlVersion = "1.0", asciiOnly = false) => {
  if (asciiOnly) return regexesAscii;
  return xmlVersion === "1.1" ? regexes11 : regexes10;
};
var qName = (str, { xmlVersion = "1.0", asciiOnly = false } = {}) => getRegexes(xmlVersion, asciiOnly).qName.test(str);

// node_modules/fast-xml-parser/src/xmlparser/DocTypeReader.js
var DocTypeReader = class {
  constructor(options, xmlVersion) {
    this.suppressValidationErr = !options;
    this.options = options;
    this.xmlVersion = xmlVersion || 1;
  }
  setXmlVersion(xmlVersion = 1) {
    this.xmlVersion = xmlVersion;
  }
  readDocType(xmlData, i) {
    const entities = /* @__PURE__ */ Object.create(null);
    let entityCount = 0;
    if (xmlData[i + 3] === "O" && xmlData[i + 4] === "C" && xmlData[i + 5] === "T" && xmlData[i + 6] === "Y" && xmlData[i + 7] === "P" && xmlData[i + 8] === "E") {
      i = i + 9;
      let angleBracketsCount = 1;
      let hasBody = false, comment = false;
      let quoteChar = null;
      let exp = "";
      for (; i < xmlData.length; i++) {
        if (quoteChar !== null) {
          if (xmlData[i] === quoteChar) quoteChar = null;
          exp += xmlData[i];
          continue;
        }
        if (!hasBody && !comment && (xmlData[i] === '"' || xmlData[i] === "'")) {
          quoteChar = xmlData[i];
          exp += xmlData[i];
          continue;
        }
        if (xmlData[i] === "<" && !comment) {
          if (hasBody && hasSeq(xmlData, "!ENTITY", i)) {
            i += 7;
            let entityName, val;
            [entityName, val, i] = this.readEntityExp(xmlData, i + 1, this.suppressValidationErr);
            if (val.indexOf("&") === -1) {
              if (this.options.enabled !== false && this.options.maxEntityCount != null && entityCount >= this.options.maxEntityCount) {
                throw new Error(
                  `Entity count (${entityCount + 1}) exceeds maximum allowed (${this.options.maxEntityCount})`
                );
              }
              entities[entityName] = val;
              entityCount++;
            }
          } else if (hasBody && hasSeq(xmlData, "!ELEMENT", i)) {
            i += 8;
            const { index } = this.readElementExp(xmlData, i + 1);
            i = index;
          } else if (hasBody && hasSeq(xmlData, "!ATTLIST", i)) {
            i += 8;
          } else if (hasBody && hasSeq(xmlData, "!NOTATION", i)) {
            i += 9;
            const { index } = this.readNotationExp(xmlData, i + 1, this.suppressValidationErr);
            i = index;
          } else if (hasSeq(xmlData, "!--", i)) comment = true;
          else throw new Error(`Invalid DOCTYPE`);
          angleBracketsCount++;
          exp = "";
        } else if (xmlData[i] === ">") {
          if (comment) {
            if (xmlData[i - 1] === "-" && xmlData[i - 2] === "-") {
              comment = false;
              angleBracketsCount--;
            }
          } else {
            angleBracketsCount--;
          }
          if (angleBracketsCount === 0) {
            break;
          }
        } else if (xmlData[i] === "[") {
          hasBody = true;
        } else {
          exp += xmlData[i];
        }
      }
      if (quoteChar !== null || angleBracketsCount !== 0) {
        throw new Error(`Unclosed DOCTYPE`);
      }
    } else {
      throw new Error(`Invalid Tag instead of DOCTYPE`);
    }
    return { entities, i };
  }
  readEntityExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i]) && xmlData[i] !== '"' && xmlData[i] !== "'") {
      i++;
    }
    let entityName = xmlData.substring(startIndex, i);
    validateEntityName2(entityName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    if (!this.suppressValidationErr) {
      if (xmlData.substring(i, i + 6).toUpperCase() === "SYSTEM") {
        throw new Error("External entities are not supported");
      } else if (xmlData[i] === "%") {
        throw new Error("Parameter entities are not supported");
      }
    }
    let entityValue = "";
    [i, entityValue] = this.readIdentifierVal(xmlData, i, "entity");
    if (this.options.enabled !== false && this.options.maxEntitySize != null && entityValue.length > this.options.maxEntitySize) {
      throw new Error(
        `Entity "${entityName}" size (${entityValue.length}) exceeds maximum allowed size (${this.options.maxEntitySize})`
      );
    }
    i--;
    return [entityName, entityValue, i];
  }
  readNotationExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let notationName = xmlData.substring(startIndex, i);
    !this.suppressValidationErr && validateEntityName2(notationName, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    const identifierType = xmlData.substring(i, i + 6).toUpperCase();
    if (!this.suppressValidationErr && identifierType !== "SYSTEM" && identifierType !== "PUBLIC") {
      throw new Error(`Expected SYSTEM or PUBLIC, found "${identifierType}"`);
    }
    i += identifierType.length;
    i = skipWhitespace(xmlData, i);
    let publicIdentifier = null;
    let systemIdentifier = null;
    if (identifierType === "PUBLIC") {
      [i, publicIdentifier] = this.readIdentifierVal(xmlData, i, "publicIdentifier");
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] === '"' || xmlData[i] === "'") {
        [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      }
    } else if (identifierType === "SYSTEM") {
      [i, systemIdentifier] = this.readIdentifierVal(xmlData, i, "systemIdentifier");
      if (!this.suppressValidationErr && !systemIdentifier) {
        throw new Error("Missing mandatory system identifier for SYSTEM notation");
      }
    }
    return { notationName, publicIdentifier, systemIdentifier, index: --i };
  }
  readIdentifierVal(xmlData, i, type) {
    let identifierVal = "";
    const startChar = xmlData[i];
    if (startChar !== '"' && startChar !== "'") {
      throw new Error(`Expected quoted string, found "${startChar}"`);
    }
    i++;
    const startIndex = i;
    while (i < xmlData.length && xmlData[i] !== startChar) {
      i++;
    }
    identifierVal = xmlData.substring(startIndex, i);
    if (xmlData[i] !== startChar) {
      throw new Error(`Unterminated ${type} value`);
    }
    i++;
    return [i, identifierVal];
  }
  readElementExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    const startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName2 = xmlData.substring(startIndex, i);
    if (!this.suppressValidationErr && !qName(elementName2, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid element name: "${elementName2}"`);
    }
    i = skipWhitespace(xmlData, i);
    let contentModel = "";
    if (xmlData[i] === "E" && hasSeq(xmlData, "MPTY", i)) i += 4;
    else if (xmlData[i] === "A" && hasSeq(xmlData, "NY", i)) i += 2;
    else if (xmlData[i] === "(") {
      i++;
      const startIndex2 = i;
      while (i < xmlData.length && xmlData[i] !== ")") {
        i++;
      }
      contentModel = xmlData.substring(startIndex2, i);
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated content model");
      }
    } else if (!this.suppressValidationErr) {
      throw new Error(`Invalid Element Expression, found "${xmlData[i]}"`);
    }
    return {
      elementName: elementName2,
      contentModel: contentModel.trim(),
      index: i
    };
  }
  readAttlistExp(xmlData, i) {
    i = skipWhitespace(xmlData, i);
    let startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let elementName2 = xmlData.substring(startIndex, i);
    validateEntityName2(elementName2, { xmlVersion: this.xmlVersion });
    i = skipWhitespace(xmlData, i);
    startIndex = i;
    while (i < xmlData.length && !/\s/.test(xmlData[i])) {
      i++;
    }
    let attributeName = xmlData.substring(startIndex, i);
    if (!validateEntityName2(attributeName, { xmlVersion: this.xmlVersion })) {
      throw new Error(`Invalid attribute name: "${attributeName}"`);
    }
    i = skipWhitespace(xmlData, i);
    let attributeType = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "NOTATION") {
      attributeType = "NOTATION";
      i += 8;
      i = skipWhitespace(xmlData, i);
      if (xmlData[i] !== "(") {
        throw new Error(`Expected '(', found "${xmlData[i]}"`);
      }
      i++;
      let allowedNotations = [];
      while (i < xmlData.length && xmlData[i] !== ")") {
        const startIndex2 = i;
        while (i < xmlData.length && xmlData[i] !== "|" && xmlData[i] !== ")") {
          i++;
        }
        let notation = xmlData.substring(startIndex2, i);
        notation = notation.trim();
        if (!validateEntityName2(notation, { xmlVersion: this.xmlVersion })) {
          throw new Error(`Invalid notation name: "${notation}"`);
        }
        allowedNotations.push(notation);
        if (xmlData[i] === "|") {
          i++;
          i = skipWhitespace(xmlData, i);
        }
      }
      if (xmlData[i] !== ")") {
        throw new Error("Unterminated list of notations");
      }
      i++;
      attributeType += " (" + allowedNotations.join("|") + ")";
    } else {
      const startIndex2 = i;
      while (i < xmlData.length && !/\s/.test(xmlData[i])) {
        i++;
      }
      attributeType += xmlData.substring(startIndex2, i);
      const validTypes = ["CDATA", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "NMTOKEN", "NMTOKENS"];
      if (!this.suppressValidationErr && !validTypes.includes(attributeType.toUpperCase())) {
        throw new Error(`Invalid attribute type: "${attributeType}"`);
      }
    }
    i = skipWhitespace(xmlData, i);
    let defaultValue = "";
    if (xmlData.substring(i, i + 8).toUpperCase() === "#REQUIRED") {
      defaultValue = "#REQUIRED";
      i += 8;
    } else if (xmlData.substring(i, i + 7).toUpperCase() === "#IMPLIED") {
      defaultValue = "#IMPLIED";
      i += 7;
    } else {
      [i, defaultValue] = this.readIdentifierVal(xmlData, i, "ATTLIST");
    }
    return {
      elementName: elementName2,
      attributeName,
      attributeType,
      defaultValue,
      index: i
    };
  }
};
var skipWhitespace = (data, index) => {
  while (index < data.length && /\s/.test(data[index])) {
    index++;
  }
  return index;
};
function hasSeq(data, seq, i) {
  for (let j = 0; j < seq.length; j++) {
    if (seq[j] !== data[i + j + 1]) return false;
  }
  return true;
}
function validateEntityName2(name, xmlVersion) {
  if (qName(name, { xmlVersion }))
    return name;
  else
    throw new Error(`Invalid entity name ${name}`);
}

// node_modules/anynum/digitTable.js
var SCRIPT_ZEROS = [
  // Basic Latin (ASCII) — included for completeness / pass-through
  48,
  // 0-9
  // Arabic scripts
  1632,
  // Arabic-Indic ٠١٢٣٤٥٦٧٨٩
  1776,
  // Extended Arabic-Indic (Urdu/Persian/Sindhi) ۰۱۲۳
  // Indic scripts
  2406,
  // Devanagari ०१२३४५६७८९
  2534,
  // Bengali ০১২৩৪৫৬৭৮৯
  2662,
  // Gurmukhi ੦੧੨੩੪੫੬੭੮੯
  2790,
  // Gujarati ૦૧૨૩૪૫૬૭૮૯
  2918,
  // Odia ୦୧୨୩୪୫୬୭୮୯
  3046,
  // Tamil ௦௧௨௩௪௫௬௭௮௯
  3174,
  // Telugu ౦౧౨౩౪౫౬౭౮౯
  3302,
  // Kannada ೦೧೨೩೪೫೬೭೮೯
  3430,
  // Malayalam ൦൧൨൩൪൫൬൭൮൯
  3558,
  // Sinhala Archaic ෦෧෨෩෪෫෬෭෮෯
  // Southeast Asian scripts
  3664,
  // Thai ๐๑๒๓๔๕๖๗๘๙
  3792,
  // Lao ໐໑໒໓໔໕໖໗໘໙
  3872,
  // Tibetan ༠༡༢༣༤༥༦༧༨༩
  4160,
  // Myanmar ၀၁၂၃၄၅၆၇၈၉
  4240,
  // Myanmar Shan ႐႑႒႓႔႕႖႗႘႙
  6112,
  // Khmer ០១២៣៤៥៦៧៨៩
  6160,
  // Mongolian ᠐᠑᠒᠓᠔᠕᠖᠗᠘᠙
  6470,
  // Limbu ᥆᥇᥈᥉᥊᥋᥌᥍᥎᥏
  6608,
  // New Tai Lue ᧐᧑᧒᧓᧔᧕᧖᧗᧘᧙
  6784,
  // Tai Tham Hora ᪀᪁᪂᪃᪄᪅᪆᪇᪈᪉
  6800,
  // Tai Tham Tham ᪐᪑᪒᪓᪔᪕᪖᪗᪘᪙
  6992,
  // Balinese ᭐᭑᭒᭓᭔᭕᭖᭗᭘᭙
  7088,
  // Sundanese ᮰᮱᮲᮳᮴᮵᮶᮷᮸᮹
  7232,
  // Lepcha ᱀᱁᱂᱃᱄᱅᱆᱇᱈᱉
  7248,
  // Ol Chiki ᱐᱑᱒᱓᱔᱕᱖᱗᱘᱙
  // Fullwidth (CJK context)
  65296,
  // Fullwidth ０１２３４５６７８９
  // Mathematical digit variants (Unicode math block)
  120782,
  // Mathematical Bold
  120792,
  // Mathematical Double-Struck
  120802,
  // Mathematical Sans-Serif
  120812,
  // Mathematical Sans-Serif Bold
  120822,
  // Mathematical Monospace
  // Other scripts
  66720,
  // Osmanya 𐒠𐒡𐒢𐒣𐒤𐒥𐒦𐒧𐒨𐒩
  68912,
  // Hanifi Rohingya 𐴰𐴱𐴲𐴳𐴴𐴵𐴶𐴷𐴸𐴹
  69734,
  // Brahmi 𑁦𑁧𑁨𑁩𑁪𑁫𑁬𑁭𑁮𑁯
  69872,
  // Sora Sompeng 𑃰𑃱𑃲𑃳𑃴𑃵𑃶𑃷𑃸𑃹
  69942,
  // Chakma 𑄶𑄷𑄸𑄹𑄺𑄻𑄼𑄽𑄾𑄿
  70096,
  // Sharada 𑇐𑇑𑇒𑇓𑇔𑇕𑇖𑇗𑇘𑇙
  70384,
  // Khudawadi 𑋰𑋱𑋲𑋳𑋴𑋵𑋶𑋷𑋸𑋹
  70736,
  // Newa 𑑐𑑑𑑒𑑓𑑔𑑕𑑖𑑗𑑘𑑙
  70864,
  // Tirhuta 𑓐𑓑𑓒𑓓𑓔𑓕𑓖𑓗𑓘𑓙
  71248,
  // Modi 𑙐𑙑𑙒𑙓𑙔𑙕𑙖𑙗𑙘𑙙
  71360,
  // Takri 𑛀𑛁𑛂𑛃𑛄𑛅𑛆𑛇𑛈𑛉
  71472,
  // Ahom 𑜰𑜱𑜲𑜳𑜴𑜵𑜶𑜷𑜸𑜹
  71904,
  // Warang Citi 𑣠𑣡𑣢𑣣𑣤𑣥𑣦𑣧𑣨𑣩
  72016,
  // Dives Akuru 𑥐𑥑𑥒𑥓𑥔𑥕𑥖𑥗𑥘𑥙
  72688,
  // Khitan Small Script 𑯰𑯱𑯲𑯳𑯴𑯵𑯶𑯷𑯸𑯹
  72784,
  // Bhaiksuki 𑱐𑱑𑱒𑱓𑱔𑱕𑱖𑱗𑱘𑱙
  73040,
  // Masaram Gondi 𑵐𑵑𑵒𑵓𑵔𑵕𑵖𑵗𑵘𑵙
  73120,
  // Gunjala Gondi 𑶠𑶡𑶢𑶣𑶤𑶥𑶦𑶧𑶨𑶩
  73552,
  // Kawi 𑽐𑽑𑽒𑽓𑽔𑽕𑽖𑽗𑽘𑽙
  92768,
  // Mro 𖩠𖩡𖩢𖩣𖩤𖩥𖩦𖩧𖩨𖩩
  92864,
  // Tangsa 𖫀𖫁𖫂𖫃𖫄𖫅𖫆𖫇𖫈𖫉
  93008,
  // Pahawh Hmong 𖭐𖭑𖭒𖭓𖭔𖭕𖭖𖭗𖭘𖭙
  123200,
  // Nyiakeng Puachue Hmong 𞅀𞅁𞅂𞅃𞅄𞅅𞅆𞅇𞅈𞅉
  123632,
  // Wancho 𞋰𞋱𞋲𞋳𞋴𞋵𞋶𞋷𞋸𞋹
  124144,
  // Nag Mundari 𞓰𞓱𞓲𞓳𞓴𞓵𞓶𞓷𞓸𞓹
  125264,
  // Adlam 𞥐𞥑𞥒𞥓𞥔𞥕𞥖𞥗𞥘𞥙
  130032
  // Segmented digit symbols 🯰🯱🯲🯳🯴🯵🯶🯷🯸🯹
];
var NOT_DIGIT = 255;
var HIGH_MAP = /* @__PURE__ */ new Map();
var LOW_MAX = 65535;
var LOW_MIN = 1632;
var TABLE_OFFSET = LOW_MIN;
var TABLE_SIZE = LOW_MAX - LOW_MIN + 1;
var TABLE = new Uint8Array(TABLE_SIZE).fill(NOT_DIGIT);
for (const zero of SCRIPT_ZEROS) {
  for (let d = 0; d < 10; d++) {
    const cp = zero + d;
    if (cp <= LOW_MAX) {
      TABLE[cp - TABLE_OFFSET] = d;
    } else {
      HIGH_MAP.set(cp, d);
    }
  }
}

// node_modules/anynum/anynum.js
var CHAR_0 = 48;
var CHAR_9 = 57;
var CHAR_MINUS = 45;
var MINUS_SET = /* @__PURE__ */ new Set([8722, 65293, 65123]);
function anynum(str) {
  if (typeof str !== "string") return str;
  const len = str.length;
  if (len === 0) return str;
  let firstHit = -1;
  for (let i = 0; i < len; i++) {
    const cc = str.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) continue;
    if (cc < TABLE_OFFSET) {
      if (MINUS_SET.has(cc)) {
        firstHit = i;
        break;
      }
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          if (HIGH_MAP.has(cp)) {
            firstHit = i;
            break;
          }
        }
      }
      continue;
    }
    if (TABLE[cc - TABLE_OFFSET] !== NOT_DIGIT || MINUS_SET.has(cc)) {
      firstHit = i;
      break;
    }
  }
  if (firstHit === -1) return str;
  const chars = [];
  if (firstHit > 0) chars.push(str.slice(0, firstHit));
  for (let i = firstHit; i < len; i++) {
    const cc = str.charCodeAt(i);
    if (cc >= CHAR_0 && cc <= CHAR_9 || cc === CHAR_MINUS) {
      chars.push(str[i]);
      continue;
    }
    if (cc < TABLE_OFFSET) {
      chars.push(MINUS_SET.has(cc) ? "-" : str[i]);
      continue;
    }
    if (cc >= 55296 && cc <= 56319) {
      if (i + 1 < len) {
        const low = str.charCodeAt(i + 1);
        if (low >= 56320 && low <= 57343) {
          const cp = 65536 + (cc - 55296 << 10) + (low - 56320);
          const d2 = HIGH_MAP.get(cp);
          if (d2 !== void 0) {
            chars.push(String.fromCharCode(d2 + 48));
            i++;
            continue;
          }
        }
      }
      chars.push(str[i]);
      continue;
    }
    if (MINUS_SET.has(cc)) {
      chars.push("-");
      continue;
    }
    const d = TABLE[cc - TABLE_OFFSET];
    chars.push(d !== NOT_DIGIT ? String.fromCharCode(d + 48) : str[i]);
  }
  return chars.join("");
}
var anynum_default = anynum;

// node_modules/strnum/strnum.js
var hexRegex = /^[-+]?0x[a-fA-F0-9]+$/;
var binRegex = /^0b[01]+$/;
var octRegex = /^0o[0-7]+$/;
var numRegex = /^([\-\+])?(0*)([0-9]*(\.[0-9]*)?)$/;
var consider = {
  hex: true,
  binary: false,
  octal: false,
  leadingZeros: true,
  decimalPoint: ".",
  eNotation: true,
  //skipLike: /regex/,
  infinity: "original",
  // "null", "infinity" (Infinity type), "string" ("Infinity" (the string literal))
  unicode: false
};
function toNumber(str, options = {}) {
  options = Object.assign({}, consider, options);
  if (!str || typeof str !== "string") return str;
  let trimmedStr = str.trim();
  if (trimmedStr.length === 0) return str;
  else if (options.skipLike !== void 0 && options.skipLike.test(trimmedStr)) return str;
  else if (trimmedStr === "0") return 0;
  if (options.unicode) {
    trimmedStr = anynum_default(trimmedStr);
    if (trimmedStr === "0") return 0;
  }
  if (options.hex && hexRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 16);
  } else if (options.binary && binRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 2);
  } else if (options.octal && octRegex.test(trimmedStr)) {
    return parse_int(trimmedStr, 8);
  } else if (!isFinite(trimmedStr)) {
    const num = Number(trimmedStr);
    if (Number.isNaN(num)) return str;
    return handleInfinity(str, num, options);
  } else if (trimmedStr.includes("e") || trimmedStr.includes("E")) {
    return resolveEnotation(str, trimmedStr, options);
  } else {
    const match = numRegex.exec(trimmedStr);
    if (match) {
      const sign = match[1] || "";
      const leadingZeros = match[2];
      let numTrimmedByZeros = trimZeros(match[3]);
      const decimalAdjacentToLeadingZeros = sign ? (
        // 0., -00., 000.
        trimmedStr[leadingZeros.length + 1] === "."
      ) : trimmedStr[leadingZeros.length] === ".";
      if (!options.leadingZeros && (leadingZeros.length > 1 || leadingZeros.length === 1 && !decimalAdjacentToLeadingZeros)) {
        return str;
      } else {
        const num = Number(trimmedStr);
        const parsedStr = String(num);
        if (num === 0) return num;
        if (parsedStr.search(/[eE]/) !== -1) {
          if (options.eNotation) return num;
          else return str;
        } else if (trimmedStr.indexOf(".") !== -1) {
          if (parsedStr === "0") return num;
          else if (parsedStr === numTrimmedByZeros) return num;
          else if (parsedStr === `${sign}${numTrimmedByZeros}`) return num;
          else return str;
        }
        let n = leadingZeros ? numTrimmedByZeros : trimmedStr;
        if (leadingZeros) {
          return n === parsedStr || sign + n === parsedStr ? num : str;
        } else {
          return n === parsedStr || n === sign + parsedStr ? num : str;
        }
      }
    } else {
      return str;
    }
  }
}
var eNotationRegx = /^([-+])?(0*)(\d*(\.\d*)?[eE][-\+]?\d+)$/;
function resolveEnotation(str, trimmedStr, options) {
  if (!options.eNotation) return str;
  const notation = trimmedStr.match(eNotationRegx);
  if (notation) {
    let sign = notation[1] || "";
    const eChar = notation[3].indexOf("e") === -1 ? "E" : "e";
    const leadingZeros = notation[2];
    const eAdjacentToLeadingZeros = sign ? (
      // 0E.
      trimmedStr[leadingZeros.length + 1] === eChar
    ) : trimmedStr[leadingZeros.length] === eChar;
    if (leadingZeros.length > 1 && eAdjacentToLeadingZeros) return str;
    else if (leadingZeros.length === 1 && (notation[3].startsWith(`.${eChar}`) || notation[3][0] === eChar)) {
      return Number(trimmedStr);
    } else if (leadingZeros.length > 0) {
      if (options.leadingZeros && !eAdjacentToLeadingZeros) {
        return Number(trimmedStr);
      } else return str;
    } else {
      return Number(trimmedStr);
    }
  } else {
    return str;
  }
}
function trimZeros(numStr) {
  if (numStr && numStr.indexOf(".") !== -1) {
    let end = numStr.length;
    while (end > 0 && numStr.charCodeAt(end - 1) === 48) end--;
    numStr = numStr.slice(0, end);
    if (numStr === ".") numStr = "0";
    else if (numStr[0] === ".") numStr = "0" + numStr;
    else if (numStr[numStr.length - 1] === ".") numStr = numStr.substring(0, numStr.length - 1);
    return numStr;
  }
  return numStr;
}
function parse_int(numStr, base) {
  const str = numStr.trim();
  if (base === 2 || base === 8) numStr = str.substring(2);
  if (parseInt) return parseInt(numStr, base);
  else if (Number.parseInt) return Number.parseInt(numStr, base);
  else if (window && window.parseInt) return window.parseInt(numStr, base);
  else throw new Error("parseInt, Number.parseInt, window.parseInt are not supported");
}
function handleInfinity(str, num, options) {
  const isPositive = num === Infinity;
  switch (options.infinity.toLowerCase()) {
    case "null":
      return null;
    case "infinity":
      return num;
    // Return Infinity or -Infinity
    case "string":
      return isPositive ? "Infinity" : "-Infinity";
    case "original":
    default:
      return str;
  }
}

// node_modules/fast-xml-parser/src/ignoreAttributes.js
function getIgnoreAttributesFn(ignoreAttributes) {
  if (typeof ignoreAttributes === "function") {
    return ignoreAttributes;
  }
  if (Array.isArray(ignoreAttributes)) {
    return (attrName) => {
      for (const pattern of ignoreAttributes) {
        if (typeof pattern === "string" && attrName === pattern) {
          return true;
        }
        if (pattern instanceof RegExp && pattern.test(attrName)) {
          return true;
        }
      }
    };
  }
  return () => false;
}

// node_modules/path-expression-matcher/src/Expression.js
var Expression = class {
  /**
   * Create a new Expression
   * @param {string} pattern - Pattern string (e.g., "root.users.user", "..user[id]")
   * @param {Object} options - Configuration options
   * @param {string} options.separator - Path separator (default: '.')
   */
  constructor(pattern, options = {}, data) {
    this.pattern = pattern;
    this.separator = options.separator || ".";
    this.segments = this._parse(pattern);
    this.data = data;
    this._hasDeepWildcard = this.segments.some((seg) => seg.type === "deep-wildcard");
    this._hasAttributeCondition = this.segments.some((seg) => seg.attrName !== void 0);
    this._hasPositionSelector = this.segments.some((seg) => seg.position !== void 0);
  }
  /**
   * Parse pattern string into segments
   * @private
   * @param {string} pattern - Pattern to parse
   * @returns {Array} Array of segment objects
   */
  _parse(pattern) {
    const segments = [];
    let i = 0;
    let currentPart = "";
    while (i < pattern.length) {
      if (pattern[i] === this.separator) {
        if (i + 1 < pattern.length && pattern[i + 1] === this.separator) {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
            currentPart = "";
          }
          segments.push({ type: "deep-wildcard" });
          i += 2;
        } else {
          if (currentPart.trim()) {
            segments.push(this._parseSegment(currentPart.trim()));
          }
          currentPart = "";
          i++;
        }
      } else {
        currentPart += pattern[i];
        i++;
      }
    }
    if (currentPart.trim()) {
      segments.push(this._parseSegment(currentPart.trim()));
    }
    return segments;
  }
  /**
   * Parse a single segment
   * @private
   * @param {string} part - Segment string (e.g., "user", "ns::user", "user[id]", "ns::user:first")
   * @returns {Object} Segment object
   */
  _parseSegment(part) {
    const segment = { type: "tag" };
    let bracketContent = null;
    let withoutBrackets = part;
    const bracketMatch = part.match(/^([^\[]+)(\[[^\]]*\])(.*)$/);
    if (bracketMatch) {
      withoutBrackets = bracketMatch[1] + bracketMatch[3];
      if (bracketMatch[2]) {
        const content = bracketMatch[2].slice(1, -1);
        if (content) {
          bracketContent = content;
        }
      }
    }
    let namespace = void 0;
    let tagAndPosition = withoutBrackets;
    if (withoutBrackets.includes("::")) {
      const nsIndex = withoutBrackets.indexOf("::");
      namespace = withoutBrackets.substring(0, nsIndex).trim();
      tagAndPosition = withoutBrackets.substring(nsIndex + 2).trim();
      if (!namespace) {
        throw new Error(`Invalid namespace in pattern: ${part}`);
      }
    }
    let tag = void 0;
    let positionMatch = null;
    if (tagAndPosition.includes(":")) {
      const colonIndex = tagAndPosition.lastIndexOf(":");
      const tagPart = tagAndPosition.substring(0, colonIndex).trim();
      const posPart = tagAndPosition.substring(colonIndex + 1).trim();
      const isPositionKeyword = ["first", "last", "odd", "even"].includes(posPart) || /^nth\(\d+\)$/.test(posPart);
      if (isPositionKeyword) {
        tag = tagPart;
        positionMatch = posPart;
      } else {
        tag = tagAndPosition;
      }
    } else {
      tag = tagAndPosition;
    }
    if (!tag) {
      throw new Error(`Invalid segment pattern: ${part}`);
    }
    segment.tag = tag;
    if (namespace) {
      segment.namespace = namespace;
    }
    if (bracketContent) {
      if (bracketContent.includes("=")) {
        const eqIndex = bracketContent.indexOf("=");
        segment.attrName = bracketContent.substring(0, eqIndex).trim();
        segment.attrValue = bracketContent.substring(eqIndex + 1).trim();
      } else {
        segment.attrName = bracketContent.trim();
      }
    }
    if (positionMatch) {
      const nthMatch = positionMatch.match(/^nth\((\d+)\)$/);
      if (nthMatch) {
        segment.position = "nth";
        segment.positionValue = parseInt(nthMatch[1], 10);
      } else {
        segment.position = positionMatch;
      }
    }
    return segment;
  }
  /**
   * Get the number of segments
   * @returns {number}
   */
  get length() {
    return this.segments.length;
  }
  /**
   * Check if expression contains deep wildcard
   * @returns {boolean}
   */
  hasDeepWildcard() {
    return this._hasDeepWildcard;
  }
  /**
   * Check if expression has attribute conditions
   * @returns {boolean}
   */
  hasAttributeCondition() {
    return this._hasAttributeCondition;
  }
  /**
   * Check if expression has position selectors
   * @returns {boolean}
   */
  hasPositionSelector() {
    return this._hasPositionSelector;
  }
  /**
   * Get string representation
   * @returns {string}
   */
  toString() {
    return this.pattern;
  }
};

// node_modules/path-expression-matcher/src/ExpressionSet.js
var ExpressionSet = class {
  constructor() {
    this._byDepthAndTag = /* @__PURE__ */ new Map();
    this._wildcardByDepth = /* @__PURE__ */ new Map();
    this._deepWildcards = [];
    this._deepByTerminalTag = /* @__PURE__ */ new Map();
    this._patterns = /* @__PURE__ */ new Set();
    this._sealed = false;
  }
  /**
   * Add an Expression to the set.
   * Duplicate patterns (same pattern string) are silently ignored.
   *
   * @param {import('./Expression.js').default} expression - A pre-constructed Expression instance
   * @returns {this} for chaining
   * @throws {TypeError} if called after seal()
   *
   * @example
   * set.add(new Expression('root.users.user'));
   * set.add(new Expression('..script'));
   */
  add(expression) {
    if (this._sealed) {
      throw new TypeError(
        "ExpressionSet is sealed. Create a new ExpressionSet to add more expressions."
      );
    }
    if (this._patterns.has(expression.pattern)) return this;
    this._patterns.add(expression.pattern);
    if (expression.hasDeepWildcard()) {
      const lastSeg2 = expression.segments[expression.segments.length - 1];
      if (lastSeg2 && lastSeg2.type !== "deep-wildcard" && lastSeg2.tag !== "*") {
        const tag2 = lastSeg2.tag;
        if (!this._deepByTerminalTag.has(tag2)) this._deepByTerminalTag.set(tag2, []);
        this._deepByTerminalTag.get(tag2).push(expression);
      } else {
        this._deepWildcards.push(expression);
      }
      return this;
    }
    const depth = expression.length;
    const lastSeg = expression.segments[expression.segments.length - 1];
    const tag = lastSeg?.tag;
    if (!tag || tag === "*") {
      if (!this._wildcardByDepth.has(depth)) this._wildcardByDepth.set(depth, []);
      this._wildcardByDepth.get(depth).push(expression);
    } else {
      const key = `${depth}:${tag}`;
      if (!this._byDepthAndTag.has(key)) this._byDepthAndTag.set(key, []);
      this._byDepthAndTag.get(key).push(expression);
    }
    return this;
  }
  /**
   * Add multiple expressions at once.
   *
   * @param {import('./Expression.js').default[]} expressions - Array of Expression instances
   * @returns {this} for chaining
   *
   * @example
   * set.addAll([
   *   new Expression('root.users.user'),
   *   new Expression('root.config.setting'),
   * ]);
   */
  addAll(expressions) {
    for (const expr of expressions) this.add(expr);
    return this;
  }
  /**
   * Check whether a pattern string is already present in the set.
   *
   * @param {import('./Expression.js').default} expression
   * @returns {boolean}
   */
  has(expression) {
    return this._patterns.has(expression.pattern);
  }
  /**
   * Number of expressions in the set.
   * @type {number}
   */
  get size() {
    return this._patterns.size;
  }
  /**
   * Seal the set against further modifications.
   * Useful to prevent accidental mutations after config is built.
   * Calling add() or addAll() on a sealed set throws a TypeError.
   *
   * @returns {this}
   */
  seal() {
    this._sealed = true;
    return this;
  }
  /**
   * Whether the set has been sealed.
   * @type {boolean}
   */
  get isSealed() {
    return this._sealed;
  }
  /**
   * Test whether the matcher's current path matches any expression in the set.
   *
   * Evaluation order (cheapest → most expensive):
   *  1. Exact depth + tag bucket  — O(1) lookup, typically 0–2 expressions
   *  2. Depth-only wildcard bucket — O(1) lookup, rare
   *  3. Deep-wildcard list         — always checked, but usually small
   *
   * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
   * @returns {boolean} true if any expression matches the current path
   *
   * @example
   * if (stopNodes.matchesAny(matcher)) {
   *   // handle stop node
   * }
   */
  matchesAny(matcher) {
    return this.findMatch(matcher) !== null;
  }
  /**
  * Find and return the first Expression that matches the matcher's current path.
  *
  * Uses the same evaluation order as matchesAny (cheapest → most expensive):
  *  1. Exact depth + tag bucket
  *  2. Depth-only wildcard bucket
  *  3. Deep-wildcard list
  *
  * @param {import('./Matcher.js').default} matcher - Matcher instance (or readOnly view)
  * @returns {import('./Expression.js').default | null} the first matching Expression, or null
  *
  * @example
  * const expr = stopNodes.findMatch(matcher);
  * if (expr) {
  *   // access expr.config, expr.pattern, etc.
  * }
  */
  findMatch(matcher) {
    const depth = matcher.getDepth();
    const tag = matcher.getCurrentTag();
    const exactKey = `${depth}:${tag}`;
    const exactBucket = this._byDepthAndTag.get(exactKey);
    if (exactBucket) {
      for (let i = 0; i < exactBucket.length; i++) {
        if (matcher.matches(exactBucket[i])) return exactBucket[i];
      }
    }
    const wildcardBucket = this._wildcardByDepth.get(depth);
    if (wildcardBucket) {
      for (let i = 0; i < wildcardBucket.length; i++) {
        if (matcher.matches(wildcardBucket[i])) return wildcardBucket[i];
      }
    }
    const deepBucket = this._deepByTerminalTag.get(tag);
    if (deepBucket) {
      for (let i = 0; i < deepBucket.length; i++) {
        if (matcher.matches(deepBucket[i])) return deepBucket[i];
      }
    }
    for (let i = 0; i < this._deepWildcards.length; i++) {
      if (matcher.matches(this._deepWildcards[i])) return this._deepWildcards[i];
    }
    return null;
  }
};

// node_modules/path-expression-matcher/src/Matcher.js
var MatcherView = class {
  /**
   * @param {Matcher} matcher - The parent Matcher instance to read from.
   */
  constructor(matcher) {
    this._matcher = matcher;
  }
  /**
   * Get the path separator used by the parent matcher.
   * @returns {string}
   */
  get separator() {
    return this._matcher.separator;
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    const path = this._matcher.path;
    return path.length > 0 ? path[path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return void 0;
    return path[path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    const path = this._matcher.path;
    if (path.length === 0) return false;
    const current = path[path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {*}
   */
  getAnyParentAttr(attrName) {
    return this._matcher.getAnyParentAttr(attrName);
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    return this._matcher.hasAnyParentAttr(attrName);
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    const path = this._matcher.path;
    if (path.length === 0) return -1;
    return path[path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this._matcher.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    return this._matcher.toString(separator, includeNamespace);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this._matcher.path.map((n) => n.tag);
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    return this._matcher.matches(expression);
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this._matcher);
  }
};
var Matcher = class {
  /**
   * Create a new Matcher.
   * @param {Object} [options={}]
   * @param {string} [options.separator='.'] - Default path separator
   */
  constructor(options = {}) {
    this.separator = options.separator || ".";
    this.path = [];
    this.siblingStacks = [];
    this._pathStringCache = null;
    this._view = new MatcherView(this);
    this._keptAttrs = [];
  }
  /**
   * Push a new tag onto the path.
   * @param {string} tagName
   * @param {Object|null} [attrValues=null]
   * @param {string|null} [namespace=null]
   * @param {Object|null} [options=null]
   * @param {string[]} [options.keep] - Names of attributes (from attrValues)
   */
  push(tagName, attrValues = null, namespace = null, options = null) {
    this._pathStringCache = null;
    if (this.path.length > 0) {
      this.path[this.path.length - 1].values = void 0;
    }
    const currentLevel = this.path.length;
    let level = this.siblingStacks[currentLevel];
    if (!level) {
      level = { counts: /* @__PURE__ */ new Map(), total: 0 };
      this.siblingStacks[currentLevel] = level;
    }
    const siblingKey = namespace ? `${namespace}:${tagName}` : tagName;
    const counter = level.counts.get(siblingKey) || 0;
    const position = level.total;
    level.counts.set(siblingKey, counter + 1);
    level.total++;
    const node = {
      tag: tagName,
      position,
      counter
    };
    if (namespace !== null && namespace !== void 0) {
      node.namespace = namespace;
    }
    if (attrValues !== null && attrValues !== void 0) {
      node.values = attrValues;
    }
    this.path.push(node);
    const depth = this.path.length;
    const keep = options !== null ? options.keep : null;
    if (keep !== null && keep !== void 0 && keep.length > 0 && attrValues) {
      for (let i = 0; i < keep.length; i++) {
        const name = keep[i];
        if (attrValues[name] !== void 0) {
          this._keptAttrs.push({ depth, name, value: attrValues[name] });
        }
      }
    }
  }
  /**
   * Pop the last tag from the path.
   * @returns {Object|undefined} The popped node
   */
  pop() {
    if (this.path.length === 0) return void 0;
    this._pathStringCache = null;
    const node = this.path.pop();
    if (this.siblingStacks.length > this.path.length + 1) {
      this.siblingStacks.length = this.path.length + 1;
    }
    const poppedDepth = this.path.length + 1;
    while (this._keptAttrs.length > 0 && this._keptAttrs[this._keptAttrs.length - 1].depth >= poppedDepth) {
      this._keptAttrs.pop();
    }
    return node;
  }
  /**
   * Update current node's attribute values.
   * Useful when attributes are parsed after push.
   * @param {Object} attrValues
   */
  updateCurrent(attrValues) {
    if (this.path.length > 0) {
      const current = this.path[this.path.length - 1];
      if (attrValues !== null && attrValues !== void 0) {
        current.values = attrValues;
      }
    }
  }
  /**
   * Get current tag name.
   * @returns {string|undefined}
   */
  getCurrentTag() {
    return this.path.length > 0 ? this.path[this.path.length - 1].tag : void 0;
  }
  /**
   * Get current namespace.
   * @returns {string|undefined}
   */
  getCurrentNamespace() {
    return this.path.length > 0 ? this.path[this.path.length - 1].namespace : void 0;
  }
  /**
   * Get current node's attribute value.
   * @param {string} attrName
   * @returns {*}
   */
  getAttrValue(attrName) {
    if (this.path.length === 0) return void 0;
    return this.path[this.path.length - 1].values?.[attrName];
  }
  /**
   * Check if current node has an attribute.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAttr(attrName) {
    if (this.path.length === 0) return false;
    const current = this.path[this.path.length - 1];
    return current.values !== void 0 && attrName in current.values;
  }
  /**
   * Get the value of a "kept" attribute from the nearest ancestor (or
   * current node) that declared it via `push(tag, attrs, ns, { keep: [...] })`.
   * Unlike getAttrValue(), this works regardless of how deep the path has
   * gone since the attribute was pushed — but only for attribute names that
   * were explicitly marked with `keep` at push time. Cost is proportional to
   * the number of currently-kept attributes (typically 0-3), not path depth.
   * @param {string} attrName
   * @returns {*} the value, or undefined if no ancestor kept this attribute
   */
  getAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return kept[i].value;
    }
    return void 0;
  }
  /**
   * Check whether any ancestor (or the current node) kept the given
   * attribute via `push(tag, attrs, ns, { keep: [...] })`.
   * @param {string} attrName
   * @returns {boolean}
   */
  hasAnyParentAttr(attrName) {
    const kept = this._keptAttrs;
    for (let i = kept.length - 1; i >= 0; i--) {
      if (kept[i].name === attrName) return true;
    }
    return false;
  }
  /**
   * Get current node's sibling position (child index in parent).
   * @returns {number}
   */
  getPosition() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].position ?? 0;
  }
  /**
   * Get current node's repeat counter (occurrence count of this tag name).
   * @returns {number}
   */
  getCounter() {
    if (this.path.length === 0) return -1;
    return this.path[this.path.length - 1].counter ?? 0;
  }
  /**
   * Get current node's sibling index (alias for getPosition).
   * @returns {number}
   * @deprecated Use getPosition() or getCounter() instead
   */
  getIndex() {
    return this.getPosition();
  }
  /**
   * Get current path depth.
   * @returns {number}
   */
  getDepth() {
    return this.path.length;
  }
  /**
   * Get path as string.
   * @param {string} [separator] - Optional separator (uses default if not provided)
   * @param {boolean} [includeNamespace=true]
   * @returns {string}
   */
  toString(separator, includeNamespace = true) {
    const sep2 = separator || this.separator;
    const isDefault = sep2 === this.separator && includeNamespace === true;
    if (isDefault) {
      if (this._pathStringCache !== null) {
        return this._pathStringCache;
      }
      const result = this.path.map(
        (n) => n.namespace ? `${n.namespace}:${n.tag}` : n.tag
      ).join(sep2);
      this._pathStringCache = result;
      return result;
    }
    return this.path.map(
      (n) => includeNamespace && n.namespace ? `${n.namespace}:${n.tag}` : n.tag
    ).join(sep2);
  }
  /**
   * Get path as array of tag names.
   * @returns {string[]}
   */
  toArray() {
    return this.path.map((n) => n.tag);
  }
  /**
   * Reset the path to empty.
   */
  reset() {
    this._pathStringCache = null;
    this.path = [];
    this.siblingStacks = [];
    this._keptAttrs = [];
  }
  /**
   * Match current path against an Expression.
   * @param {Expression} expression
   * @returns {boolean}
   */
  matches(expression) {
    const segments = expression.segments;
    if (segments.length === 0) {
      return false;
    }
    if (expression.hasDeepWildcard()) {
      return this._matchWithDeepWildcard(segments);
    }
    return this._matchSimple(segments);
  }
  /**
   * @private
   */
  _matchSimple(segments) {
    if (this.path.length !== segments.length) {
      return false;
    }
    for (let i = 0; i < segments.length; i++) {
      if (!this._matchSegment(segments[i], this.path[i], i === this.path.length - 1)) {
        return false;
      }
    }
    return true;
  }
  /**
   * @private
   */
  _matchWithDeepWildcard(segments) {
    let pathIdx = this.path.length - 1;
    let segIdx = segments.length - 1;
    while (segIdx >= 0 && pathIdx >= 0) {
      const segment = segments[segIdx];
      if (segment.type === "deep-wildcard") {
        segIdx--;
        if (segIdx < 0) {
          return true;
        }
        const nextSeg = segments[segIdx];
        let found = false;
        for (let i = pathIdx; i >= 0; i--) {
          if (this._matchSegment(nextSeg, this.path[i], i === this.path.length - 1)) {
            pathIdx = i - 1;
            segIdx--;
            found = true;
            break;
          }
        }
        if (!found) {
          return false;
        }
      } else {
        if (!this._matchSegment(segment, this.path[pathIdx], pathIdx === this.path.length - 1)) {
          return false;
        }
        pathIdx--;
        segIdx--;
      }
    }
    return segIdx < 0;
  }
  /**
   * @private
   */
  _matchSegment(segment, node, isCurrentNode) {
    if (segment.tag !== "*" && segment.tag !== node.tag) {
      return false;
    }
    if (segment.namespace !== void 0) {
      if (segment.namespace !== "*" && segment.namespace !== node.namespace) {
        return false;
      }
    }
    if (segment.attrName !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      if (!node.values || !(segment.attrName in node.values)) {
        return false;
      }
      if (segment.attrValue !== void 0) {
        if (String(node.values[segment.attrName]) !== String(segment.attrValue)) {
          return false;
        }
      }
    }
    if (segment.position !== void 0) {
      if (!isCurrentNode) {
        return false;
      }
      const counter = node.counter ?? 0;
      if (segment.position === "first" && counter !== 0) {
        return false;
      } else if (segment.position === "odd" && counter % 2 !== 1) {
        return false;
      } else if (segment.position === "even" && counter % 2 !== 0) {
        return false;
      } else if (segment.position === "nth" && counter !== segment.positionValue) {
        return false;
      }
    }
    return true;
  }
  /**
   * Match any expression in the given set against the current path.
   * @param {ExpressionSet} exprSet
   * @returns {boolean}
   */
  matchesAny(exprSet) {
    return exprSet.matchesAny(this);
  }
  /**
   * Create a snapshot of current state.
   * @returns {Object}
   */
  snapshot() {
    return {
      path: this.path.map((node) => ({ ...node })),
      siblingStacks: this.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level),
      keptAttrs: this._keptAttrs.map((entry) => ({ ...entry }))
    };
  }
  /**
   * Restore state from snapshot.
   * @param {Object} snapshot
   */
  restore(snapshot) {
    this._pathStringCache = null;
    this.path = snapshot.path.map((node) => ({ ...node }));
    this.siblingStacks = snapshot.siblingStacks.map((level) => level ? { counts: new Map(level.counts), total: level.total } : level);
    this._keptAttrs = (snapshot.keptAttrs || []).map((entry) => ({ ...entry }));
  }
  /**
   * Return the read-only {@link MatcherView} for this matcher.
   *
   * The same instance is returned on every call — no allocation occurs.
   * It always reflects the current parser state and is safe to pass to
   * user callbacks without risk of accidental mutation.
   *
   * @returns {MatcherView}
   *
   * @example
   * const view = matcher.readOnly();
   * // pass view to callbacks — it stays in sync automatically
   * view.matches(expr);       // ✓
   * view.getCurrentTag();     // ✓
   * // view.push(...)         // ✗ method does not exist — caught by TypeScript
   */
  readOnly() {
    return this._view;
  }
};

// node_modules/is-unsafe/src/contexts/html.js
var HTML_PATTERNS = [
  {
    id: "html-script-open",
    description: "<script opening tag",
    pattern: /<script[\s>/]/i
  },
  {
    id: "html-script-close",
    description: "</script closing tag",
    pattern: /<\/script[\s>]/i
  },
  {
    id: "html-javascript-protocol",
    description: "javascript: URI scheme (with optional whitespace/encoding)",
    // Handles j&#x61;vascript:, j\u0061vascript:, and whitespace variants
    pattern: /j[\t\n\r ]*a[\t\n\r ]*v[\t\n\r ]*a[\t\n\r ]*s[\t\n\r ]*c[\t\n\r ]*r[\t\n\r ]*i[\t\n\r ]*p[\t\n\r ]*t[\t\n\r ]*:/i
  },
  {
    id: "html-vbscript-protocol",
    description: "vbscript: URI scheme",
    pattern: /vbscript[\t\n\r ]*:/i
  },
  {
    id: "html-data-html",
    description: "data:text/html URI \u2014 can execute scripts in browsers",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*text\/html/i
  },
  {
    id: "html-data-xhtml",
    description: "data:application/xhtml+xml URI",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*application\/xhtml/i
  },
  {
    id: "html-data-svg",
    description: "data:image/svg+xml URI \u2014 can execute scripts",
    pattern: /data[\t\n\r ]*:[\t\n\r ]*image\/svg\+xml/i
  },
  {
    id: "html-inline-event-handler",
    description: "Inline event handler attributes: onclick=, onerror=, onload=, etc.",
    // \bon ensures we match a word boundary so "phonetic=" is not caught
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "html-entity-obfuscated-script",
    description: "HTML-entity-encoded <script (e.g. &#x3C;script or &lt;script)",
    // Entities include optional trailing semicolon: &#x3C; or &#x3C (both valid in HTML5)
    pattern: /(?:&#x0*3[Cc];?|&#0*60;?|&lt;)\s*script/i
  },
  {
    id: "html-entity-obfuscated-javascript",
    description: 'HTML-entity-encoded javascript: (partial \u2014 catches common &#106; or &#x6a; for "j")',
    pattern: /(?:&#x0*6[Aa];?|&#0*106;?)\s*(?:&#x0*61;?|a)[\s\S]{0,80}script\s*:/i
  },
  {
    id: "html-style-expression",
    description: "CSS expression() \u2014 IE-era code execution in style attributes",
    pattern: /style[\s\S]{0,20}expression\s*\(/i
  },
  {
    id: "html-object-embed",
    description: "<object or <embed tags that can load active content",
    pattern: /<(?:object|embed)[\s>/]/i
  },
  {
    id: "html-base-tag",
    description: "<base href= \u2014 can hijack all relative URLs on a page",
    pattern: /<base[\s>]/i
  },
  {
    id: "html-meta-refresh",
    description: '<meta http-equiv="refresh" \u2014 can redirect users',
    pattern: /<meta[\s\S]{0,40}http-equiv[\s\S]{0,20}refresh/i
  },
  {
    id: "html-srcdoc",
    description: "srcdoc= attribute on iframes \u2014 embeds HTML that can run scripts",
    pattern: /srcdoc\s*=/i
  },
  {
    id: "html-iframe",
    description: "<iframe tag",
    pattern: /<iframe[\s>/]/i
  },
  {
    id: "html-form",
    description: "<form tag \u2014 can be used for phishing / credential harvesting injection",
    pattern: /<form[\s>/]/i
  }
];
var html_default = HTML_PATTERNS;

// node_modules/is-unsafe/src/contexts/xml.js
var XML_PATTERNS = [
  {
    id: "xml-cdata-injection",
    description: "CDATA section injection: <![CDATA[ breaks out of text node context",
    pattern: /<!\[CDATA\[/i
  },
  {
    id: "xml-cdata-close",
    description: "CDATA close sequence: ]]> can terminate an enclosing CDATA section",
    pattern: /\]\]>/
  },
  {
    id: "xml-processing-instruction",
    description: "XML processing instruction: <?xml-stylesheet or <?php etc.",
    pattern: /<\?(?:xml[\- ]|php|asp)/i
  },
  {
    id: "xml-doctype-injection",
    description: "DOCTYPE declaration embedded in content \u2014 can define entities",
    // Match <!DOCTYPE followed by end-of-string, whitespace, or [ (internal subset)
    pattern: /<!DOCTYPE(?:[\s[]|$)/i
  },
  {
    id: "xml-entity-system",
    description: "SYSTEM keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bSYSTEM\s+["']/i
  },
  {
    id: "xml-entity-public",
    description: "PUBLIC keyword \u2014 used in external entity declarations (XXE)",
    pattern: /\bPUBLIC\s+["']/i
  },
  {
    id: "xml-entity-declaration",
    description: "<!ENTITY declaration \u2014 defines entities, potential XXE or entity expansion",
    pattern: /<!ENTITY[\s%]/i
  },
  {
    id: "xml-billion-laughs",
    description: "Entity reference chaining / billion laughs: repeated &eX; style references",
    // Heuristic: 3+ consecutive entity refs suggests expansion attack
    pattern: /(?:&\w{1,20};){3,}/
  },
  {
    id: "xml-namespace-confusion",
    description: "xmlns: attribute injection \u2014 can redefine namespaces to confuse parsers",
    // pattern: /\bxmlns\s*(?::\w{1,40})?\s*=/i,
    pattern: /\bxmlns(?::\w{1,40})?\s*=/i
  },
  {
    id: "xml-comment-injection",
    description: "<!-- comment injection \u2014 can hide content from some parsers",
    pattern: /<!--/
  },
  {
    id: "xml-comment-close",
    description: "--> closes an enclosing XML comment",
    pattern: /-->/
  },
  {
    id: "xml-pi-close",
    description: "?> closes an enclosing processing instruction",
    pattern: /\?>/
  }
];
var xml_default = XML_PATTERNS;

// node_modules/is-unsafe/src/contexts/svg.js
var SVG_PATTERNS = [
  {
    id: "svg-script-element",
    description: "<script element inside SVG executes JavaScript",
    pattern: /<script[\s>/]/i
  },
  {
    id: "svg-xlink-href-javascript",
    description: "xlink:href with javascript: \u2014 classic SVG XSS via <a> or <use>",
    pattern: /xlink\s*:\s*href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-href-javascript",
    description: "href= with javascript: in SVG context (<a>, <animate>, etc.)",
    pattern: /href\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-foreignobject",
    description: "<foreignObject embeds HTML inside SVG \u2014 can execute scripts",
    pattern: /<foreignObject[\s>/]/i
  },
  {
    id: "svg-use-external",
    description: "<use xlink:href or href pointing to external resource (non-fragment URL)",
    // Match <use with href= where the value starts with a non-# character (external URL)
    // [\"'][^#] catches quoted values not starting with #; [^\"'#\s>] catches unquoted
    pattern: /<use[\s\S]{0,60}(?:xlink\s*:\s*)?href\s*=\s*(?:["'][^#]|[^"'#\s>])/i
  },
  {
    id: "svg-animate-href",
    description: '<animate attributeName="href" \u2014 can dynamically change href to javascript:',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*href["']/i
  },
  {
    id: "svg-animate-xlinkhref",
    description: '<animate attributeName="xlink:href"',
    pattern: /<animate[\s\S]{0,80}attributeName\s*=\s*["'][\s]*xlink\s*:\s*href["']/i
  },
  {
    id: "svg-set-javascript",
    description: '<set to="javascript:..." \u2014 sets an attribute to a javascript: URI',
    pattern: /<set[\s\S]{0,80}to\s*=\s*["']?\s*javascript\s*:/i
  },
  {
    id: "svg-event-handler",
    description: "SVG-specific event handler attributes: onload=, onerror=, onactivate=, etc.",
    pattern: /\bon(?:load|error|activate|begin|end|repeat|focus|blur|click|mouse\w{1,20}|key\w{1,20})\s*=/i
  },
  {
    id: "svg-handler-generic",
    description: "Generic on* handler catch-all for SVG attributes",
    pattern: /\bon\w{1,30}\s*=/i
  },
  {
    id: "svg-filter-feimage",
    description: "<feImage href= \u2014 filter primitive that can load external resources",
    pattern: /<feImage[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=/i
  },
  {
    id: "svg-image-external",
    description: "<image xlink:href with http/https or javascript protocol",
    pattern: /<image[\s\S]{0,80}(?:xlink\s*:\s*)?href\s*=\s*["']?\s*(?:https?|javascript)\s*:/i
  },
  {
    id: "svg-style-javascript",
    description: "style= attribute containing javascript: (e.g. background:url(javascript:...))",
    pattern: /style\s*=[\s\S]{0,60}javascript\s*:/i
  }
];
var svg_default = SVG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql.js
var SQL_PATTERNS = [
  {
    id: "sql-block-comment-open",
    description: "SQL block comment open: /* ... */ \u2014 unusual in legitimate user text",
    pattern: /\/\*/
  },
  {
    id: "sql-union-select",
    description: "UNION SELECT \u2014 most common SQL injection aggregation attack",
    pattern: /\bUNION\s{1,20}(?:ALL\s{1,20})?SELECT\b/i
  },
  {
    id: "sql-drop-table",
    description: "DROP TABLE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}TABLE\b/i
  },
  {
    id: "sql-drop-database",
    description: "DROP DATABASE \u2014 destructive DDL injection",
    pattern: /\bDROP\s{1,20}DATABASE\b/i
  },
  {
    id: "sql-insert-into",
    description: "INSERT INTO \u2014 data injection",
    pattern: /\bINSERT\s{1,20}INTO\b/i
  },
  {
    id: "sql-delete-from",
    description: "DELETE FROM \u2014 data deletion injection",
    pattern: /\bDELETE\s{1,20}FROM\b/i
  },
  {
    id: "sql-update-set",
    description: "UPDATE ... SET \u2014 data modification injection",
    // Allows arbitrary content between UPDATE and SET (table name, alias, etc.)
    pattern: /\bUPDATE\b[\s\S]{1,60}\bSET\b/i
  },
  {
    id: "sql-exec-xp",
    description: "EXEC xp_ \u2014 MSSQL extended stored procedure execution",
    pattern: /\bEXEC(?:UTE)?\s{1,20}xp_/i
  },
  {
    id: "sql-tautology-string",
    description: `Classic string tautology: ' OR '1'='1 or " OR "1"="1"`,
    // Last quote is optional — injection may truncate it: ' OR '1'='1--
    pattern: /'\s{0,10}OR\s{0,10}'[^']{0,20}'\s*=\s*'[^']{0,20}/i
  },
  {
    id: "sql-tautology-numeric",
    description: "Numeric tautology: OR 1=1",
    pattern: /\bOR\s{1,10}1\s*=\s*1\b/i
  },
  {
    id: "sql-always-true-zero",
    description: "Numeric tautology: OR 0=0",
    pattern: /\bOR\s{1,10}0\s*=\s*0\b/i
  },
  {
    id: "sql-sleep-benchmark",
    description: "Time-based blind injection: SLEEP() or BENCHMARK()",
    pattern: /\b(?:SLEEP|BENCHMARK)\s*\(/i
  },
  {
    id: "sql-waitfor-delay",
    description: "MSSQL time-based blind injection: WAITFOR DELAY",
    pattern: /\bWAITFOR\s{1,20}DELAY\b/i
  },
  {
    id: "sql-char-function",
    description: "CHAR() function \u2014 used to obfuscate injected strings",
    pattern: /\bCHAR\s*\(\s*\d{1,3}/i
  },
  {
    id: "sql-information-schema",
    description: "INFORMATION_SCHEMA \u2014 reconnaissance query for table/column enumeration",
    pattern: /\bINFORMATION_SCHEMA\b/i
  }
];
var sql_default = SQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/shell.js
var SHELL_PATTERNS = [
  {
    id: "shell-path-traversal-unix",
    description: "Unix path traversal: ../  \u2014 climbing the directory tree",
    pattern: /\.\.\//
  },
  {
    id: "shell-path-traversal-windows",
    description: "Windows path traversal: ..\\ \u2014 climbing the directory tree",
    pattern: /\.\.\\/
  },
  {
    id: "shell-path-traversal-encoded",
    description: "URL-encoded path traversal: %2e%2e or %2f variants",
    pattern: /%2e%2e|%2f\.\.|\.\.%2f/i
  },
  {
    id: "shell-null-byte",
    description: "Null byte injection: \\x00 or %00 \u2014 truncates strings in C-backed functions",
    pattern: /\x00|%00/
  },
  {
    id: "shell-semicolon",
    description: "Semicolon command separator: cmd1; cmd2",
    pattern: /;/
  },
  {
    id: "shell-pipe",
    description: "Pipe operator: cmd1 | cmd2",
    pattern: /\|/
  },
  {
    id: "shell-and-operator",
    description: "AND operator: cmd1 && cmd2",
    pattern: /&&/
  },
  {
    id: "shell-or-operator",
    description: "OR operator: cmd1 || cmd2",
    pattern: /\|\|/
  },
  {
    id: "shell-backtick",
    description: "Backtick command substitution: `cmd`",
    pattern: /`/
  },
  {
    id: "shell-dollar-paren",
    description: "Dollar-paren command substitution: $(cmd)",
    pattern: /\$\(/
  },
  {
    id: "shell-dollar-brace",
    description: "Dollar-brace variable expansion: ${var} \u2014 can be abused for injection",
    pattern: /\$\{/
  },
  {
    id: "shell-redirect-out",
    description: "Output redirection: cmd > file or cmd >> file",
    pattern: />{1,2}/
  },
  {
    id: "shell-redirect-in",
    description: "Input redirection: cmd < file",
    pattern: /</
  },
  {
    id: "shell-newline-injection",
    description: "Newline injection: \\n or \\r \u2014 can inject new shell commands",
    pattern: /[\n\r]/
  },
  {
    id: "shell-glob-star",
    description: "Glob expansion: * or ? \u2014 can expand to unintended files",
    // Only flag when combined with path separators to reduce false positives
    pattern: /[/\\][*?]/
  },
  {
    id: "shell-absolute-root",
    description: "Absolute root path injection: string starting with / or \\ (Windows UNC)",
    pattern: /^(?:\/|\\\\)/
  },
  {
    id: "shell-windows-drive",
    description: "Windows drive letter path injection: C:\\ or D:/",
    pattern: /^[a-zA-Z]:[/\\]/
  },
  {
    id: "shell-curl-wget",
    description: "curl/wget with URL or flags \u2014 can exfiltrate data or download payloads",
    // Require a URL scheme (http/https/ftp) or a flag (-) to reduce false positives
    // "curl is a tool" won't match; "curl http://..." or "curl -s ..." will
    pattern: /\b(?:curl|wget)\s+(?:https?:\/\/|ftp:\/\/|-)/i
  }
];
var shell_default = SHELL_PATTERNS;

// node_modules/is-unsafe/src/contexts/redos.js
var REDOS_PATTERNS = [
  {
    id: "redos-nested-quantifier-plus",
    description: "Nested + quantifier inside a group with outer quantifier: (a+)+, (.+b)*, etc.",
    // Matches any group containing a + quantifier, with an outer * or + — catches (a+)+, (.+b)*, etc.
    pattern: /\([^)]*\+[^)]*\)[+*]/
  },
  {
    id: "redos-nested-quantifier-star",
    description: "Nested * quantifier: (a*)* or (a*)+ \u2014 catastrophic backtracking",
    pattern: /\([^)]*\*[^)]*\)[*+]/
  },
  {
    id: "redos-nested-groups",
    description: "Doubly nested quantified groups: ((a+)+) \u2014 guaranteed catastrophic",
    pattern: /\(\([^)]{0,40}\)[+*]\)[+*]/
  },
  {
    id: "redos-alternation-overlap",
    description: "Overlapping alternation under quantifier: (a|a)+ \u2014 ambiguous NFA paths",
    // Detect repeated identical alternatives under a quantifier
    pattern: /\(([^|()]{1,20})\|(?:\1)(?:\|[^|()]{1,20}){0,5}\)[+*?]{1,2}/
  },
  {
    id: "redos-star-plus-concat",
    description: "(x*x)+ pattern \u2014 triggers super-linear backtracking",
    pattern: /\([^)]{0,10}\*[^)]{0,10}\)[+*]/
  },
  {
    id: "redos-dot-star-greedy",
    description: "(.*){n,} or (.+){n,} \u2014 repeated greedy dot quantifiers",
    pattern: /\(\.[*+]\)\{?\d/
  },
  {
    id: "redos-large-repetition",
    description: "Very large fixed or range repetition count {1000,} or {1000,n} \u2014 denial of service via backtracking",
    // Matches { followed by 4+ digits (≥1000), then optional ,digits }
    pattern: /\{\d{4,}(?:,\d*)?\}/
  },
  {
    id: "redos-catastrophic-alternation",
    description: "Long alternation with many similar branches \u2014 polynomial backtracking risk",
    // Heuristic: 10+ pipe-separated alternatives in a single group
    pattern: /\([^)]{0,200}(?:\|[^|)]{0,50}){9,}\)/
  }
];
var redos_default = REDOS_PATTERNS;

// node_modules/is-unsafe/src/contexts/nosql.js
var sep = `["'\\s]*:`;
var NOSQL_PATTERNS = [
  // ─── MongoDB $ operator injection ────────────────────────────────────────
  {
    id: "nosql-where-operator",
    description: "$where \u2014 executes arbitrary JavaScript server-side in MongoDB",
    pattern: new RegExp(`\\$where${sep}`, "i")
  },
  {
    id: "nosql-ne-operator",
    description: '$ne \u2014 "not equal" operator used to bypass equality checks',
    pattern: new RegExp(`\\$ne${sep}`, "i")
  },
  {
    id: "nosql-gt-operator",
    description: '$gt \u2014 "greater than" used to bypass password/value checks',
    pattern: new RegExp(`\\$gte?${sep}`, "i")
  },
  {
    id: "nosql-lt-operator",
    description: '$lt / $lte \u2014 "less than" bypass variants',
    pattern: new RegExp(`\\$lte?${sep}`, "i")
  },
  {
    id: "nosql-regex-operator",
    description: "$regex \u2014 can be used to extract data character by character (blind injection)",
    pattern: new RegExp(`\\$regex${sep}`, "i")
  },
  {
    id: "nosql-or-operator",
    description: "$or \u2014 logical OR; used to create always-true conditions",
    pattern: new RegExp(`\\$or${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-and-operator",
    description: "$and \u2014 logical AND operator injection",
    pattern: new RegExp(`\\$and${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-nor-operator",
    description: "$nor \u2014 logical NOR operator injection",
    pattern: new RegExp(`\\$nor${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-exists-operator",
    description: "$exists \u2014 can enumerate fields to determine schema",
    pattern: new RegExp(`\\$exists${sep}`, "i")
  },
  {
    id: "nosql-in-operator",
    description: "$in \u2014 matches any value in a list; can enumerate values",
    pattern: new RegExp(`\\$in${sep}\\s*\\[`, "i")
  },
  {
    id: "nosql-expr-operator",
    description: "$expr \u2014 allows aggregation expressions in queries (MongoDB 3.6+)",
    pattern: new RegExp(`\\$expr${sep}`, "i")
  },
  {
    id: "nosql-function-operator",
    description: "$function \u2014 executes arbitrary JavaScript in MongoDB 4.4+",
    pattern: new RegExp(`\\$function${sep}`, "i")
  },
  {
    id: "nosql-accumulator-operator",
    description: "$accumulator \u2014 custom aggregation with arbitrary JS execution",
    pattern: new RegExp(`\\$accumulator${sep}`, "i")
  },
  // ─── Prototype pollution ─────────────────────────────────────────────────
  {
    id: "nosql-proto-pollution",
    description: "__proto__ \u2014 prototype pollution via object key injection",
    pattern: /__proto__/
  },
  {
    id: "nosql-constructor-prototype",
    description: "constructor.prototype \u2014 alternative prototype pollution vector (dot notation or JSON key)",
    // Matches dot-notation (obj.constructor.prototype) and JSON key adjacency
    // ("constructor": {"prototype": ...})
    pattern: /constructor[\s"':.,{\[]*prototype/i
  },
  {
    id: "nosql-proto-bracket",
    description: '["__proto__"] \u2014 bracket-notation prototype pollution',
    pattern: /\[["']__proto__["']\]/
  }
];
var nosql_default = NOSQL_PATTERNS;

// node_modules/is-unsafe/src/contexts/log.js
var LOG_PATTERNS = [
  // ─── CRLF / newline injection ─────────────────────────────────────────────
  {
    id: "log-crlf-injection",
    description: "CRLF injection: literal \\r or \\n embeds fake log lines",
    pattern: /[\r\n]/
  },
  {
    id: "log-url-encoded-crlf",
    description: "URL-encoded CRLF: %0d, %0a, %0D, %0A \u2014 decoded by some log parsers",
    pattern: /%0[dDaA]/
  },
  {
    id: "log-unicode-newline",
    description: "Unicode newline variants: U+2028 (line separator), U+2029 (paragraph separator)",
    pattern: /[\u2028\u2029]/
  },
  // ─── Log4Shell / JNDI injection (CVE-2021-44228) ─────────────────────────
  {
    id: "log-log4shell-jndi",
    description: "Log4Shell: ${jndi:...} triggers remote code execution in Apache Log4j",
    pattern: /\$\{jndi\s*:/i
  },
  {
    id: "log-log4shell-obfuscated",
    description: "Obfuscated Log4Shell: ${::-j}... lookup-bypass prefix used to evade WAF detection",
    // ${::- is the Log4j lookup-bypass escape sequence; presence alone is suspicious
    pattern: /\$\{::-/
  },
  {
    id: "log-log4j-lookup",
    description: "Log4j lookup syntax: ${env:...}, ${sys:...}, ${ctx:...} \u2014 data exfiltration",
    pattern: /\$\{(?:env|sys|ctx|main|map|sd|web|docker|k8s|spring)\s*:/i
  },
  // ─── Server-Side Template Injection (SSTI) in log messages ───────────────
  {
    id: "log-ssti-double-brace",
    description: "SSTI double-brace: {{expression}} \u2014 Jinja2, Twig, Handlebars, etc.",
    pattern: /\{\{[\s\S]{0,80}\}\}/
  },
  {
    id: "log-ssti-hash-brace",
    description: "SSTI hash-brace: #{expression} \u2014 Thymeleaf, Velocity, Ruby ERB",
    pattern: /#\{[\s\S]{0,80}\}/
  },
  {
    id: "log-ssti-dollar-brace",
    description: "SSTI/EL injection: ${expression with operators or method calls} \u2014 JSP EL, Freemarker, SpEL",
    // Require that the ${...} content looks like an expression, not a plain variable name.
    // Flags if the content contains: . ( * + operators, or known SSTI keywords.
    // This avoids flagging ${PATH}, ${HOME} etc. (plain shell variables).
    pattern: /\$\{[^}]*(?:\.|\(|\*|\+|\bclass\b|\bruntime\b|\bprocess\b|\bexec\b)[^}]{0,80}\}/i
  },
  {
    id: "log-ssti-percent-tag",
    description: "SSTI ERB/ASP tag: <%= expression %> \u2014 Ruby ERB, ASP",
    pattern: /<%=[\s\S]{0,80}%>/
  },
  // ─── Null byte ────────────────────────────────────────────────────────────
  {
    id: "log-null-byte",
    description: "Null byte: \\x00 or %00 \u2014 can truncate log entries in C-backed loggers",
    pattern: /\x00|%00/
  },
  // ─── ANSI escape injection ────────────────────────────────────────────────
  {
    id: "log-ansi-escape",
    description: "ANSI escape sequence: ESC[ \u2014 can manipulate terminal output when logs are tailed",
    pattern: /\x1b\[/
  }
];
var log_default = LOG_PATTERNS;

// node_modules/is-unsafe/src/contexts/sql-strict.js
var SQL_STRICT_EXTRA = [
  {
    id: "sql-line-comment",
    description: "SQL line comment: -- followed by whitespace or end of string",
    pattern: /--(?:\s|$)/
  },
  {
    id: "sql-stacked-query",
    description: "Stacked queries: semicolon immediately followed by a SQL keyword",
    pattern: /;\s{0,10}(?:SELECT|INSERT|UPDATE|DELETE|DROP|CREATE|ALTER|EXEC)\b/i
  },
  {
    id: "sql-hex-encoding",
    description: "Hex-encoded string injection: 0x41414141 style (MySQL)",
    pattern: /\b0x[0-9a-f]{4,}/i
  }
];
var SQL_STRICT_PATTERNS = [...sql_default, ...SQL_STRICT_EXTRA];
var sql_strict_default = SQL_STRICT_PATTERNS;

// node_modules/is-unsafe/src/util/decode-entities.js
var NAMED = Object.freeze({
  colon: ":",
  Tab: "	",
  NewLine: "\n"
});
var ENTITY_RE = /&(?:#[xX]0*([0-9a-fA-F]{1,6});?|#0*([0-9]{1,7});?|([a-zA-Z][a-zA-Z0-9]{1,15});)/g;
function decodeEntities(input) {
  if (input.indexOf("&") === -1) return input;
  return input.replace(ENTITY_RE, (match, hex, dec, name) => {
    if (name !== void 0) {
      return Object.prototype.hasOwnProperty.call(NAMED, name) ? NAMED[name] : match;
    }
    const cp = hex !== void 0 ? parseInt(hex, 16) : parseInt(dec, 10);
    if (!Number.isFinite(cp) || cp > 1114111) return match;
    return String.fromCodePoint(cp);
  });
}

// node_modules/is-unsafe/src/index.js
html_default.label = "HTML";
xml_default.label = "XML";
svg_default.label = "SVG";
html_default.decodeEntities = true;
xml_default.decodeEntities = true;
svg_default.decodeEntities = true;
sql_default.label = "SQL";
sql_strict_default.label = "SQL-STRICT";
shell_default.label = "SHELL";
redos_default.label = "REDOS";
nosql_default.label = "NOSQL";
log_default.label = "LOG";
var VALID_CONTEXTS = Object.freeze({
  HTML: html_default,
  XML: xml_default,
  SVG: svg_default,
  SQL: sql_default,
  "SQL-STRICT": sql_strict_default,
  SHELL: shell_default,
  REDOS: redos_default,
  NOSQL: nosql_default,
  LOG: log_default
});
function assertString(value) {
  if (typeof value !== "string") {
    throw new TypeError(
      `is-unsafe: first argument must be a string, got ${typeof value}`
    );
  }
}
function assertContext(context) {
  if (context instanceof RegExp) return;
  if (Array.isArray(context)) {
    if (context.length === 0) {
      throw new TypeError("is-unsafe: context must not be an empty array");
    }
    if (Array.isArray(context[0])) {
      for (const list of context) {
        if (!Array.isArray(list) || list.length === 0) {
          throw new TypeError(
            "is-unsafe: each context in the array must be a non-empty pattern array (PatternList)"
          );
        }
      }
    }
    return;
  }
  throw new TypeError(
    `is-unsafe: second argument must be a PatternList (e.g. HTML), an array of PatternLists (e.g. [HTML, XML]), or a RegExp. Got: ${typeof context}`
  );
}
function normalise(context) {
  if (context instanceof RegExp) return { lists: null, regex: context };
  if (Array.isArray(context[0])) return { lists: context, regex: null };
  return { lists: [context], regex: null };
}
function decodedCopy(value, list) {
  if (!list.decodeEntities) return null;
  const decoded = decodeEntities(value);
  return decoded === value ? null : decoded;
}
function matchList(value, list) {
  const label = list.label ?? "CUSTOM";
  const decoded = decodedCopy(value, list);
  for (const rule of list) {
    if (rule.pattern.test(value) || decoded !== null && rule.pattern.test(decoded)) {
      return { context: label, id: rule.id, description: rule.description, pattern: rule.pattern };
    }
  }
  return null;
}
function isUnsafe(value, context) {
  assertString(value);
  assertContext(context);
  const { lists, regex } = normalise(context);
  if (regex) return regex.test(value);
  for (const list of lists) {
    if (matchList(value, list) !== null) return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/OrderedObjParser.js
function extractRawAttributes(prefixedAttrs, options) {
  if (!prefixedAttrs) return {};
  const attrs = options.attributesGroupName ? prefixedAttrs[options.attributesGroupName] : prefixedAttrs;
  if (!attrs) return {};
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(options.attributeNamePrefix)) {
      const rawName = key.substring(options.attributeNamePrefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function extractNamespace(rawTagName) {
  if (!rawTagName || typeof rawTagName !== "string") return void 0;
  const colonIndex = rawTagName.indexOf(":");
  if (colonIndex !== -1 && colonIndex > 0) {
    const ns2 = rawTagName.substring(0, colonIndex);
    if (ns2 !== "xmlns") {
      return ns2;
    }
  }
  return void 0;
}
var OrderedObjParser = class {
  constructor(options, externalEntities) {
    this.options = options;
    this.currentNode = null;
    this.tagsNodeStack = [];
    this.parseXml = parseXml;
    this.parseTextData = parseTextData;
    this.resolveNameSpace = resolveNameSpace;
    this.buildAttributesMap = buildAttributesMap;
    this.isItStopNode = isItStopNode;
    this.replaceEntitiesValue = replaceEntitiesValue;
    this.readStopNodeData = readStopNodeData;
    this.saveTextToParentTag = saveTextToParentTag;
    this.addChild = addChild;
    this.ignoreAttributesFn = getIgnoreAttributesFn(this.options.ignoreAttributes);
    this.entityExpansionCount = 0;
    this.currentExpandedLength = 0;
    this.doctypefound = false;
    let namedEntities = { ...XML };
    if (this.options.entityDecoder) {
      this.entityDecoder = this.options.entityDecoder;
    } else {
      if (typeof this.options.htmlEntities === "object") namedEntities = this.options.htmlEntities;
      else if (this.options.htmlEntities === true) namedEntities = { ...COMMON_HTML, ...CURRENCY };
      this.entityDecoder = new EntityDecoder({
        namedEntities: { ...namedEntities, ...externalEntities },
        numericAllowed: this.options.htmlEntities,
        limit: {
          maxTotalExpansions: this.options.processEntities.maxTotalExpansions,
          maxExpandedLength: this.options.processEntities.maxExpandedLength,
          applyLimitsTo: this.options.processEntities.appliesTo
        },
        // onExternalEntity: (name, value) => isUnsafe(value) ? 'block' : 'allow',
        onInputEntity: (name, value) => (
          //TODO: VALID_CONTEXTS.HTML should be set only if this.options.htmlEntities
          isUnsafe(value, [html_default, xml_default]) ? ENTITY_ACTION.BLOCK : ENTITY_ACTION.ALLOW
        )
        //postCheck: resolved => resolved
      });
    }
    this.matcher = new Matcher();
    this.readonlyMatcher = this.matcher.readOnly();
    this.isCurrentNodeStopNode = false;
    this.stopNodeExpressionsSet = new ExpressionSet();
    const stopNodesOpts = this.options.stopNodes;
    if (stopNodesOpts && stopNodesOpts.length > 0) {
      for (let i = 0; i < stopNodesOpts.length; i++) {
        const stopNodeExp = stopNodesOpts[i];
        if (typeof stopNodeExp === "string") {
          this.stopNodeExpressionsSet.add(new Expression(stopNodeExp));
        } else if (stopNodeExp instanceof Expression) {
          this.stopNodeExpressionsSet.add(stopNodeExp);
        }
      }
      this.stopNodeExpressionsSet.seal();
    }
  }
};
function parseTextData(val, tagName, jPath, dontTrim, hasAttributes, isLeafNode, escapeEntities) {
  const options = this.options;
  if (val !== void 0) {
    if (options.trimValues && !dontTrim) {
      val = val.trim();
    }
    if (val.length > 0) {
      if (!escapeEntities) val = this.replaceEntitiesValue(val, tagName, jPath);
      const jPathOrMatcher = options.jPath ? jPath.toString() : jPath;
      const newval = options.tagValueProcessor(tagName, val, jPathOrMatcher, hasAttributes, isLeafNode);
      if (newval === null || newval === void 0) {
        return val;
      } else if (typeof newval !== typeof val || newval !== val) {
        return newval;
      } else if (options.trimValues) {
        return parseValue(val, options.parseTagValue, options.numberParseOptions);
      } else {
        const trimmedVal = val.trim();
        if (trimmedVal === val) {
          return parseValue(val, options.parseTagValue, options.numberParseOptions);
        } else {
          return val;
        }
      }
    }
  }
}
function resolveNameSpace(tagname) {
  if (this.options.removeNSPrefix) {
    const tags = tagname.split(":");
    const prefix = tagname.charAt(0) === "/" ? "/" : "";
    if (tags[0] === "xmlns") {
      return "";
    }
    if (tags.length === 2) {
      tagname = prefix + tags[1];
    }
  }
  return tagname;
}
var attrsRegx = /([^\s=]+)\s*(=\s*(?:"([^"]*)"|'([^']*)'))?/gm;
function attrValue(match) {
  return match[3] !== void 0 ? match[3] : match[4];
}
function buildAttributesMap(attrStr, jPath, tagName, force = false) {
  const options = this.options;
  if (force === true || options.ignoreAttributes !== true && typeof attrStr === "string") {
    const matches = getAllMatches(attrStr, attrsRegx);
    const len = matches.length;
    const attrs = {};
    const processedVals = new Array(len);
    let hasRawAttrs = false;
    const rawAttrsForMatcher = {};
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      const oldVal = attrValue(matches[i]);
      if (attrName.length && oldVal !== void 0) {
        let val = oldVal;
        if (options.trimValues) val = val.trim();
        val = this.replaceEntitiesValue(val, tagName, this.readonlyMatcher);
        processedVals[i] = val;
        rawAttrsForMatcher[attrName] = val;
        hasRawAttrs = true;
      }
    }
    if (hasRawAttrs && typeof jPath === "object" && jPath.updateCurrent) {
      jPath.updateCurrent(rawAttrsForMatcher);
    }
    const jPathStr = options.jPath ? jPath.toString() : this.readonlyMatcher;
    let hasAttrs = false;
    for (let i = 0; i < len; i++) {
      const attrName = this.resolveNameSpace(matches[i][1]);
      if (this.ignoreAttributesFn(attrName, jPathStr)) continue;
      let aName = options.attributeNamePrefix + attrName;
      if (attrName.length) {
        if (options.transformAttributeName) {
          aName = options.transformAttributeName(aName);
        }
        aName = sanitizeName(aName, options);
        if (attrValue(matches[i]) !== void 0) {
          const oldVal = processedVals[i];
          const newVal = options.attributeValueProcessor(attrName, oldVal, jPathStr);
          if (newVal === null || newVal === void 0) {
            attrs[aName] = oldVal;
          } else if (typeof newVal !== typeof oldVal || newVal !== oldVal) {
            attrs[aName] = newVal;
          } else {
            attrs[aName] = parseValue(oldVal, options.parseAttributeValue, options.numberParseOptions);
          }
          hasAttrs = true;
        } else if (options.allowBooleanAttributes) {
          attrs[aName] = true;
          hasAttrs = true;
        }
      }
    }
    if (!hasAttrs) return;
    if (options.attributesGroupName && !options.preserveOrder) {
      const attrCollection = {};
      attrCollection[options.attributesGroupName] = attrs;
      return attrCollection;
    }
    return attrs;
  }
}
var parseXml = function(xmlData) {
  const options = this.options;
  const crlfPositions = options.captureMetaData ? [] : void 0;
  xmlData = xmlData.replace(/\r\n?/g, options.captureMetaData ? (newline2, index) => {
    if (newline2.length === 2) {
      crlfPositions.push(index - crlfPositions.length);
    }
    return "\n";
  } : "\n");
  const xmlObj = new XmlNode("!xml");
  let currentNode = xmlObj;
  let textData = "";
  this.matcher.reset();
  this.entityDecoder.reset();
  this.entityExpansionCount = 0;
  this.currentExpandedLength = 0;
  this.doctypefound = false;
  const docTypeReader = new DocTypeReader(options.processEntities);
  const xmlLen = xmlData.length;
  for (let i = 0; i < xmlLen; i++) {
    const ch = xmlData[i];
    if (ch === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingIndex(xmlData, ">", i, "Closing Tag is not closed.");
        let tagName = xmlData.substring(i + 2, closeIndex).trim();
        if (options.removeNSPrefix) {
          const colonIndex = tagName.indexOf(":");
          if (colonIndex !== -1) {
            tagName = tagName.substr(colonIndex + 1);
          }
        }
        tagName = transformTagName(options.transformTagName, tagName, "", options).tagName;
        if (currentNode) {
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        }
        const lastTagName = this.matcher.getCurrentTag();
        if (tagName && options.unpairedTagsSet.has(tagName)) {
          throw new Error(`Unpaired tag can not be used as closing tag: </${tagName}>`);
        }
        if (lastTagName && options.unpairedTagsSet.has(lastTagName)) {
          this.matcher.pop();
          this.tagsNodeStack.pop();
        }
        this.matcher.pop();
        this.isCurrentNodeStopNode = false;
        currentNode = this.tagsNodeStack.pop() || xmlObj;
        if (options.captureMetaData && currentNode) {
          currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
        }
        textData = "";
        i = closeIndex;
      } else if (c1 === 63) {
        let tagData = readTagExp(xmlData, i, false, "?>");
        if (!tagData) throw new Error("Pi Tag is not closed.");
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        const attsMap = this.buildAttributesMap(tagData.tagExp, this.matcher, tagData.tagName, true);
        if (attsMap) {
          const ver = attsMap[this.options.attributeNamePrefix + "version"];
          this.entityDecoder.setXmlVersion(Number(ver) || 1);
          docTypeReader.setXmlVersion(Number(ver) || 1);
        }
        if (options.ignoreDeclaration && tagData.tagName === "?xml" || options.ignorePiTags) {
        } else {
          const childNode = new XmlNode(tagData.tagName);
          childNode.add(options.textNodeName, "");
          if (tagData.tagName !== tagData.tagExp && tagData.attrExpPresent && options.ignoreAttributes !== true) {
            childNode[":@"] = attsMap;
          }
          const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(tagData.closeIndex + 2, crlfPositions));
          }
        }
        i = tagData.closeIndex + 1;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const endIndex = findClosingIndex(xmlData, "-->", i + 4, "Comment is not closed.");
        if (options.commentPropName) {
          const comment = xmlData.substring(i + 4, endIndex - 2);
          textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
          currentNode.add(options.commentPropName, [{ [options.textNodeName]: comment }]);
        }
        i = endIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 68) {
        if (this.doctypefound) throw new Error("Multiple DOCTYPE declarations found.");
        this.doctypefound = true;
        const result = docTypeReader.readDocType(xmlData, i);
        this.entityDecoder.addInputEntities(result.entities);
        i = result.i;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "CDATA is not closed.") - 2;
        const tagExp = xmlData.substring(i + 9, closeIndex);
        textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher);
        let val = this.parseTextData(tagExp, currentNode.tagname, this.readonlyMatcher, true, false, true, true);
        if (val == void 0) val = "";
        if (options.cdataPropName) {
          currentNode.add(options.cdataPropName, [{ [options.textNodeName]: tagExp }]);
        } else {
          currentNode.add(options.textNodeName, val);
        }
        i = closeIndex + 2;
      } else {
        let result = readTagExp(xmlData, i, options.removeNSPrefix);
        if (!result) {
          const context = xmlData.substring(Math.max(0, i - 50), Math.min(xmlLen, i + 50));
          throw new Error(`readTagExp returned undefined at position ${i}. Context: "${context}"`);
        }
        let tagName = result.tagName;
        const rawTagName = result.rawTagName;
        let tagExp = result.tagExp;
        let attrExpPresent = result.attrExpPresent;
        let closeIndex = result.closeIndex;
        ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
        if (options.strictReservedNames && (tagName === options.commentPropName || tagName === options.cdataPropName || tagName === options.textNodeName || tagName === options.attributesGroupName)) {
          throw new Error(`Invalid tag name: ${tagName}`);
        }
        if (currentNode && textData) {
          if (currentNode.tagname !== "!xml") {
            textData = this.saveTextToParentTag(textData, currentNode, this.readonlyMatcher, false);
          }
        }
        const lastTag = currentNode;
        if (lastTag && options.unpairedTagsSet.has(lastTag.tagname)) {
          currentNode = this.tagsNodeStack.pop();
          this.matcher.pop();
        }
        let isSelfClosing = false;
        if (tagExp.length > 0 && tagExp.lastIndexOf("/") === tagExp.length - 1) {
          isSelfClosing = true;
          if (tagName[tagName.length - 1] === "/") {
            tagName = tagName.substr(0, tagName.length - 1);
            tagExp = tagName;
          } else {
            tagExp = tagExp.substr(0, tagExp.length - 1);
          }
          attrExpPresent = tagName !== tagExp;
        }
        let prefixedAttrs = null;
        let rawAttrs = {};
        let namespace = void 0;
        namespace = extractNamespace(rawTagName);
        if (tagName !== xmlObj.tagname) {
          this.matcher.push(tagName, {}, namespace);
        }
        if (tagName !== tagExp && attrExpPresent) {
          prefixedAttrs = this.buildAttributesMap(tagExp, this.matcher, tagName);
          if (prefixedAttrs) {
            rawAttrs = extractRawAttributes(prefixedAttrs, options);
          }
        }
        if (tagName !== xmlObj.tagname) {
          this.isCurrentNodeStopNode = this.isItStopNode();
        }
        const startIndex = options.captureMetaData ? getOriginalIndex(i, crlfPositions) : i;
        if (this.isCurrentNodeStopNode) {
          let tagContent = "";
          if (isSelfClosing) {
            i = result.closeIndex;
          } else if (options.unpairedTagsSet.has(tagName)) {
            i = result.closeIndex;
          } else {
            const result2 = this.readStopNodeData(xmlData, rawTagName, closeIndex + 1);
            if (!result2) throw new Error(`Unexpected end of ${rawTagName}`);
            i = result2.i;
            tagContent = result2.tagContent;
          }
          const childNode = new XmlNode(tagName);
          if (prefixedAttrs) {
            childNode[":@"] = prefixedAttrs;
          }
          childNode.add(options.textNodeName, tagContent);
          this.matcher.pop();
          this.isCurrentNodeStopNode = false;
          this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
          if (options.captureMetaData) {
            currentNode.addEndIndex(getOriginalIndex(i + 1, crlfPositions));
          }
        } else {
          if (isSelfClosing) {
            ({ tagName, tagExp } = transformTagName(options.transformTagName, tagName, tagExp, options));
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
          } else if (options.unpairedTagsSet.has(tagName)) {
            const childNode = new XmlNode(tagName);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            if (options.captureMetaData) {
              currentNode.addEndIndex(getOriginalIndex(result.closeIndex + 1, crlfPositions));
            }
            this.matcher.pop();
            this.isCurrentNodeStopNode = false;
            i = result.closeIndex;
            continue;
          } else {
            const childNode = new XmlNode(tagName);
            if (this.tagsNodeStack.length > options.maxNestedTags) {
              throw new Error("Maximum nested tags exceeded");
            }
            this.tagsNodeStack.push(currentNode);
            if (prefixedAttrs) {
              childNode[":@"] = prefixedAttrs;
            }
            this.addChild(currentNode, childNode, this.readonlyMatcher, startIndex);
            currentNode = childNode;
          }
          textData = "";
          i = closeIndex;
        }
      }
    } else {
      textData += xmlData[i];
    }
  }
  return xmlObj.child;
};
function getOriginalIndex(index, crlfPositions) {
  let low = 0;
  let high = crlfPositions.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (crlfPositions[middle] < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}
function addChild(currentNode, childNode, matcher, startIndex) {
  if (!this.options.captureMetaData) startIndex = void 0;
  const jPathOrMatcher = this.options.jPath ? matcher.toString() : matcher;
  const result = this.options.updateTag(childNode.tagname, jPathOrMatcher, childNode[":@"]);
  if (result === false) {
  } else if (typeof result === "string") {
    childNode.tagname = result;
    currentNode.addChild(childNode, startIndex);
  } else {
    currentNode.addChild(childNode, startIndex);
  }
}
function replaceEntitiesValue(val, tagName, jPath) {
  const entityConfig = this.options.processEntities;
  if (!entityConfig || !entityConfig.enabled) {
    return val;
  }
  if (entityConfig.allowedTags) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    const allowed = Array.isArray(entityConfig.allowedTags) ? entityConfig.allowedTags.includes(tagName) : entityConfig.allowedTags(tagName, jPathOrMatcher);
    if (!allowed) {
      return val;
    }
  }
  if (entityConfig.tagFilter) {
    const jPathOrMatcher = this.options.jPath ? jPath.toString() : jPath;
    if (!entityConfig.tagFilter(tagName, jPathOrMatcher)) {
      return val;
    }
  }
  return this.entityDecoder.decode(val);
}
function saveTextToParentTag(textData, parentNode, matcher, isLeafNode) {
  if (textData) {
    if (isLeafNode === void 0) isLeafNode = parentNode.child.length === 0;
    textData = this.parseTextData(
      textData,
      parentNode.tagname,
      matcher,
      false,
      parentNode[":@"] ? Object.keys(parentNode[":@"]).length !== 0 : false,
      isLeafNode
    );
    if (textData !== void 0 && textData !== "")
      parentNode.add(this.options.textNodeName, textData);
    textData = "";
  }
  return textData;
}
function isItStopNode() {
  if (this.stopNodeExpressionsSet.size === 0) return false;
  return this.matcher.matchesAny(this.stopNodeExpressionsSet);
}
function tagExpWithClosingIndex(xmlData, i, closingChar = ">") {
  const len = xmlData.length;
  const closeCode0 = closingChar.charCodeAt(0);
  const closeCode1 = closingChar.length > 1 ? closingChar.charCodeAt(1) : -1;
  let result = "";
  let segmentStart = i;
  for (let index = i; index < len; index++) {
    const code = xmlData.charCodeAt(index);
    if (code === 34 || code === 39) {
      index = xmlData.indexOf(xmlData[index], index + 1);
      if (index === -1) return;
    } else if (code === closeCode0) {
      if (closeCode1 !== -1) {
        if (xmlData.charCodeAt(index + 1) === closeCode1) {
          result += xmlData.substring(segmentStart, index);
          return { data: result, index };
        }
      } else {
        result += xmlData.substring(segmentStart, index);
        return { data: result, index };
      }
    } else if (code === 9) {
      result += xmlData.substring(segmentStart, index) + " ";
      segmentStart = index + 1;
    }
  }
}
function findClosingIndex(xmlData, str, i, errMsg) {
  const closingIndex = xmlData.indexOf(str, i);
  if (closingIndex === -1) {
    throw new Error(errMsg);
  } else {
    return closingIndex + str.length - 1;
  }
}
function findClosingChar(xmlData, char, i, errMsg) {
  const closingIndex = xmlData.indexOf(char, i);
  if (closingIndex === -1) throw new Error(errMsg);
  return closingIndex;
}
function readTagExp(xmlData, i, removeNSPrefix, closingChar = ">") {
  const result = tagExpWithClosingIndex(xmlData, i + 1, closingChar);
  if (!result) return;
  let tagExp = result.data;
  const closeIndex = result.index;
  const separatorIndex = tagExp.search(/\s/);
  let tagName = tagExp;
  let attrExpPresent = true;
  if (separatorIndex !== -1) {
    tagName = tagExp.substring(0, separatorIndex);
    tagExp = tagExp.substring(separatorIndex + 1).trimStart();
  }
  const rawTagName = tagName;
  if (removeNSPrefix) {
    const colonIndex = tagName.indexOf(":");
    if (colonIndex !== -1) {
      tagName = tagName.substr(colonIndex + 1);
      attrExpPresent = tagName !== result.data.substr(colonIndex + 1);
    }
  }
  return {
    tagName,
    tagExp,
    closeIndex,
    attrExpPresent,
    rawTagName
  };
}
function readStopNodeData(xmlData, tagName, i) {
  const startIndex = i;
  let openTagCount = 1;
  let lenient = false;
  let nextGt = -1;
  const xmllen = xmlData.length;
  for (; i < xmllen; i++) {
    if (xmlData[i] === "<") {
      const c1 = xmlData.charCodeAt(i + 1);
      if (c1 === 47) {
        const closeIndex = findClosingChar(xmlData, ">", i, `${tagName} is not closed`);
        let closeTagName = xmlData.substring(i + 2, closeIndex).trim();
        if (closeTagName === tagName) {
          openTagCount--;
          if (openTagCount === 0) {
            return {
              tagContent: xmlData.substring(startIndex, i),
              i: closeIndex
            };
          }
        }
        i = closeIndex;
      } else if (c1 === 63) {
        const closeIndex = findClosingIndex(xmlData, "?>", i + 1, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 45 && xmlData.charCodeAt(i + 3) === 45) {
        const closeIndex = findClosingIndex(xmlData, "-->", i + 3, "StopNode is not closed.");
        i = closeIndex;
      } else if (c1 === 33 && xmlData.charCodeAt(i + 2) === 91) {
        const closeIndex = findClosingIndex(xmlData, "]]>", i, "StopNode is not closed.") - 2;
        i = closeIndex;
      } else {
        const tagData = lenient ? void 0 : readTagExp(xmlData, i, false);
        if (tagData) {
          const openTagName = tagData.tagName;
          if (openTagName === tagName && tagData.tagExp[tagData.tagExp.length - 1] !== "/") {
            openTagCount++;
          }
          i = tagData.closeIndex;
        } else {
          lenient = true;
          if (nextGt < i) {
            nextGt = xmlData.indexOf(">", i);
            if (nextGt === -1) return;
          }
          const nextLt = xmlData.indexOf("<", i + 1);
          if (nextLt === -1 || nextLt > nextGt) {
            const exp = xmlData.substring(i + 1, nextGt);
            const sep2 = exp.search(/\s/);
            const name = sep2 === -1 ? exp : exp.substring(0, sep2);
            if (name === tagName && exp[exp.length - 1] !== "/") openTagCount++;
            i = nextGt;
          }
        }
      }
    }
  }
}
function parseValue(val, shouldParse, options) {
  if (shouldParse && typeof val === "string") {
    const newval = val.trim();
    if (newval === "true") return true;
    else if (newval === "false") return false;
    else return toNumber(val, options);
  } else {
    if (isExist(val)) {
      return val;
    } else {
      return "";
    }
  }
}
function transformTagName(fn, tagName, tagExp, options) {
  if (fn) {
    const newTagName = fn(tagName);
    if (tagExp === tagName) {
      tagExp = newTagName;
    }
    tagName = newTagName;
  }
  tagName = sanitizeName(tagName, options);
  return { tagName, tagExp };
}
function sanitizeName(name, options) {
  if (criticalProperties.includes(name)) {
    throw new Error(`[SECURITY] Invalid name: "${name}" is a reserved JavaScript keyword that could cause prototype pollution`);
  } else if (DANGEROUS_PROPERTY_NAMES.includes(name)) {
    return options.onDangerousProperty(name);
  }
  return name;
}

// node_modules/fast-xml-parser/src/xmlparser/node2json.js
var METADATA_SYMBOL2 = XmlNode.getMetaDataSymbol();
function stripAttributePrefix(attrs, prefix) {
  if (!attrs || typeof attrs !== "object") return {};
  if (!prefix) return attrs;
  const rawAttrs = {};
  for (const key in attrs) {
    if (key.startsWith(prefix)) {
      const rawName = key.substring(prefix.length);
      rawAttrs[rawName] = attrs[key];
    } else {
      rawAttrs[key] = attrs[key];
    }
  }
  return rawAttrs;
}
function prettify(node, options, matcher, readonlyMatcher) {
  return compress(node, options, matcher, readonlyMatcher);
}
function compress(arr, options, matcher, readonlyMatcher) {
  let text2;
  const compressedObj = {};
  for (let i = 0; i < arr.length; i++) {
    const tagObj = arr[i];
    const property = propName(tagObj);
    if (property !== void 0 && property !== options.textNodeName) {
      const rawAttrs = stripAttributePrefix(
        tagObj[":@"] || {},
        options.attributeNamePrefix
      );
      matcher.push(property, rawAttrs);
    }
    if (property === options.textNodeName) {
      if (text2 === void 0) text2 = tagObj[property];
      else text2 += "" + tagObj[property];
    } else if (property === void 0) {
      continue;
    } else if (tagObj[property]) {
      let val = compress(tagObj[property], options, matcher, readonlyMatcher);
      const isLeaf = isLeafTag(val, options);
      if (Object.keys(val).length === 0 && options.alwaysCreateTextNode) {
        val[options.textNodeName] = "";
      }
      if (tagObj[":@"]) {
        assignAttributes(val, tagObj[":@"], readonlyMatcher, options);
      } else if (Object.keys(val).length === 1 && val[options.textNodeName] !== void 0 && !options.alwaysCreateTextNode) {
        val = val[options.textNodeName];
      } else if (Object.keys(val).length === 0) {
        if (options.alwaysCreateTextNode) val[options.textNodeName] = "";
        else val = "";
      }
      if (tagObj[METADATA_SYMBOL2] !== void 0 && typeof val === "object" && val !== null) {
        val[METADATA_SYMBOL2] = tagObj[METADATA_SYMBOL2];
      }
      if (compressedObj[property] !== void 0 && Object.prototype.hasOwnProperty.call(compressedObj, property)) {
        if (!Array.isArray(compressedObj[property])) {
          compressedObj[property] = [compressedObj[property]];
        }
        compressedObj[property].push(val);
      } else {
        const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() : readonlyMatcher;
        if (options.isArray(property, jPathOrMatcher, isLeaf)) {
          compressedObj[property] = [val];
        } else {
          compressedObj[property] = val;
        }
      }
      if (property !== void 0 && property !== options.textNodeName) {
        matcher.pop();
      }
    }
  }
  if (typeof text2 === "string") {
    if (text2.length > 0) compressedObj[options.textNodeName] = text2;
  } else if (text2 !== void 0) compressedObj[options.textNodeName] = text2;
  return compressedObj;
}
function propName(obj) {
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== ":@") return key;
  }
}
function assignAttributes(obj, attrMap, readonlyMatcher, options) {
  if (attrMap) {
    const keys = Object.keys(attrMap);
    const len = keys.length;
    for (let i = 0; i < len; i++) {
      const atrrName = keys[i];
      const rawAttrName = atrrName.startsWith(options.attributeNamePrefix) ? atrrName.substring(options.attributeNamePrefix.length) : atrrName;
      const jPathOrMatcher = options.jPath ? readonlyMatcher.toString() + "." + rawAttrName : readonlyMatcher;
      if (options.isArray(atrrName, jPathOrMatcher, true, true)) {
        obj[atrrName] = [attrMap[atrrName]];
      } else {
        obj[atrrName] = attrMap[atrrName];
      }
    }
  }
}
function isLeafTag(obj, options) {
  const { textNodeName } = options;
  const propCount = Object.keys(obj).length;
  if (propCount === 0) {
    return true;
  }
  if (propCount === 1 && (obj[textNodeName] || typeof obj[textNodeName] === "boolean" || obj[textNodeName] === 0)) {
    return true;
  }
  return false;
}

// node_modules/fast-xml-parser/src/xmlparser/XMLParser.js
var XMLParser = class {
  constructor(options) {
    this.externalEntities = {};
    this.options = buildOptions(options);
  }
  /**
   * Parse XML dats to JS object 
   * @param {string|Uint8Array} xmlData 
   * @param {boolean|Object} validationOption 
   */
  parse(xmlData, validationOption) {
    if (typeof xmlData !== "string" && xmlData.toString) {
      if (xmlData instanceof Uint8Array && !(typeof Buffer !== "undefined" && Buffer.isBuffer(xmlData))) {
        xmlData = new TextDecoder("utf-8", { ignoreBOM: true }).decode(xmlData);
      } else {
        xmlData = xmlData.toString();
      }
    } else if (typeof xmlData !== "string") {
      throw new Error("XML data is accepted in String or Bytes[] form.");
    }
    if (validationOption) {
      if (validationOption === true) validationOption = {};
      const result = validate(xmlData, validationOption);
      if (result !== true) {
        throw Error(`${result.err.msg}:${result.err.line}:${result.err.col}`);
      }
    }
    const orderedObjParser = new OrderedObjParser(this.options, this.externalEntities);
    const orderedResult = orderedObjParser.parseXml(xmlData);
    if (this.options.preserveOrder || orderedResult === void 0) return orderedResult;
    else return prettify(orderedResult, this.options, orderedObjParser.matcher, orderedObjParser.readonlyMatcher);
  }
  /**
   * Add Entity which is not by default supported by this library
   * @param {string} key 
   * @param {string} value 
   */
  addEntity(key, value) {
    if (value.indexOf("&") !== -1) {
      throw new Error("Entity value can't have '&'");
    } else if (key.indexOf("&") !== -1 || key.indexOf(";") !== -1) {
      throw new Error("An entity must be set without '&' and ';'. Eg. use '#xD' for '&#xD;'");
    } else if (value === "&") {
      throw new Error("An entity with value '&' is not permitted");
    } else {
      this.externalEntities[key] = value;
    }
  }
  /**
   * Returns a Symbol that can be used to access the metadata
   * property on a node.
   * 
   * If Symbol is not available in the environment, an ordinary property is used
   * and the name of the property is here returned.
   * 
   * The XMLMetaData property is only present when `captureMetaData`
   * is true in the options.
   */
  static getMetaDataSymbol() {
    return XmlNode.getMetaDataSymbol();
  }
};

// node_modules/fast-xml-parser/src/fxp.js
var XMLValidator = {
  validate
};

// packages/core/src/arf/xml-parser.ts
var defaultMaxXmlBytes = 256 * 1024 * 1024;
var maxNestedTags = 256;
async function readXmlFile(path, options = {}) {
  const maxBytes = checkMaxBytes(options.maxBytes ?? defaultMaxXmlBytes);
  const size = await stat5(path).then(
    (s) => s.size,
    (error) => {
      const code = error.code;
      throw new InvalidArfError(
        `Expected a readable XML file at ${path}, got ${typeof code === "string" ? code : String(error)}`,
        path,
        { cause: error }
      );
    }
  );
  if (size > maxBytes) throw tooLarge(path, maxBytes, `${size} bytes`);
  let bytes = await readFile4(path);
  if (bytes[0] === 31 && bytes[1] === 139) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if (error.code === "ERR_BUFFER_TOO_LARGE") {
        throw tooLarge(path, maxBytes, "more than that once decompressed");
      }
      throw new InvalidArfError(`Expected ${path} to be valid gzip, got: ${String(error)}`, path, {
        cause: error
      });
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new InvalidArfError(
      `Expected ${path} to be UTF-8 XML, found bytes that are not UTF-8`,
      path,
      {
        cause: error
      }
    );
  }
}
function checkMaxBytes(maxBytes) {
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0 || maxBytes > bufferConstants.MAX_STRING_LENGTH) {
    throw new ConfigurationError(
      `Expected the XML size cap to be a positive integer up to ${bufferConstants.MAX_STRING_LENGTH} bytes, got ${maxBytes}`
    );
  }
  return maxBytes;
}
function tooLarge(path, maxBytes, found) {
  return new LimitExceededError(
    `${path} is too large to parse: the cap is ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(0)} MiB), the file is ${found}`,
    "xml-bytes"
  );
}
var parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  allowBooleanAttributes: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  removeNSPrefix: false,
  processEntities: false,
  htmlEntities: false,
  cdataPropName: "#cdata",
  commentPropName: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags,
  onDangerousProperty: (name) => {
    throw new Error(`element or attribute named \`${name}\``);
  }
});
function parseXml2(text2, source) {
  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(text2);
  if (declaration) {
    throw new InvalidArfError(
      `Expected ${source} to have no <!${declaration[1]?.toUpperCase()}> declaration (oscap never writes one), found one at offset ${declaration.index}`,
      source
    );
  }
  const valid = XMLValidator.validate(text2);
  if (valid !== true) {
    throw new InvalidArfError(
      `Expected ${source} to be well-formed XML, found at line ${valid.err.line} column ${valid.err.col}: ${sanitizeForDisplay(valid.err.msg)}`,
      source
    );
  }
  let raw;
  try {
    raw = parser.parse(text2);
  } catch (error) {
    throw new InvalidArfError(
      `Could not parse ${source} as XML: ${sanitizeForDisplay(String(error instanceof Error ? error.message : error))}`,
      source,
      { cause: error }
    );
  }
  const roots = (Array.isArray(raw) ? raw : []).filter(isElementEntry);
  const root = roots[0];
  if (roots.length !== 1 || root === void 0) {
    throw new InvalidArfError(
      `Expected ${source} to have one root element, found ${roots.length}`,
      source
    );
  }
  return toElement(root, rootScope, source);
}
var rootScope = /* @__PURE__ */ new Map([["xml", ns.xml]]);
function isElementEntry(entry) {
  return typeof entry === "object" && entry !== null && elementName(entry) !== void 0;
}
function elementName(entry) {
  return Object.keys(entry).find((k) => k !== ":@" && k !== "#text" && k !== "#cdata");
}
function toElement(entry, parentScope, source) {
  const qname = elementName(entry) ?? "";
  const rawAttrs = entry[":@"] ?? {};
  let scope = parentScope;
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === "xmlns" || key.startsWith("xmlns:")) {
      if (scope === parentScope) scope = new Map(parentScope);
      scope.set(
        key === "xmlns" ? "" : key.slice(6),
        decodeText(String(value), source)
      );
    }
  }
  const attrs = /* @__PURE__ */ new Map();
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === "xmlns" || key.startsWith("xmlns:")) continue;
    const colon2 = key.indexOf(":");
    const name = colon2 < 0 ? key : `{${resolve(key.slice(0, colon2), scope, source)}}${key.slice(colon2 + 1)}`;
    attrs.set(name, decodeText(String(value), source));
  }
  const colon = qname.indexOf(":");
  const children2 = [];
  for (const child2 of entry[qname] ?? []) {
    if ("#text" in child2) children2.push(decodeText(String(child2["#text"]), source));
    else if ("#cdata" in child2) {
      for (const part of child2["#cdata"]) children2.push(String(part["#text"] ?? ""));
    } else if (isElementEntry(child2)) children2.push(toElement(child2, scope, source));
  }
  return {
    ns: resolve(colon < 0 ? "" : qname.slice(0, colon), scope, source),
    name: colon < 0 ? qname : qname.slice(colon + 1),
    attrs,
    children: children2
  };
}
function resolve(prefix, scope, source) {
  const uri = scope.get(prefix);
  if (uri !== void 0) return uri;
  if (prefix === "") return "";
  throw new InvalidArfError(
    `Expected every namespace prefix in ${source} to be declared, found \`${sanitizeForDisplay(prefix, 60)}\` undeclared`,
    source
  );
}
var predefined = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
function decodeText(raw, source) {
  if (!raw.includes("&")) return raw;
  return raw.replace(
    /&(?:(#x[0-9a-fA-F]{1,8}|#[0-9]{1,10}|lt|gt|amp|quot|apos);)?/g,
    (_match, ref, offset) => {
      if (ref === void 0) {
        const context = raw.slice(offset, offset + 20);
        throw new InvalidArfError(
          `Expected only XML's predefined entities or character references in ${source}, found \`${sanitizeForDisplay(context, 40)}\``,
          source
        );
      }
      const named = predefined[ref];
      if (named !== void 0) return named;
      const code = ref.startsWith("#x") ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!isXmlChar(code)) {
        throw new InvalidArfError(
          `Expected character references in ${source} to name XML characters, found \`&${ref};\``,
          source
        );
      }
      return String.fromCodePoint(code);
    }
  );
}
function isXmlChar(code) {
  return code === 9 || code === 10 || code === 13 || code >= 32 && code <= 55295 || code >= 57344 && code <= 65533 || code >= 65536 && code <= 1114111;
}

// packages/core/src/arf/parse-arf.ts
async function parseArf(path, options = {}) {
  return parseArfText(await readXmlFile(path, options), path);
}
function parseArfText(xml, source) {
  const root = parseXml2(xml, source);
  const fail = (message) => {
    throw new InvalidArfError(`${message} in ${source}`, source);
  };
  if (root.ns !== ns.arf || root.name !== "asset-report-collection") {
    fail(`Expected an ARF 1.1 <asset-report-collection> (${ns.arf}), found <${describe2(root)}>`);
  }
  const reports = /* @__PURE__ */ new Map();
  for (const report2 of children(child(root, ns.arf, "reports") ?? root, ns.arf, "report")) {
    const content = child(report2, ns.arf, "content");
    const first = content && children(content, void 0)[0];
    if (first !== void 0) reports.set(report2.attrs.get("id") ?? "", first);
  }
  const testResults = [...reports.values()].filter(
    (e) => e.ns === ns.xccdf && e.name === "TestResult"
  );
  if (testResults.length !== 1) {
    fail(`Expected exactly one XCCDF 1.2 TestResult report, found ${testResults.length}`);
  }
  const testResult = readTestResult(testResults[0], fail);
  const requests = child(root, ns.arf, "report-requests");
  const benchmarkElement = (requests ? descendants(requests, ns.xccdf, "Benchmark", { stopAtMatch: true }) : []).find((b) => b.attrs.get("id") === testResult.benchmarkId);
  if (benchmarkElement === void 0) {
    fail(`Expected the data stream to contain Benchmark ${testResult.benchmarkId}, found none`);
  }
  const tailoringProfiles = requests ? descendants(requests, ns.xccdf, "Tailoring", { stopAtMatch: true }).flatMap(
    (t) => children(t, ns.xccdf, "Profile")
  ) : [];
  const benchmark = readBenchmark(
    benchmarkElement,
    tailoringProfiles,
    testResult.setValues,
    fail
  );
  const oval = /* @__PURE__ */ new Map();
  for (const [id, content] of reports) {
    if (content.ns === ns.ovalRes && content.name === "oval_results")
      oval.set(id, readOvalResults(content, source));
  }
  return { source, testResult, benchmark, oval };
}
function required(element, name, fail) {
  const value = element.attrs.get(name);
  if (value === void 0 || value === "")
    fail(`Expected <${element.name}> to have a non-empty @${name}`);
  return value;
}
function readTestResult(element, fail) {
  const id = required(element, "id", fail);
  const benchmark = child(element, ns.xccdf, "benchmark");
  if (benchmark === void 0) fail(`Expected TestResult ${id} to have a <benchmark>`);
  const profileId = child(element, ns.xccdf, "profile")?.attrs.get("idref");
  const scores = children(element, ns.xccdf, "score").map((score) => {
    const value = Number(text(score).trim());
    const maximum = Number(score.attrs.get("maximum") ?? "100");
    if (!Number.isFinite(value) || !Number.isFinite(maximum)) {
      fail(
        `Expected TestResult score to be a number, got \`${sanitizeForDisplay(text(score), 40)}\``
      );
    }
    return { system: score.attrs.get("system") ?? "urn:xccdf:scoring:default", value, maximum };
  });
  const setValues = /* @__PURE__ */ new Map();
  for (const setValue of children(element, ns.xccdf, "set-value")) {
    setValues.set(required(setValue, "idref", fail), text(setValue));
  }
  const seen = /* @__PURE__ */ new Map();
  const ruleResults = children(element, ns.xccdf, "rule-result").map((rr) => {
    const idref = required(rr, "idref", fail);
    const index = seen.get(idref) ?? 0;
    seen.set(idref, index + 1);
    return readRuleResult(rr, idref, index, fail);
  });
  const result = {
    id,
    startTime: element.attrs.get("start-time") ?? "",
    endTime: required(element, "end-time", fail),
    testSystem: element.attrs.get("test-system") ?? "",
    version: element.attrs.get("version") ?? "",
    benchmarkId: required(benchmark, "id", fail),
    target: text(child(element, ns.xccdf, "target") ?? element).trim(),
    facts: children(child(element, ns.xccdf, "target-facts") ?? element, ns.xccdf, "fact").map(
      (fact) => ({
        name: fact.attrs.get("name") ?? "",
        type: fact.attrs.get("type") ?? "string",
        value: text(fact)
      })
    ),
    scores,
    setValues,
    platforms: children(element, ns.xccdf, "platform").flatMap((p) => p.attrs.get("idref") ?? []),
    ruleResults
  };
  if (profileId !== void 0) result.profileId = profileId;
  return result;
}
function readRuleResult(element, idref, index, fail) {
  const resultElement = child(element, ns.xccdf, "result");
  const result = resultElement === void 0 ? void 0 : text(resultElement).trim();
  if (result === void 0 || !ruleResultValues.includes(result)) {
    fail(
      `Expected rule-result ${idref} to have a <result> of ${ruleResultValues.join("|")}, got ${result === void 0 ? "none" : `\`${sanitizeForDisplay(result, 40)}\``}`
    );
  }
  const parsed = {
    idref,
    index,
    severity: readSeverity(element, `rule-result ${idref}`, fail),
    result,
    identifiers: readIdents(element),
    checks: children(element, ns.xccdf, "check").flatMap((check) => {
      const exports2 = children(check, ns.xccdf, "check-export").map((e) => ({
        valueId: e.attrs.get("value-id") ?? "",
        exportName: e.attrs.get("export-name") ?? ""
      }));
      return readCheckRefs(check).map((ref) => ({ ...ref, exports: exports2 }));
    }),
    messages: children(element, ns.xccdf, "message").map((m) => {
      const severity = m.attrs.get("severity");
      return severity === void 0 ? { text: text(m) } : { severity, text: text(m) };
    })
  };
  for (const name of ["role", "weight", "time"]) {
    const value = element.attrs.get(name);
    if (value !== void 0) parsed[name] = value;
  }
  return parsed;
}
function readSeverity(element, what, fail) {
  const severity = element.attrs.get("severity") ?? "unknown";
  if (!severities.includes(severity)) {
    fail(
      `Expected ${what} to have @severity ${severities.join("|")}, got \`${sanitizeForDisplay(severity, 40)}\``
    );
  }
  return severity;
}
function readIdents(element) {
  return children(element, ns.xccdf, "ident").map((i) => ({
    system: i.attrs.get("system") ?? "",
    value: text(i).trim()
  }));
}
function readCheckRefs(check) {
  const system = check.attrs.get("system") ?? "";
  const refs = children(check, ns.xccdf, "check-content-ref");
  if (refs.length === 0) return [{ system }];
  return refs.map((ref) => {
    const out = { system };
    const name = ref.attrs.get("name");
    const href = ref.attrs.get("href");
    if (name !== void 0) out.name = name;
    if (href !== void 0) out.href = href;
    return out;
  });
}
function readBenchmark(element, tailoringProfiles, setValues, fail) {
  const defaults = /* @__PURE__ */ new Map();
  for (const value of descendants(element, ns.xccdf, "Value")) {
    const plain = children(value, ns.xccdf, "value").find((v) => !v.attrs.has("selector"));
    const id = value.attrs.get("id");
    if (id !== void 0 && plain !== void 0) defaults.set(id, text(plain));
  }
  const resolveSub = (idref) => setValues.get(idref) ?? defaults.get(idref);
  const profiles = /* @__PURE__ */ new Map();
  for (const profile of [...children(element, ns.xccdf, "Profile"), ...tailoringProfiles]) {
    const id = profile.attrs.get("id");
    if (id !== void 0)
      profiles.set(id, flattenXccdfText(child(profile, ns.xccdf, "title"), resolveSub));
  }
  const rules = /* @__PURE__ */ new Map();
  const visit = (container, inherited) => {
    const platforms = [
      ...inherited,
      ...children(container, ns.xccdf, "platform").flatMap((p) => p.attrs.get("idref") ?? [])
    ];
    for (const node of children(container, ns.xccdf)) {
      if (node.name === "Group") visit(node, platforms);
      else if (node.name === "Rule") {
        const rule = readRule(node, platforms, resolveSub, fail);
        rules.set(rule.id, rule);
      }
    }
  };
  visit(element, []);
  return {
    id: required(element, "id", fail),
    version: text(child(element, ns.xccdf, "version") ?? element).trim(),
    title: flattenXccdfText(child(element, ns.xccdf, "title"), resolveSub),
    profiles,
    rules
  };
}
function readRule(element, inherited, resolveSub, fail) {
  const id = required(element, "id", fail);
  const flat = (name) => flattenXccdfText(child(element, ns.xccdf, name), resolveSub);
  return {
    id,
    severity: readSeverity(element, `Rule ${id}`, fail),
    title: flat("title"),
    description: flat("description"),
    rationale: flat("rationale"),
    references: children(element, ns.xccdf, "reference").map((r) => {
      const href = r.attrs.get("href") ?? "";
      const framework = frameworkForHref(href);
      const reference = { href, text: text(r).trim() };
      return framework === void 0 ? reference : { ...reference, framework };
    }),
    identifiers: readIdents(element),
    fixes: [
      ...new Set(children(element, ns.xccdf, "fix").flatMap((f) => f.attrs.get("system") ?? []))
    ].sort(),
    checks: children(element, ns.xccdf, "check").flatMap(readCheckRefs),
    platforms: [
      .../* @__PURE__ */ new Set([
        ...inherited,
        ...children(element, ns.xccdf, "platform").flatMap((p) => p.attrs.get("idref") ?? [])
      ])
    ]
  };
}
function describe2(element) {
  return sanitizeForDisplay(
    element.ns === "" ? element.name : `${element.name} xmlns="${element.ns}"`,
    120
  );
}

// packages/core/src/results/build-results.ts
var defaultScoreSystem = "urn:xccdf:scoring:default";
function buildScanResults(parsed, options) {
  const { testResult, benchmark } = parsed;
  const counts = emptyCounts();
  const rules = [];
  for (const ruleResult of testResult.ruleResults) {
    counts[ruleResult.result] += 1;
    if (ruleResult.result === "notselected") continue;
    rules.push(toOutcome(ruleResult, benchmark.rules.get(ruleResult.idref)));
  }
  rules.sort((a, b) => compareStrings(a.id, b.id) || a.index - b.index);
  const score = testResult.scores.find((s) => s.system === defaultScoreSystem) ?? testResult.scores[0] ?? { system: defaultScoreSystem, value: 0, maximum: 100 };
  const profileId = testResult.profileId ?? "";
  const scanner = {
    name: "OpenSCAP",
    version: scannerVersion(parsed),
    content: {
      path: options.scanner.content.path,
      sha256: options.scanner.content.sha256,
      benchmarkId: benchmark.id,
      benchmarkVersion: benchmark.version
    },
    profile: {
      id: profileId,
      title: benchmark.profiles.get(profileId) ?? (profileId === "" ? "No profile (default benchmark)" : profileId)
    },
    durationSeconds: options.scanner.durationSeconds
  };
  if (options.scanner.tailoring !== void 0) scanner.tailoring = options.scanner.tailoring;
  return {
    image: options.image,
    scanner,
    testResultId: testResult.id,
    startTime: testResult.startTime,
    endTime: testResult.endTime,
    score: { system: score.system, value: score.value, maximum: score.maximum },
    counts,
    rules
  };
}
function shortRuleId(id) {
  return /^xccdf_[^_]+_rule_(.+)$/.exec(id)?.[1] ?? id;
}
function toOutcome(ruleResult, rule) {
  return {
    id: ruleResult.idref,
    shortId: shortRuleId(ruleResult.idref),
    index: ruleResult.index,
    title: rule?.title || shortRuleId(ruleResult.idref),
    severity: ruleResult.severity,
    result: ruleResult.result,
    description: rule?.description ?? "",
    rationale: rule?.rationale ?? "",
    references: rule?.references ?? [],
    identifiers: ruleResult.identifiers.length > 0 ? ruleResult.identifiers : rule?.identifiers ?? [],
    fixes: rule?.fixes ?? [],
    checks: ruleResult.checks.length > 0 ? ruleResult.checks.map(({ exports: _exports, ...check }) => check) : rule?.checks ?? [],
    messages: ruleResult.messages.map((m) => m.text)
  };
}
function scannerVersion(parsed) {
  const fact = parsed.testResult.facts.find((f) => f.name === "urn:xccdf:fact:scanner:version");
  if (fact !== void 0 && fact.value !== "") return fact.value;
  return /^cpe:\/a:[^:]+:openscap:([^:]+)/.exec(parsed.testResult.testSystem)?.[1] ?? "";
}
function compareStrings(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// packages/core/src/results/results-json.ts
var resultsSchemaUri = "https://scapgate.dev/schemas/results/v1";
var resultsSchemaVersion = 1;
function toResultsDocument(results, verdict) {
  return { schema: resultsSchemaUri, version: resultsSchemaVersion, ...results, gate: verdict };
}
function serializeResults(results, verdict) {
  return `${JSON.stringify(toResultsDocument(results, verdict), null, 2)}
`;
}

// packages/core/src/policy/types.ts
var defaultCountAs = {
  error: "failure",
  unknown: "failure",
  notchecked: "ignore"
};

// packages/core/src/baseline/classify.ts
var worstFirst = [
  "fail",
  "error",
  "unknown",
  "notchecked",
  "informational",
  "fixed",
  "pass",
  "notapplicable",
  "notselected"
];
function worstResult(a, b) {
  return worstFirst.indexOf(a) <= worstFirst.indexOf(b) ? a : b;
}
function perRule(rules) {
  const map = /* @__PURE__ */ new Map();
  for (const rule of rules) {
    const seen = map.get(rule.id);
    map.set(rule.id, seen === void 0 ? rule.result : worstResult(seen, rule.result));
  }
  return map;
}
function isFailing(result, countAs) {
  if (result === "fail") return true;
  if (result === "error" || result === "unknown" || result === "notchecked")
    return countAs[result] === "failure";
  return false;
}
function classifyRule(now, before, countAs) {
  if (now === "notselected") return void 0;
  if (before === void 0 || before === "notselected") return "new-rule";
  const failsNow = isFailing(now, countAs);
  const failedBefore = isFailing(before, countAs);
  if (failsNow)
    return failedBefore ? "still-failing" : now === "fail" ? "new-failure" : "regression";
  if (now === "notapplicable" && before !== "notapplicable") return "newly-not-applicable";
  if (failedBefore) return "fixed";
  return void 0;
}
function classifyRules(current, baseline, countAs) {
  const changes = /* @__PURE__ */ new Map();
  for (const [id, result] of current) {
    const kind = classifyRule(result, baseline.get(id), countAs);
    if (kind !== void 0) changes.set(id, kind);
  }
  return changes;
}

// packages/core/src/policy/check-rules.ts
function shortRuleId2(id) {
  const at = id.indexOf("_rule_");
  return at < 0 ? id : id.slice(at + "_rule_".length);
}
function waiverNames(waiver, ruleId) {
  return waiver.rule === ruleId || waiver.rule === shortRuleId2(ruleId);
}

// packages/core/src/gate/types.ts
var failOnValues = ["low", "medium", "high", "never"];
var ruleChangeKinds = [
  "new-failure",
  "regression",
  "still-failing",
  "fixed",
  "newly-not-applicable",
  "new-rule"
];

// packages/core/src/gate/summarize.ts
function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
function summarize(verdict) {
  const { status, failOn, counts, waivers, mode } = verdict;
  const threshold = failOn === "never" ? "gate disabled (fail-on never)" : `fail-on ${failOn}`;
  const extras = [];
  if (mode === "ratchet") extras.push("ratchet against the baseline");
  if (counts.waived > 0) extras.push(`${plural(counts.waived, "waived failure")}`);
  if (waivers.expired.length > 0) extras.push(`${plural(waivers.expired.length, "expired waiver")}`);
  if (waivers.stale.length > 0) extras.push(`${plural(waivers.stale.length, "stale waiver")}`);
  const other = verdict.reasons.filter(
    (r) => ![
      "failed-rules",
      "unverified-rules",
      "new-failures",
      "regressions",
      "nothing-evaluated"
    ].includes(r.kind)
  );
  if (other.length > 0) extras.push(other.map((r) => r.kind).join(", "));
  const tail = extras.length === 0 ? "" : `; ${extras.join("; ")}`;
  if (status === "fail" && counts.evaluated === 0 && verdict.reasons.some((r) => r.kind === "nothing-evaluated")) {
    return `Compliance gate failed: no rule was evaluated (${counts.selected} selected); ${threshold}${tail}.`;
  }
  const verb = status === "pass" ? "passed" : "failed";
  const noun = mode === "ratchet" ? "new " : "";
  return `Compliance gate ${verb}: ${plural(counts.failing, `${noun}failing rule`)}, ${plural(counts.unverified, `${noun}unverified rule`)} at or above the threshold, ${counts.evaluated} of ${counts.selected} selected rules evaluated; ${threshold}${tail}.`;
}

// packages/core/src/gate/evaluate-policy-gate.ts
var severityRank = {
  info: 0,
  low: 1,
  medium: 2,
  high: 3,
  unknown: 3
};
var evaluatedResults = /* @__PURE__ */ new Set(["pass", "fail", "error", "unknown", "informational", "fixed"]);
var reportOrder = ["high", "unknown", "medium", "low", "info"];
function isExpired(waiver, now) {
  const [y, m, d] = waiver.expires.split("-").map(Number);
  return now.getTime() >= Date.UTC(y, m - 1, d + 1);
}
function evaluatePolicyGate(results, options) {
  const { thresholds, mode, now } = options;
  const { failOn, max, countAs } = thresholds;
  const selected = results.rules.filter((r) => r.result !== "notselected");
  const evaluated = selected.filter((r) => evaluatedResults.has(r.result));
  const failing = selected.filter((r) => isFailing(r.result, countAs));
  const active = options.waivers.filter((w) => !isExpired(w, now));
  const expired = options.waivers.filter((w) => isExpired(w, now));
  const covered = (waiver) => ids(failing.filter((r) => waiverNames(waiver, r.id)));
  const waived = failing.filter((r) => active.some((w) => waiverNames(w, r.id)));
  const applied = active.filter((w) => covered(w).length > 0).map((w) => report(w, covered(w)));
  const stale = active.filter((w) => covered(w).length === 0).map((w) => report(w, []));
  const expiredReports = expired.map((w) => report(w, covered(w)));
  const unwaived = failing.filter((r) => !waived.includes(r));
  let baseline;
  let changes;
  if (options.baseline !== void 0) {
    changes = classifyRules(perRule(selected), options.baseline.rules, countAs);
    baseline = {
      source: options.baseline.source,
      ...options.baseline.score === void 0 ? {} : { score: options.baseline.score },
      changes: Object.fromEntries(
        ruleChangeKinds.map((kind) => [
          kind,
          [...changes].filter(([, k]) => k === kind).map(([id]) => id).sort()
        ])
      )
    };
  }
  const ratchet = mode === "ratchet" && changes !== void 0;
  const considered = ratchet ? unwaived.filter(
    (r) => changes.get(r.id) === "new-failure" || changes.get(r.id) === "regression"
  ) : unwaived;
  const defaultAllowance = (severity) => failOn !== "never" && severity !== "info" && severityRank[severity] >= severityRank[failOn] ? 0 : Infinity;
  const gatingByDefault = considered.filter(
    (r) => max[r.severity] === void 0 && defaultAllowance(r.severity) === 0
  );
  const threshold = failOn === "never" ? "high" : failOn;
  const failRules = gatingByDefault.filter((r) => r.result === "fail");
  const unverifiedRules = gatingByDefault.filter((r) => r.result !== "fail");
  const reasons = [];
  if (failOn !== "never" && evaluated.length === 0) {
    reasons.push({
      kind: "nothing-evaluated",
      message: selected.length === 0 ? "No rule was selected: check the profile (oscap evaluates nothing without one)." : `None of the ${selected.length} selected rules could be evaluated (all notapplicable or notchecked): the content probably does not match the image's OS.`,
      ruleIds: ids(selected)
    });
  }
  if (failRules.length > 0) {
    const ruleIds = ids(failRules);
    reasons.push(
      ratchet ? {
        kind: "new-failures",
        message: `${plural2(ruleIds.length, "rule")} failed at severity ${failOn} or higher that did not fail in the baseline.`,
        ruleIds,
        threshold
      } : {
        kind: "failed-rules",
        message: `${plural2(ruleIds.length, "rule")} failed at severity ${failOn} or higher.`,
        ruleIds,
        threshold
      }
    );
  }
  if (unverifiedRules.length > 0) {
    const ruleIds = ids(unverifiedRules);
    reasons.push(
      ratchet ? {
        kind: "regressions",
        message: `${plural2(ruleIds.length, "rule")} at severity ${failOn} or higher could not be checked and did not fail in the baseline.`,
        ruleIds,
        threshold
      } : {
        kind: "unverified-rules",
        message: `${plural2(ruleIds.length, "rule")} at severity ${failOn} or higher could not be checked (${countedResults(countAs)}).`,
        ruleIds,
        threshold
      }
    );
  }
  for (const severity of reportOrder) {
    const maximum = max[severity];
    if (maximum === void 0) continue;
    const over = considered.filter((r) => r.severity === severity);
    const count = ids(over).length;
    if (count > maximum) {
      reasons.push({
        kind: "too-many-failures",
        message: `${plural2(count, `${ratchet ? "new " : ""}failing ${severity}-severity rule`)}, more than the ${maximum} allowed.`,
        ruleIds: ids(over),
        severity,
        maximum,
        count
      });
    }
  }
  const score = results.score.value;
  if (ratchet && options.baseline?.score !== void 0 && score < options.baseline.score) {
    reasons.push({
      kind: "score-dropped",
      message: `The score dropped from ${options.baseline.score.toFixed(2)} (baseline) to ${score.toFixed(2)}.`,
      ruleIds: baseline?.changes["new-failure"] ?? [],
      score,
      baselineScore: options.baseline.score
    });
  }
  if (!ratchet && thresholds.minScore !== void 0 && score < thresholds.minScore) {
    reasons.push({
      kind: "score-below-minimum",
      message: `The score ${score.toFixed(2)} is below the minimum ${thresholds.minScore}.`,
      ruleIds: [],
      score,
      minimum: thresholds.minScore
    });
  }
  if (expiredReports.length > 0) {
    reasons.push({
      kind: "expired-waivers",
      message: `${plural2(expiredReports.length, "waiver")} expired: ${expiredReports.map((w) => `${w.rule} (${w.expires}${w.source === void 0 ? "" : `, ${w.source}`})`).join(", ")}; renew or remove ${expiredReports.length === 1 ? "it" : "them"}.`,
      ruleIds: [...new Set(expiredReports.map((w) => w.rule))].sort(),
      waivers: expiredReports
    });
  }
  if (stale.length > 0 && options.staleWaivers === "fail") {
    reasons.push({
      kind: "stale-waivers",
      message: `${plural2(stale.length, "waiver")} match no failing rule: ${stale.map((w) => w.rule).join(", ")}; remove ${stale.length === 1 ? "it" : "them"}.`,
      ruleIds: [...new Set(stale.map((w) => w.rule))].sort(),
      waivers: stale
    });
  }
  const status = reasons.length === 0 ? "pass" : "fail";
  const failCount = failRules.length;
  const unverifiedCount = unverifiedRules.length;
  const verdict = {
    status,
    failOn,
    mode: ratchet ? "ratchet" : "absolute",
    reasons,
    counts: {
      selected: selected.length,
      evaluated: evaluated.length,
      failing: failCount,
      unverified: unverifiedCount,
      belowThreshold: unwaived.filter((r) => r.result === "fail" && !failRules.includes(r)).length,
      waived: waived.length,
      results: results.counts
    },
    waivers: { applied, expired: expiredReports, stale },
    ...baseline === void 0 ? {} : { baseline },
    ...Object.keys(max).length === 0 ? {} : { maxCounts: max },
    ...thresholds.minScore === void 0 ? {} : { minScore: thresholds.minScore },
    summary: ""
  };
  verdict.summary = summarize(verdict);
  return verdict;
}
function report(waiver, ruleIds) {
  return {
    rule: waiver.rule,
    ...waiver.images === void 0 ? {} : { images: waiver.images },
    reason: waiver.reason,
    approver: waiver.approver,
    expires: waiver.expires,
    ruleIds,
    ...waiver.source === void 0 ? {} : { source: `${waiver.source.file}:${waiver.source.line}` }
  };
}
function countedResults(countAs) {
  return ["error", "unknown", "notchecked"].filter((r) => countAs[r] === "failure").join(" or ");
}
function ids(rules) {
  return [...new Set(rules.map((r) => r.id))].sort();
}
function plural2(count, noun) {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

// packages/core/src/gate/evaluate-gate.ts
function evaluateGate(results, options) {
  return evaluatePolicyGate(results, {
    thresholds: { failOn: options.failOn, max: {}, countAs: defaultCountAs },
    mode: "absolute",
    waivers: [],
    staleWaivers: "report",
    now: /* @__PURE__ */ new Date(0)
  });
}

// packages/core/src/report/sarif.ts
import { createHash as createHash6 } from "node:crypto";
import { gzipSync } from "node:zlib";

// packages/core/src/blame/attribute.ts
function ruleKey(rule) {
  return `${rule.id}#${rule.index}`;
}

// packages/core/src/report/escape.ts
function escapeMarkdown(text2) {
  return stripControls(text2).replace(/[\\`*_{}[\]()#+\-.!|~>]/g, (c) => `\\${c}`).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;").replace(/:\/\//g, ":&#47;&#47;");
}
function escapeMarkdownCode(text2) {
  const clean = stripControls(text2).replace(/`/g, "'");
  return `\`${clean}\``;
}
function stripControls(text2) {
  return text2.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}
function truncate(text2, max) {
  if (text2.length <= max) return text2;
  let cut = max - 1;
  if (/[\uD800-\uDBFF]/.test(text2.charAt(cut - 1))) cut -= 1;
  return `${text2.slice(0, cut)}\u2026`;
}
function fencedBlock(code, language = "") {
  const clean = code.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
  const longest = Math.max(2, ...[...clean.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${language}
${clean.replace(/\n$/, "")}
${fence}`;
}

// packages/core/src/report/sarif.ts
var maxSarifResults = 25e3;
var defaultMaxGzipBytes = 95e5;
function serializeSarif(log) {
  return `${JSON.stringify(log, null, 2)}
`;
}
var securitySeverity = {
  high: "8.0",
  unknown: "8.0",
  medium: "5.5",
  low: "3.0",
  info: "1.0"
};
var reported = /* @__PURE__ */ new Set(["fail", "error", "unknown"]);
var order = { high: 0, unknown: 0, medium: 1, low: 2, info: 3 };
var resultRank = { fail: 0, error: 1, unknown: 2 };
function toSarif(results, options) {
  const max = Math.min(options.maxResults ?? maxSarifResults, maxSarifResults);
  const budget = options.maxGzipBytes ?? defaultMaxGzipBytes;
  const findings = results.rules.filter((r) => reported.has(r.result)).sort(
    (a, b) => order[a.severity] - order[b.severity] || (resultRank[a.result] ?? 0) - (resultRank[b.result] ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.index - b.index)
  );
  const byCount = Math.min(findings.length, max);
  const fits = (count) => gzipSync(serializeSarif(buildLog(results, findings, count, void 0, options))).length <= budget;
  let kept = byCount;
  if (!fits(kept)) {
    let low = 0;
    let high = kept - 1;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (fits(mid)) low = mid;
      else high = mid - 1;
    }
    kept = low;
  }
  const trim = kept < findings.length ? {
    total: findings.length,
    kept,
    reason: kept < byCount ? `the log must stay under ${budget} bytes gzipped (GitHub accepts 10 MB)` : `at most ${max} results per run (GitHub accepts 25,000)`
  } : void 0;
  return buildLog(results, findings, kept, trim, options);
}
function buildLog(results, findings, count, trim, options) {
  const kept = findings.slice(0, count);
  const rules = [];
  const ruleIndex = /* @__PURE__ */ new Map();
  for (const rule of kept) {
    if (ruleIndex.has(rule.id)) continue;
    ruleIndex.set(rule.id, rules.length);
    rules.push(toDescriptor(rule, options));
  }
  const imageName = imageRepository(results);
  const profile = shortProfileId(results.scanner.profile.id);
  const run3 = {
    tool: {
      driver: {
        name: "scapgate",
        version: options.toolVersion,
        rules
      },
      extensions: [
        {
          name: "OpenSCAP",
          version: results.scanner.version,
          informationUri: "https://www.open-scap.org/",
          properties: {
            benchmarkId: results.scanner.content.benchmarkId,
            benchmarkVersion: results.scanner.content.benchmarkVersion,
            profileId: results.scanner.profile.id
          }
        }
      ]
    },
    automationDetails: { id: `scapgate/${slug(imageName)}/${slug(profile)}/` },
    results: kept.map(
      (rule) => toResult(rule, ruleIndex.get(rule.id), results, imageName, options)
    ),
    properties: {
      image: stripControls(results.image.reference),
      imageConfigDigest: results.image.configDigest,
      profile: results.scanner.profile.id,
      score: results.score.value,
      ...trim === void 0 ? {} : { truncated: trim }
    }
  };
  return { $schema: "https://json.schemastore.org/sarif-2.1.0.json", version: "2.1.0", runs: [run3] };
}
function toDescriptor(rule, options) {
  const title = stripControls(rule.title);
  const description = rule.description || title;
  return {
    id: rule.id,
    name: truncate(rule.shortId, 255),
    shortDescription: { text: truncate(title, 1024) },
    fullDescription: { text: truncate(description, 1024) },
    help: { text: helpText(rule, options), markdown: helpMarkdown(rule, options) },
    properties: {
      "security-severity": securitySeverity[rule.severity],
      precision: "very-high",
      tags: [
        "security",
        "compliance",
        "openscap",
        ...new Set(rule.references.flatMap((r) => r.framework ?? []))
      ].slice(0, 10)
    }
  };
}
function helpText(rule, options) {
  const parts = [rule.description];
  if (rule.rationale) parts.push(`Rationale: ${rule.rationale}`);
  const references = groupReferences(rule);
  if (references.length > 0)
    parts.push(`References: ${references.map(([f, ids2]) => `${f} ${ids2.join(", ")}`).join("; ")}`);
  const run3 = options.fixes?.run.get(rule.id);
  if (run3 !== void 0) parts.push(`Fix in the Dockerfile:
${run3}`);
  else
    parts.push(
      rule.fixes.length > 0 ? `Fix available: ${rule.fixes.map(fixName).join(", ")} (see fixes/ in the scan output).` : "No automated fix in the content."
    );
  return parts.filter((p) => p !== "").join("\n\n");
}
function helpMarkdown(rule, options) {
  const lines = [`**${escapeMarkdown(rule.title)}** ${escapeMarkdownCode(rule.shortId)}`, ""];
  if (rule.description) lines.push(escapeMarkdown(rule.description), "");
  if (rule.rationale) lines.push(`**Rationale:** ${escapeMarkdown(rule.rationale)}`, "");
  const references = groupReferences(rule);
  if (references.length > 0) {
    lines.push("**References:**", "");
    for (const [framework, ids2] of references)
      lines.push(`- ${escapeMarkdown(framework)}: ${escapeMarkdown(ids2.join(", "))}`);
    lines.push("");
  }
  const run3 = options.fixes?.run.get(rule.id);
  if (run3 !== void 0) {
    lines.push("**Fix:** add this to the Dockerfile after the line the finding points at:", "");
    lines.push(fencedBlock(run3, "dockerfile"), "");
  }
  lines.push(
    rule.fixes.length > 0 ? `**Fix available:** ${rule.fixes.map(fixName).join(", ")} (\`fixes/remediation.sh\`, \`fixes/playbook.yml\` in the scan output)` : "No automated fix in the content."
  );
  return lines.join("\n");
}
function toResult(rule, ruleIndex, results, imageName, options) {
  const title = stripControls(rule.title);
  const image = stripControls(imageName);
  const found = rule.result === "fail" ? `failed in image ${image}` : `could not be checked in image ${image} (result: ${rule.result}); unverified is not compliant`;
  const notes = rule.messages.map((m) => stripControls(m).trim()).filter((m) => m !== "");
  const blame = options.blame?.get(ruleKey(rule));
  const what = `${title} (${rule.shortId}, ${rule.severity}) ${found}`;
  const head = blame === void 0 ? `${what}.` : blame.evidence !== "" ? `${stripControls(blame.evidence)} (${stripControls(blame.cause)}). ${what}.` : `${what} (${stripControls(blame.cause)}).`;
  const text2 = `${head}${notes.length > 0 ? ` oscap: ${notes.join(" / ")}` : ""}`;
  const location = blame?.location ?? options.location;
  const endLine = blame?.location.endLine;
  return {
    ruleId: rule.id,
    ruleIndex,
    kind: rule.result === "fail" ? "fail" : "review",
    level: rule.result !== "fail" ? "warning" : rule.severity === "high" || rule.severity === "unknown" ? "error" : rule.severity === "medium" ? "warning" : "note",
    // GitLab keeps 2,048 characters of message.text.
    message: { text: truncate(text2, 2048) },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: location.uri },
          region: {
            startLine: location.startLine,
            ...endLine !== void 0 && endLine > location.startLine ? { endLine } : {}
          }
        }
      }
    ],
    partialFingerprints: {
      "scapgate/v1": fingerprint(rule, results.scanner.profile.id, imageName)
    },
    properties: {
      result: rule.result,
      severity: rule.severity,
      ...blame === void 0 ? {} : {
        attribution: blame.kind,
        ...blame.layerIndex === void 0 ? {} : { layer: blame.layerIndex }
      }
    }
  };
}
function fingerprint(rule, profileId, imageName) {
  return createHash6("sha256").update([rule.id, String(rule.index), profileId, imageName].join("\0")).digest("hex");
}
function imageRepository(results) {
  const name = results.image.names[0] ?? results.image.reference;
  const withoutDigest = name.split("@")[0] ?? name;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  return colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
}
function shortProfileId(id) {
  return /^xccdf_[^_]+_profile_(.+)$/.exec(id)?.[1] ?? (id || "default");
}
function slug(text2) {
  return text2.toLowerCase().replace(/[^a-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 100) || "unnamed";
}
var identifierSystems = { "https://nvd.nist.gov/cce/index.cfm": "CCE" };
function groupReferences(rule) {
  const groups = /* @__PURE__ */ new Map();
  const add = (key, value) => {
    groups.set(key, [...groups.get(key) ?? [], stripControls(value)]);
  };
  for (const identifier of rule.identifiers)
    add(
      identifierSystems[identifier.system] ?? (identifier.system || "identifier"),
      identifier.value
    );
  for (const reference of rule.references)
    add(reference.framework ?? (reference.href || "other"), reference.text);
  return [...groups];
}
function fixName(system) {
  return system.replace(/^urn:xccdf:fix:script:/, "").replace(/^urn:redhat:osbuild:/, "");
}

// packages/core/src/gate/gate-details-md.ts
var maxRows = 25;
var changeLabels = {
  "new-failure": "new failures",
  regression: "regressions",
  "still-failing": "still failing",
  fixed: "fixed",
  "newly-not-applicable": "newly not applicable",
  "new-rule": "new rules"
};
function cap(items) {
  const more = items.length > maxRows ? ` \u2026 and ${items.length - maxRows} more` : "";
  return { shown: items.slice(0, maxRows), more };
}
function waiverTable(title, waivers) {
  if (waivers.length === 0) return [];
  const { shown: shown2, more } = cap(waivers);
  const lines = [
    `**${title}** (${waivers.length})`,
    "",
    "| Rule | Expires | Approver | Reason |",
    "| --- | --- | --- | --- |"
  ];
  for (const w of shown2) {
    lines.push(
      `| ${escapeMarkdownCode(w.rule).replace(/\|/g, "\\|")} | ${w.expires} | ${escapeMarkdown(w.approver)} | ${escapeMarkdown(w.reason.slice(0, 300))} |`
    );
  }
  if (more !== "") lines.push("", `_${more.trim()}_`);
  lines.push("");
  return lines;
}
function renderGateDetails(verdict) {
  const lines = [];
  const { waivers, baseline } = verdict;
  lines.push(...waiverTable("Waived failures (not gating)", waivers.applied));
  lines.push(...waiverTable("Expired waivers (failing the gate)", waivers.expired));
  lines.push(...waiverTable("Stale waivers (match no failing rule)", waivers.stale));
  if (baseline !== void 0) {
    const counts = Object.keys(changeLabels).map((kind) => `${baseline.changes[kind].length} ${changeLabels[kind]}`).join(", ");
    lines.push(
      `**Against the baseline** ${escapeMarkdownCode(baseline.source)} (${verdict.mode}): ${counts}`,
      ""
    );
    for (const kind of Object.keys(changeLabels)) {
      const ids2 = baseline.changes[kind];
      if (ids2.length === 0 || kind === "still-failing") continue;
      const { shown: shown2, more } = cap(ids2);
      lines.push(
        `- ${changeLabels[kind]}: ${shown2.map((id) => escapeMarkdownCode(shortRuleId2(id))).join(", ")}${more}`
      );
    }
    lines.push("");
  }
  return lines;
}

// packages/core/src/report/summary-md.ts
var defaultSummaryMaxChars = 6e4;
var severityOrder = ["high", "unknown", "medium", "low", "info"];
var listed = /* @__PURE__ */ new Set(["fail", "error", "unknown"]);
function renderSummary(results, verdict, options = {}) {
  const maxChars = options.maxChars ?? defaultSummaryMaxChars;
  const image = escapeMarkdown(results.image.names[0] ?? results.image.reference);
  const head = [
    `## ${verdict.status === "pass" ? "\u2705 Compliance gate passed" : "\u274C Compliance gate failed"}`,
    "",
    `${image} \xB7 profile ${escapeMarkdown(results.scanner.profile.title)} \xB7 fail-on ${verdict.failOn} \xB7 score ${results.score.value.toFixed(2)}/${results.score.maximum.toFixed(0)}`,
    ""
  ];
  for (const reason of verdict.reasons) head.push(`- ${reasonLine(reason)}`);
  if (verdict.reasons.length > 0) head.push("");
  if (options.sarifTrim !== void 0) {
    const { total, kept: kept2, reason } = options.sarifTrim;
    head.push(
      `> SARIF holds ${kept2} of ${total} findings (the most severe first): ${escapeMarkdown(reason)}. Every finding is in results.json and junit.xml.`,
      ""
    );
  }
  head.push(...renderGateDetails(verdict));
  head.push("| Result | Rules |", "| --- | ---: |");
  for (const value of ruleResultValues) {
    if (results.counts[value] > 0) head.push(`| ${value} | ${results.counts[value]} |`);
  }
  head.push("");
  const rows = results.rules.filter((r) => listed.has(r.result)).sort(
    (a, b) => severityOrder.indexOf(a.severity) - severityOrder.indexOf(b.severity) || compare(a.id, b.id) || a.index - b.index
  );
  const body = [];
  const blame = options.blame;
  if (rows.length > 0)
    body.push(
      "### Failing and unverified rules",
      "",
      blame === void 0 ? "| Severity | Result | Rule | Title |" : "| Severity | Result | Rule | Title | Location |",
      blame === void 0 ? "| --- | --- | --- | --- |" : "| --- | --- | --- | --- | --- |"
    );
  for (const rule of rows) body.push(row(rule, blame?.get(ruleKey(rule)), blame !== void 0));
  const fixable = rows.filter((r) => r.result === "fail" && options.runFixes?.has(r.id) === true);
  if (fixable.length > 0) body.push("", "### How to fix", "");
  for (const rule of fixable) {
    const where = blame?.get(ruleKey(rule));
    const after = where?.kind === "instruction" ? ` after line ${where.location.endLine ?? where.location.startLine} of ${escapeMarkdown(where.location.uri)}` : "";
    body.push(
      `<details><summary>${escapeMarkdownCode(rule.shortId).replace(/\|/g, "\\|")}: add to the Dockerfile${after}</summary>`,
      "",
      fencedBlock(options.runFixes?.get(rule.id) ?? "", "dockerfile"),
      "",
      "</details>"
    );
  }
  if (rows.some((r) => r.result === "fail") && options.runFixes !== void 0)
    body.push(
      "",
      "Full remediation from the SCAP content: `fixes/remediation.sh` (bash) and `fixes/playbook.yml` (Ansible)."
    );
  const hint = options.fullReportHint ? ` (${escapeMarkdown(options.fullReportHint)})` : "";
  const note = (dropped) => dropped > 0 ? `
_${dropped} more ${dropped === 1 ? "rule is" : "rules are"} not shown: see the full report${hint}._
` : `
_Some fixes are not shown: see the full report${hint} and fixes/._
`;
  const full = [...head, ...body, ""].join("\n");
  if (full.length <= maxChars) return full;
  const reserve = note(rows.length).length;
  let text2 = head.join("\n");
  let kept = 0;
  const headerRows = rows.length > 0 ? 4 : 0;
  for (const [i, line] of body.entries()) {
    if (text2.length + line.length + 1 + reserve > maxChars) break;
    text2 += `
${line}`;
    if (i >= headerRows && i < headerRows + rows.length) kept += 1;
  }
  const open7 = text2.lastIndexOf("\n<details>");
  if (open7 > text2.lastIndexOf("</details>")) text2 = text2.slice(0, open7);
  return truncate(`${text2}
${note(rows.length - kept)}`, maxChars);
}
function row(rule, blame, withLocation) {
  const base = `| ${rule.severity} | ${rule.result} | ${escapeMarkdownCode(rule.shortId).replace(/\|/g, "\\|")} | ${escapeMarkdown(truncate(rule.title, 300))} |`;
  if (!withLocation) return base;
  if (blame === void 0) return `${base} |`;
  const found = blame.evidence === "" ? "" : `${escapeMarkdown(truncate(blame.evidence, 200))}: `;
  return `${base} ${escapeMarkdownCode(`${blame.location.uri}:${blame.location.startLine}`)} ${found}${escapeMarkdown(truncate(blame.cause, 200))} |`;
}
function reasonLine(reason) {
  return escapeMarkdown(reason.message);
}
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// packages/core/src/pipeline/scan-image.ts
import { copyFile, mkdir as mkdir6, writeFile as writeFile2 } from "node:fs/promises";
import { join as join15 } from "node:path";

// packages/core/src/pipeline/render-outputs.ts
import { writeFile } from "node:fs/promises";
import { join as join11 } from "node:path";

// packages/core/src/pipeline/sarif-location.ts
import { readFile as readFile5 } from "node:fs/promises";
import { isAbsolute as isAbsolute2, relative as relative2 } from "node:path";
async function sarifLocation(options, imagePath) {
  const toUri = (path) => {
    const rel = isAbsolute2(path) ? relative2(options.cwd, path) : path;
    return rel.split("\\").join("/");
  };
  if (options.dockerfile !== void 0) {
    try {
      const text2 = await readFile5(options.dockerfile, "utf8");
      return { uri: toUri(options.dockerfile), startLine: finalFromLine(text2) };
    } catch {
    }
  }
  return { uri: toUri(imagePath), startLine: 1 };
}
function finalFromLine(text2) {
  const lines = text2.split(/\r?\n/);
  let line = 1;
  let continued = false;
  lines.forEach((raw, index) => {
    const wasContinued = continued;
    continued = /\\\s*$/.test(raw);
    if (!wasContinued && /^\s*FROM\s/i.test(raw)) line = index + 1;
  });
  return line;
}

// packages/core/src/pipeline/render-outputs.ts
async function renderOutputs(options, prepared, baseline, scan) {
  const { outDir } = options;
  const [parsed] = await Promise.all([
    parseArf(scan.arfPath),
    generateHtmlReport(scan.arfPath, join11(outDir, "report.html"), {
      scanner: scan.scanner,
      signal: options.signal,
      timeoutMs: options.timeoutMs
    })
  ]);
  const { image, os } = prepared;
  const results = buildScanResults(parsed, {
    image: {
      reference: image.reference.raw,
      configDigest: image.configDigest,
      ...image.manifestDigest === void 0 ? {} : { manifestDigest: image.manifestDigest },
      names: image.names,
      platform: formatPlatform(image.platform),
      os: { id: os?.id ?? "", versionId: os?.versionId ?? "", prettyName: os?.prettyName ?? "" }
    },
    scanner: {
      content: { path: baseline.contentPath, sha256: baseline.content.sha256 },
      durationSeconds: scan.durationSeconds
    }
  });
  return {
    results,
    contentRuleIds: [...parsed.benchmark.rules.keys()],
    write: (verdict) => writeVerdictOutputs(options, results, verdict, image.reference.path)
  };
}
async function writeVerdictOutputs(options, results, verdict, imagePath) {
  const { outDir } = options;
  const location = await sarifLocation(options, imagePath);
  const sarif = toSarif(results, { location, toolVersion: options.toolVersion });
  const summary = renderSummary(results, verdict, { fullReportHint: "report.html and results.json" });
  await writeFile(join11(outDir, "results.json"), serializeResults(results, verdict));
  await writeFile(join11(outDir, "results.sarif"), `${JSON.stringify(sarif, null, 2)}
`);
  await writeFile(join11(outDir, "summary.md"), summary);
  return summary;
}

// packages/core/src/pipeline/prepare-root.ts
import { mkdir as mkdir4 } from "node:fs/promises";
import { join as join12 } from "node:path";
var maxOsReleaseBytes = 64 * 1024;
async function prepareRoot2(options, workDir) {
  const image = options.openedImage ?? await openSourceImage(options, workDir);
  return extractRoot(options, image, workDir);
}
async function openSourceImage(options, workDir) {
  const { progress, signal, logger } = options;
  const reference = parseImageReference(options.image);
  progress.phase("reading", reference.raw);
  return openImage(reference, {
    platform: options.platform,
    workDir: join12(workDir, "image"),
    signal,
    ...options.registry === void 0 ? {} : { registry: options.registry },
    ...options.daemon === void 0 ? {} : { daemon: options.daemon },
    log: (message) => logger.debug(message)
  });
}
async function extractRoot(options, image, workDir) {
  const { progress, signal, logger } = options;
  const reference = image.reference;
  try {
    logger.debug(`image ${reference.raw}: config ${image.configDigest}, ${image.layers.length} layers`);
    const root = join12(workDir, "root");
    await mkdir4(root, { mode: 448 });
    progress.phase("extracting", `${image.layers.length} layers`);
    const perLayer = /* @__PURE__ */ new Map();
    const layers = await applyLayers({
      root,
      layers: image.layers,
      signal,
      onProgress: (layerIndex, bytes) => {
        perLayer.set(layerIndex, bytes);
        let total = 0;
        for (const value of perLayer.values()) total += value;
        progress.progress("extracting", total);
      }
    });
    const os = await readOsRelease((path) => readFileInRoot(root, path, maxOsReleaseBytes));
    return { image, root, os, layers };
  } catch (error) {
    await image.close();
    throw error;
  }
}

// packages/core/src/pipeline/work-dir.ts
import { execFile as execFile4 } from "node:child_process";
import { mkdtemp as mkdtemp5, rm as rm7, chmod } from "node:fs/promises";
import { tmpdir as tmpdir3 } from "node:os";
import { join as join13 } from "node:path";
function removeTree2(path) {
  return new Promise((resolve3) => {
    execFile4("rm", ["-rf", "--one-file-system", "--", path], { env: { PATH: "/usr/bin:/bin" } }, (error) => {
      if (error === null) return resolve3();
      resolve3(rm7(path, { recursive: true, force: true, maxRetries: 3 }));
    });
  });
}
async function createWorkDir(parent = tmpdir3()) {
  const path = await mkdtemp5(join13(parent, "scapgate-"));
  await chmod(path, 448);
  let disposed;
  return {
    path,
    dispose: () => {
      disposed ??= removeTree2(path);
      return disposed;
    }
  };
}

// packages/core/src/pipeline/phase-timer.ts
function timePhases(progress, logger) {
  const started = performance.now();
  const phases = [];
  let current;
  const close = (now) => {
    if (current !== void 0) phases.push({ phase: current.phase, seconds: (now - current.at) / 1e3 });
  };
  return {
    phase(phase, detail) {
      const now = performance.now();
      close(now);
      current = { phase, at: now };
      progress.phase(phase, detail);
    },
    progress: (phase, done, total) => progress.progress(phase, done, total),
    finish() {
      const now = performance.now();
      close(now);
      current = void 0;
      const timings = { phases, totalSeconds: (now - started) / 1e3 };
      logger.debug(
        `timings: ${phases.map((p) => `${p.phase} ${p.seconds.toFixed(2)}s`).join(", ")}, total ${timings.totalSeconds.toFixed(2)}s`
      );
      return timings;
    }
  };
}

// packages/core/src/pipeline/choose-baseline.ts
import { access as access2 } from "node:fs/promises";
async function requireFile(path, flag) {
  try {
    await access2(path);
  } catch {
    throw new ConfigurationError(`Expected \`${flag}\` to name a readable file, got \`${path}\` (not found)`);
  }
}
async function chooseBaseline(options, prepared) {
  if (options.tailoringPath !== void 0) await requireFile(options.tailoringPath, "--tailoring");
  let contentPath;
  if (options.contentPath !== void 0) {
    await requireFile(options.contentPath, "--content");
    contentPath = options.contentPath;
  } else if (prepared.os === void 0) {
    throw new ConfigurationError(
      `${options.image}: expected /etc/os-release or /usr/lib/os-release in the image to choose SCAP content, found neither; give --content DS.xml`
    );
  } else {
    const selected = await selectContent(prepared.os, options.environment.contentDir);
    if (selected.viaIdLike) {
      options.logger.warning(
        `${sanitizeForDisplay(describeOs(prepared.os))} has no content of its own; using ${selected.fileName} through ID_LIKE`
      );
    }
    contentPath = selected.path;
  }
  const resolved = await resolveProfile(contentPath, options.profile, options.tailoringPath);
  const info = resolved.content.profiles.find((p) => p.id === resolved.profileId);
  return {
    contentPath,
    content: resolved.content,
    profile: { id: resolved.profileId, title: info?.title ?? resolved.profileId },
    tailoringPath: options.tailoringPath
  };
}

// packages/core/src/pipeline/run-contained-scan.ts
import { mkdir as mkdir5 } from "node:fs/promises";
import { join as join14 } from "node:path";
function evaluationTarget(prepared) {
  const digest = prepared.image.manifestDigest ?? prepared.image.configDigest;
  return `${prepared.image.reference.raw}@${digest}`;
}
async function runContainedScan(options, prepared, baseline, workDir) {
  const scanner = await preflightScanner({ oscapPath: options.environment.oscapPath, workDir });
  const outDir = join14(workDir, "oscap-out");
  await mkdir5(outDir, { mode: 448 });
  const target = evaluationTarget(prepared);
  const result = await runOscapScan({
    root: prepared.root,
    contentPath: baseline.contentPath,
    profileId: baseline.profile.id,
    tailoringPath: baseline.tailoringPath,
    imageEnv: prepared.image.config.env,
    target,
    outDir,
    timeoutMs: options.timeoutMs,
    signal: options.signal,
    logger: options.logger,
    scanner
  });
  for (const warning of result.warnings) options.logger.warning(`oscap: ${warning}`);
  return { ...result, scanner, target };
}

// packages/core/src/pipeline/scan-image.ts
function throwIfAborted2(signal) {
  if (signal?.aborted === true) throw new CancelledError();
}
async function scanImage(options) {
  const { logger, signal } = options;
  const progress = timePhases(options.progress, logger);
  options = { ...options, progress };
  await mkdir6(options.outDir, { recursive: true });
  const work = await createWorkDir(options.environment.tmpDir);
  try {
    await preflightScanner({ oscapPath: options.environment.oscapPath, workDir: work.path });
    const prepared = await prepareRoot2(options, work.path);
    try {
      throwIfAborted2(signal);
      const baseline = await chooseBaseline(options, prepared);
      throwIfAborted2(signal);
      progress.phase("scanning", `${baseline.profile.id.replace(/^.*_profile_/, "")} profile`);
      const scan = await runContainedScan(options, prepared, baseline, work.path);
      await copyFile(scan.arfPath, join15(options.outDir, "arf.xml"));
      throwIfAborted2(signal);
      progress.phase("reporting");
      const rendered = await renderOutputs(options, prepared, baseline, scan);
      const verdict = options.evaluate === void 0 ? evaluateGate(rendered.results, { failOn: options.failOn }) : await options.evaluate(rendered.results, { contentRuleIds: rendered.contentRuleIds });
      const summaryMarkdown = await rendered.write(verdict);
      logger.debug(`outputs written to ${options.outDir}`);
      progress.finish();
      return { results: rendered.results, verdict, outDir: options.outDir, summaryMarkdown };
    } finally {
      await prepared.image.close();
    }
  } catch (error) {
    await writeFile2(
      join15(options.outDir, "summary.md"),
      `# scapgate: scan did not complete

${options.image}: ${error instanceof Error ? error.message : String(error)}
`
    ).catch(() => {
    });
    throw error;
  } finally {
    await work.dispose();
  }
}

// packages/core/src/scan/versions.ts
import { execFile as execFile5 } from "node:child_process";
import { promisify } from "node:util";
import { join as join16 } from "node:path";
var run = promisify(execFile5);
async function describeToolVersions(options = {}) {
  const contentDir = options.contentDir ?? DEFAULT_CONTENT_DIR;
  let oscap;
  try {
    const { stdout } = await run(options.oscapPath ?? "oscap", ["--version"], {
      timeout: 1e4,
      env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" }
    });
    oscap = /command line tool \(oscap\) (\S+)/.exec(stdout)?.[1];
  } catch {
    oscap = void 0;
  }
  let contentVersion;
  let dataStreams = 0;
  try {
    const streams = await listDataStreams(contentDir);
    dataStreams = streams.length;
    const first = streams[0];
    if (first !== void 0)
      contentVersion = (await readContentInfo(join16(contentDir, first))).benchmarkVersion;
  } catch {
    contentVersion = void 0;
  }
  return { oscap, contentDir, contentVersion, dataStreams };
}

// packages/core/src/image/source-settings.ts
import { join as join17 } from "node:path";
var hostPort = /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:]+\](?::\d{1,5})?$/;
var podmanVariables = [
  "PATH",
  "HOME",
  "XDG_RUNTIME_DIR",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "CONTAINERS_CONF",
  "CONTAINERS_STORAGE_CONF",
  "CONTAINERS_REGISTRIES_CONF",
  "TMPDIR"
];
function pick(env, names) {
  const picked = {};
  for (const name of names) {
    const value = env[name];
    if (value !== void 0 && value !== "") picked[name] = value;
  }
  return picked;
}
function sourceSettings(flags, env) {
  const username = flags.username ?? env.SCAPGATE_REGISTRY_USERNAME;
  const password = flags.password ?? env.SCAPGATE_REGISTRY_PASSWORD;
  if ((username === void 0 || username === "") !== (password === void 0 || password === "")) {
    throw new ConfigurationError(
      username ? "Expected a registry password with the username (--password-stdin or SCAPGATE_REGISTRY_PASSWORD), got none" : "Expected a registry username with the password (--username or SCAPGATE_REGISTRY_USERNAME), got none"
    );
  }
  for (const host of flags.insecureRegistries ?? []) {
    if (!hostPort.test(host))
      throw new ConfigurationError(
        `Expected \`--insecure-registry\` to be HOST[:PORT], got \`${host.slice(0, 100)}\``
      );
  }
  const registry = {
    helperEnv: pick(env, ["PATH", "HOME"])
  };
  if (flags.caFile) registry.caFile = flags.caFile;
  if (flags.insecureRegistries?.length) registry.insecureRegistries = flags.insecureRegistries;
  const cacheDir = flags.cacheDir ?? env.SCAPGATE_CACHE_DIR;
  if (cacheDir) registry.cacheDir = cacheDir;
  if (username && password) registry.credentials = { username, password };
  if (env.REGISTRY_AUTH_FILE) registry.authFile = env.REGISTRY_AUTH_FILE;
  const configDir = env.DOCKER_CONFIG || (env.HOME ? join17(env.HOME, ".docker") : void 0);
  if (configDir) registry.dockerConfigDir = configDir;
  const daemon = { podmanEnv: pick(env, podmanVariables) };
  if (env.DOCKER_HOST) daemon.dockerHost = env.DOCKER_HOST;
  return { registry, daemon };
}

// packages/cli/src/commands/scan.ts
import { existsSync } from "node:fs";
import { resolve as resolve2 } from "node:path";

// packages/cli/src/command.ts
import { parseArgs } from "node:util";

// packages/cli/src/exit-codes.ts
var ExitCode = {
  GatePassed: 0,
  GateFailed: 1,
  Usage: 2,
  ScanIncomplete: 3,
  Interrupted: 130
};
function exitCodeForError(error) {
  if (error instanceof UsageError || error instanceof ConfigurationError) return ExitCode.Usage;
  if (error instanceof CancelledError) return ExitCode.Interrupted;
  if (error instanceof InvalidImageError || error instanceof ScanFailedError || error instanceof EnvironmentError || error instanceof LimitExceededError || error instanceof InvalidArfError) {
    return ExitCode.ScanIncomplete;
  }
  return ExitCode.ScanIncomplete;
}
var UsageError = class extends Error {
  constructor(message) {
    super(message);
    this.name = "UsageError";
    Object.setPrototypeOf(this, new.target.prototype);
  }
};

// packages/cli/src/command.ts
function parseFlags(argv, options) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
function oneOf(flag, value, choices) {
  if (!choices.includes(value)) {
    throw new UsageError(`Expected \`${flag}\` to be one of ${choices.join("|")}, got \`${value}\``);
  }
  return value;
}
function rejectEmpty(values, flags) {
  for (const flag of flags) {
    if (values[flag] === "")
      throw new UsageError(`Expected \`--${flag}\` to have a value, got an empty string`);
  }
}

// packages/cli/src/console-logger.ts
function createConsoleLogger({ stream, verbose, quiet }) {
  const write = (prefix, message) => {
    const text2 = message instanceof Error ? message.message : message;
    stream.write(`${prefix}${text2}
`);
  };
  return {
    debug: (message) => {
      if (verbose) write("debug: ", message);
    },
    info: (message) => {
      if (!quiet) write("", message);
    },
    warning: (message) => write("warning: ", message),
    error: (message) => write("error: ", message),
    startGroup: (name) => {
      if (!quiet) write("", `== ${name}`);
    },
    endGroup: () => {
    }
  };
}

// packages/cli/src/progress.ts
var labels = {
  reading: "Reading image",
  extracting: "Extracting layers",
  scanning: "Scanning with OpenSCAP",
  reporting: "Writing reports"
};
function formatBytes(bytes) {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
function createProgress(stream, quiet) {
  const tty = stream.isTTY === true;
  let current;
  let detail = "";
  let lastDraw = 0;
  const endLine = () => {
    if (tty && current !== void 0) stream.write("\n");
  };
  return {
    phase(phase, phaseDetail) {
      if (quiet) return;
      endLine();
      current = phase;
      detail = phaseDetail === void 0 ? "" : ` ${phaseDetail}`;
      const line = `${labels[phase]}${detail}`;
      stream.write(tty ? `\r\x1B[2K${line}\u2026` : `${line}
`);
    },
    progress(phase, done, total) {
      if (quiet || !tty || phase !== current) return;
      const now = Date.now();
      if (now - lastDraw < 100) return;
      lastDraw = now;
      const amount = phase === "extracting" ? formatBytes(done) : total === void 0 ? `${done}` : `${done}/${total}`;
      stream.write(`\r\x1B[2K${labels[phase]}${detail}\u2026 ${amount}`);
    },
    finish() {
      if (!quiet) endLine();
      current = void 0;
    }
  };
}

// packages/cli/src/version.ts
var scapgateVersion = true ? "0.1.0" : "0.1.0-dev";

// packages/cli/src/commands/scan.ts
function defaultDockerfile(command, cwd) {
  if (command.dockerfile !== void 0) return resolve2(cwd, command.dockerfile);
  const implicit = resolve2(cwd, "Dockerfile");
  return existsSync(implicit) ? implicit : void 0;
}
var usage = `Usage: scapgate scan IMAGE [options]

Scan a container image with OpenSCAP and gate on the result.

IMAGE
  docker-archive:PATH[:REF]   a tarball from \`docker save\` or \`podman save\`
  oci-archive:PATH[:REF]      a tar of an OCI image layout
  oci:DIR[:REF]               an OCI image layout directory
  docker-daemon:NAME[:TAG]    an image in the Docker daemon (DOCKER_HOST=unix://\u2026 honoured)
  podman:NAME[:TAG]           an image in podman's local store
  [docker://]REGISTRY/NAME[:TAG][@sha256:DIGEST]
                              an image in a registry (\`alpine\` means docker.io/library/alpine:latest)

Options
  --content DS.xml            SCAP data stream (default: chosen from the image's /etc/os-release)
  --profile ID|SHORT          XCCDF profile id or short name (default: standard)
  --tailoring FILE            XCCDF tailoring file
  --dockerfile PATH           Dockerfile that findings point at (default: ./Dockerfile if it exists)
  --out DIR                   output directory (default: ./scapgate-out)
  --fail-on low|medium|high|never
                              lowest severity of a failing rule that fails the gate (default: medium)
  --platform os/arch[/variant]
                              platform to pick from a multi-platform index (default: linux/amd64)
  --timeout SECONDS           oscap time limit (default: 1800)
  --verbose                   debug output
  --quiet                     errors and the verdict only

Registry options
  --ca-file PEM               extra CA certificates for registry TLS
  --insecure-registry HOST[:PORT]
                              talk plain http to this registry (repeatable)
  --cache-dir DIR             content-addressed blob cache reused across scans
  --username NAME             registry username (the password comes from --password-stdin)
  --password-stdin            read the registry password from stdin
  Credentials otherwise come from SCAPGATE_REGISTRY_USERNAME/SCAPGATE_REGISTRY_PASSWORD,
  REGISTRY_AUTH_FILE, or $DOCKER_CONFIG/config.json (default ~/.docker/config.json: auths,
  credHelpers, credsStore). SCAPGATE_CACHE_DIR sets a default --cache-dir.
`;
function parseScan(argv) {
  const { values, positionals } = parseFlags(argv, {
    content: { type: "string" },
    profile: { type: "string" },
    tailoring: { type: "string" },
    dockerfile: { type: "string" },
    out: { type: "string" },
    "fail-on": { type: "string" },
    platform: { type: "string" },
    timeout: { type: "string" },
    verbose: { type: "boolean" },
    quiet: { type: "boolean" },
    "ca-file": { type: "string" },
    "insecure-registry": { type: "string", multiple: true },
    "cache-dir": { type: "string" },
    username: { type: "string" },
    "password-stdin": { type: "boolean" }
  });
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0 ? "Expected an IMAGE argument after `scan`, got nothing" : `Expected one IMAGE argument after \`scan\`, got ${positionals.length}: ${positionals.join(" ")}`
    );
  }
  rejectEmpty(values, ["content", "profile", "tailoring", "dockerfile", "out", "platform"]);
  rejectEmpty(values, ["ca-file", "cache-dir", "username"]);
  const failOn = oneOf("--fail-on", values["fail-on"] ?? "medium", failOnValues);
  const timeoutText = values.timeout ?? "1800";
  if (!/^\d+$/.test(timeoutText) || Number(timeoutText) < 1) {
    throw new UsageError(
      `Expected \`--timeout\` to be a whole number of seconds \u2265 1, got \`${timeoutText}\``
    );
  }
  return {
    image: positionals[0],
    content: values.content,
    profile: values.profile,
    tailoring: values.tailoring,
    dockerfile: values.dockerfile,
    out: values.out ?? "scapgate-out",
    failOn,
    platform: values.platform,
    timeoutSeconds: Number(timeoutText),
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    caFile: values["ca-file"],
    insecureRegistries: values["insecure-registry"] ?? [],
    cacheDir: values["cache-dir"],
    username: values.username,
    passwordStdin: values["password-stdin"] === true
  };
}
async function readPasswordStdin() {
  let text2 = "";
  for await (const chunk of process.stdin) {
    text2 += chunk.toString("utf8");
    if (text2.length > 64 * 1024) break;
  }
  const password = text2.replace(/\r?\n$/, "");
  if (password === "")
    throw new ConfigurationError("Expected a password on stdin for `--password-stdin`, got nothing");
  return password;
}
async function runScan(command, io) {
  const logger = createConsoleLogger({
    stream: io.stderr,
    verbose: command.verbose,
    quiet: command.quiet
  });
  const progress = createProgress(io.stderr, command.quiet);
  let outcome;
  try {
    const sources = sourceSettings(
      {
        caFile: command.caFile === void 0 ? void 0 : resolve2(io.cwd, command.caFile),
        insecureRegistries: command.insecureRegistries,
        cacheDir: command.cacheDir === void 0 ? void 0 : resolve2(io.cwd, command.cacheDir),
        username: command.username,
        password: command.passwordStdin ? await readPasswordStdin() : void 0
      },
      io.env
    );
    outcome = await scanImage({
      ...sources,
      image: command.image,
      contentPath: command.content === void 0 ? void 0 : resolve2(io.cwd, command.content),
      profile: command.profile,
      tailoringPath: command.tailoring === void 0 ? void 0 : resolve2(io.cwd, command.tailoring),
      outDir: resolve2(io.cwd, command.out),
      failOn: command.failOn,
      platform: command.platform === void 0 ? void 0 : parsePlatform(command.platform),
      timeoutMs: command.timeoutSeconds * 1e3,
      environment: loadEnvironment(io.env),
      dockerfile: defaultDockerfile(command, io.cwd),
      cwd: io.cwd,
      toolVersion: scapgateVersion,
      logger,
      progress,
      signal: io.signal
    });
  } catch (error) {
    progress.finish();
    const code = exitCodeForError(error);
    const kind = code === ExitCode.Usage ? error instanceof ConfigurationError ? "configuration error" : "usage error" : code === ExitCode.Interrupted ? "interrupted" : "the scan could not complete";
    io.stderr.write(`scapgate: ${kind}: ${getErrorMessage(error)}
`);
    if (command.verbose && error instanceof Error && error.stack !== void 0) {
      io.stderr.write(`${error.stack}
`);
    }
    return code;
  }
  progress.finish();
  if (!command.quiet) io.stdout.write(`${outcome.summaryMarkdown}
`);
  const { verdict } = outcome;
  io.stdout.write(
    verdict.status === "pass" ? `scapgate: gate passed (${command.image})
` : `scapgate: gate FAILED (${command.image}): ${verdict.reasons.map((r) => r.message).join("; ")}
`
  );
  io.stderr.write(`Outputs in ${outcome.outDir}
`);
  return verdict.status === "pass" ? ExitCode.GatePassed : ExitCode.GateFailed;
}
var scanCommandSpec = {
  name: "scan",
  summary: "scan an image and gate on the result",
  usage,
  parse: parseScan,
  run: runScan
};

// packages/cli/src/commands/index.ts
var commands = [scanCommandSpec];

// packages/cli/src/commands/version.ts
async function printVersion(io) {
  const environment = loadEnvironment(io.env);
  const tools = await describeToolVersions(environment);
  io.stdout.write(
    [
      `scapgate ${scapgateVersion}`,
      `oscap ${tools.oscap ?? "not installed (apt-get install openscap-scanner)"}`,
      tools.dataStreams > 0 ? `scap-security-guide ${tools.contentVersion ?? "unknown version"} (${tools.dataStreams} data streams in ${tools.contentDir})` : `scap-security-guide not installed in ${tools.contentDir} (apt-get install ssg-debian ssg-nondebian)`
    ].join("\n") + "\n"
  );
}

// packages/cli/src/main.ts
function topUsage() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: scapgate COMMAND [options]

Commands
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

  scapgate COMMAND --help     options of a command
  scapgate --version          versions of scapgate, oscap and the SCAP content

Exit codes
  0  the gate passed
  1  the gate failed
  2  usage or configuration error
  3  the scan could not complete (bad image, oscap error, timeout)
  130  interrupted
`;
}
async function run2(argv, io) {
  const [first, ...rest] = argv;
  if (first === "--version" || first === "version") {
    await printVersion(io);
    return ExitCode.GatePassed;
  }
  if (first === void 0 || first === "-h" || first === "--help" || first === "help") {
    io.stdout.write(topUsage());
    return ExitCode.GatePassed;
  }
  const spec = commands.find((c) => c.name === first);
  if (spec === void 0) {
    io.stderr.write(
      `scapgate: Expected a command (${commands.map((c) => c.name).join(", ")}), got \`${first}\`

${topUsage()}`
    );
    return ExitCode.Usage;
  }
  if (rest.includes("-h") || rest.includes("--help")) {
    io.stdout.write(spec.usage);
    return ExitCode.GatePassed;
  }
  let command;
  try {
    command = spec.parse(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`scapgate ${spec.name}: ${error.message}

${spec.usage}`);
      return ExitCode.Usage;
    }
    throw error;
  }
  return spec.run(command, io);
}
async function runWrapper() {
  const controller = new AbortController();
  const onSignal = (signal) => {
    if (controller.signal.aborted) {
      process.exit(ExitCode.Interrupted);
    }
    process.stderr.write(`
scapgate: ${signal} received, cleaning up\u2026
`);
    controller.abort(new Error(signal));
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    process.exitCode = await run2(process.argv.slice(2), {
      stdout: process.stdout,
      stderr: process.stderr,
      env: process.env,
      cwd: process.cwd(),
      signal: controller.signal
    });
  } catch (error) {
    process.stderr.write(`scapgate: internal error: ${getErrorMessage(error)}
`);
    if (error instanceof Error && error.stack !== void 0 && process.env["SCAPGATE_DEBUG"] === "1") {
      process.stderr.write(`${error.stack}
`);
    }
    process.exitCode = exitCodeForError(error);
  }
}

// packages/cli/src/index.ts
void runWrapper();
