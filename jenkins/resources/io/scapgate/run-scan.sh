#!/usr/bin/env bash
# Runs `scapgate scan` for the scapgateScan step (vars/scapgateScan.groovy), either inside the
# scanner image or with a local install. Parameters arrive as environment variables (the step
# sets them with withEnv), so every value reaches the CLI as one argv element and is never
# evaluated by a shell.
#
#   SCAPGATE_IMAGE (required) SCAPGATE_OUT (required) SCAPGATE_DOCKERFILE SCAPGATE_PROFILE
#   SCAPGATE_CONTENT SCAPGATE_TAILORING SCAPGATE_POLICY SCAPGATE_BASELINE SCAPGATE_MODE
#   SCAPGATE_FAIL_ON SCAPGATE_CVES (true|false) SCAPGATE_CVE_FAIL_ON
#   SCAPGATE_ATTEST (true|false) SCAPGATE_ATTEST_KEY_FILE (the key credential's file)
#   COSIGN_PASSWORD (the key's passphrase, when encrypted)
#   SCAPGATE_SCANNER_IMAGE       run in this image ('' = local install)
#   SCAPGATE_CONTAINER_RUNTIME   docker or podman
#   SCAPGATE_CONTAINER_OPTIONS   extra `run` options, one per line (default --privileged)
#   SCAPGATE_COMMAND             local install: path of the scapgate command
# Exit status: the CLI's (0 pass, 1 gate failed, 2 usage, 3 scan incomplete).
set -uo pipefail

: "${SCAPGATE_IMAGE:?the image to scan}" "${SCAPGATE_OUT:?the output directory}"
args=(scan "$SCAPGATE_IMAGE" --out "$SCAPGATE_OUT")
# Adds `FLAG VALUE` when VALUE is not empty (empty means "the CLI's default").
flag() { if [ -n "$2" ]; then args+=("$1" "$2"); fi; }
flag --dockerfile "${SCAPGATE_DOCKERFILE:-}"
flag --content "${SCAPGATE_CONTENT:-}"
flag --tailoring "${SCAPGATE_TAILORING:-}"
flag --policy "${SCAPGATE_POLICY:-}"
flag --baseline "${SCAPGATE_BASELINE:-}"
flag --profile "${SCAPGATE_PROFILE:-}"
flag --mode "${SCAPGATE_MODE:-}"
flag --fail-on "${SCAPGATE_FAIL_ON:-}"
if [ "${SCAPGATE_CVES:-false}" = true ]; then args+=(--cves); fi
flag --cve-fail-on "${SCAPGATE_CVE_FAIL_ON:-}"
if [ "${SCAPGATE_ATTEST:-false}" = true ]; then
  : "${SCAPGATE_ATTEST_KEY_FILE:?the file of the signing key credential}"
  # The key travels by environment (also into the container), never on a command line.
  SCAPGATE_ATTEST_KEY=$(cat -- "$SCAPGATE_ATTEST_KEY_FILE") || exit 2
  export SCAPGATE_ATTEST_KEY
  args+=(--attest --attest-key env://SCAPGATE_ATTEST_KEY)
fi

if [ -z "${SCAPGATE_SCANNER_IMAGE:-}" ]; then
  exec "${SCAPGATE_COMMAND:-scapgate}" "${args[@]}"
fi

# The workspace is mounted at the same path, so relative paths and the outputs line up. Root and
# a private mount namespace are what the scan sandbox needs (see docs/scanner-image.md).
options=()
while IFS= read -r line; do
  if [ -n "$line" ]; then options+=("$line"); fi
done <<< "${SCAPGATE_CONTAINER_OPTIONS---privileged}"
exec "${SCAPGATE_CONTAINER_RUNTIME:-docker}" run --rm "${options[@]}" \
  -v "$PWD:$PWD" -w "$PWD" \
  -e SCAPGATE_REGISTRY_USERNAME -e SCAPGATE_REGISTRY_PASSWORD -e SCAPGATE_ATTEST_KEY -e COSIGN_PASSWORD \
  "$SCAPGATE_SCANNER_IMAGE" scapgate "${args[@]}"
