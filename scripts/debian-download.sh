#!/usr/bin/env bash
# Downloads Debian packages from another suite (trixie, unstable, …) without touching the host's
# package state: apt runs with a private sources list, lists directory and cache, and only
# `apt-get download`s. Nothing is installed; callers unpack with `dpkg -x` what runs here
# (architecture-all data such as ssg-*, static Go binaries such as cosign).
#
#   scripts/debian-download.sh SUITE DEST PACKAGE[=VERSION]...
#
# SUITE   a Debian suite name (trixie, sid, unstable, …), verified with the host's
#         debian-archive-keyring (Release files are signed; apt checks every .deb's hash).
# DEST    directory that receives the .deb files (created); the apt state lives in DEST/.apt.
# Prints the path of each downloaded .deb on stdout. Idempotent: a package already in DEST with
# the candidate version is not downloaded again. Lists are refreshed at most once an hour.
set -euo pipefail

[ $# -ge 3 ] || { echo "usage: $0 SUITE DEST PACKAGE..." >&2; exit 2; }
suite=$1 dest=$2
shift 2
[[ $suite =~ ^[a-z][a-z0-9-]*$ ]] || { echo "debian-download: SUITE must be a suite name, got '$suite'" >&2; exit 2; }
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
keyring=${DEBIAN_KEYRING:-/usr/share/keyrings/debian-archive-keyring.gpg}
[ -r "$keyring" ] || { echo "debian-download: no Debian archive keyring at $keyring (apt-get install debian-archive-keyring)" >&2; exit 3; }

state=$dest/.apt/$suite
mkdir -p "$state/lists/partial" "$state/cache/archives/partial" "$state/etc/preferences.d"
printf 'deb [signed-by=%s] %s %s main\n' "$keyring" "$mirror" "$suite" > "$state/etc/sources.list"

apt_opts=(
  -o "Dir::Etc::SourceList=$state/etc/sources.list"
  -o "Dir::Etc::SourceParts=-"
  -o "Dir::Etc::Preferences=$state/etc/preferences"
  -o "Dir::Etc::PreferencesParts=$state/etc/preferences.d"
  -o "Dir::State::Lists=$state/lists"
  -o "Dir::Cache=$state/cache"
  -o "Dir::State::status=/dev/null"
  -o "APT::Get::List-Cleanup=false"
  -o "Debug::NoLocking=true"
  -o "APT::Sandbox::User=root"
  -o "Acquire::Languages=none"
  -qq
)
: > "$state/etc/preferences"

stamp=$state/lists/.updated
if [ ! -f "$stamp" ] || [ -n "$(find "$stamp" -mmin +60)" ]; then
  apt-get "${apt_opts[@]}" update >&2
  touch "$stamp"
fi

cd "$dest"
for spec in "$@"; do
  name=${spec%%=*}
  version=$(apt-cache "${apt_opts[@]}" show --no-all-versions "$spec" 2>/dev/null | sed -n 's/^Version: //p' | head -n 1)
  [ -n "$version" ] || { echo "debian-download: $spec is not in $suite" >&2; exit 3; }
  arch=$(apt-cache "${apt_opts[@]}" show --no-all-versions "$spec" | sed -n 's/^Architecture: //p' | head -n 1)
  # Debian file names encode the epoch's colon as %3a.
  file="${name}_${version//:/%3a}_${arch}.deb"
  if [ ! -s "$file" ]; then
    apt-get "${apt_opts[@]}" download "$name=$version" >&2
  fi
  [ -s "$file" ] || { echo "debian-download: apt-get download gave no $file" >&2; exit 3; }
  printf '%s/%s\n' "$(pwd)" "$file"
done
