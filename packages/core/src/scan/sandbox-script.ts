/**
 * The POSIX shell script that builds the disposable sandbox root and runs one command in it.
 *
 * It runs as root inside `unshare --mount --net --ipc --uts --pid --fork` (see `sandbox.ts`), so
 * every mount below disappears with the namespace. Every value arrives as argv and is only ever
 * expanded inside double quotes: nothing the image or the caller controls becomes shell text.
 *
 * Why a sandbox at all: OpenSCAP's path-prefix probes resolve image symlinks against the root
 * filesystem of the oscap process (`docs/reference/security.md` §2.1). Here that root is a tmpfs holding only
 * read-only binds of `/usr/{bin,sbin,lib,lib64}`, `/usr/share/openscap`, a few `/dev` nodes and
 * files we wrote ourselves, so an image link to `/etc/shadow`, `/root/…` or `/proc/self/environ`
 * finds nothing or finds our own harmless files.
 *
 * Layout inside the sandbox:
 * - `/scan`: overlay, lower = the extracted root (read-only bind), upper = tmpfs holding `/.dockerenv`;
 * - `/scapgate/input/content.xml`, `/scapgate/input/tailoring.xml`: read-only binds of single files;
 * - `/out`: the only writable host directory;
 * - `/scapgate/apt.conf`, `/scapgate/home/.rpmmacros`: the `docs/reference/openscap.md` §5 and §6 workarounds;
 *   `APT_CONFIG` is set only when the environment variable `SCAPGATE_APT_CONFIG` is `1` (it is
 *   always set, to `0` or `1`).
 * - OpenSCAP's SCE plugin covered by an empty file, and `OSCAP_CHECK_ENGINE_PLUGIN_DIR` pointing
 *   at an empty directory: no Script Check Engine, whatever the content says.
 *
 * Arguments: `$1` mount point (an empty host directory), `$2` image root or '', `$3` input file or
 * '', `$4` tailoring file or '', `$5` output directory, `$6` rpm `%_dbpath`, `$7`
 * `OSCAP_CONTAINER_VARS`, `$8` `OSCAP_EVALUATION_TARGET`, then the command and its arguments.
 * One value arrives through the script's environment instead, `SCAPGATE_UPPER_FILES`: a private
 * host directory whose contents are copied into the overlay's upper layer, or '' (see
 * `packages/upper-layer.ts`); the command never sees it (`env -i`).
 * Exit code 125 means the sandbox itself could not be built; stderr lines start with
 * `scapgate-sandbox:`.
 */
export const SANDBOX_SCRIPT = String.raw`set -u
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
# The Script Check Engine plugin (libopenscap_sce.so.*) is covered by an empty file: content never
# gets to run a script, even if an SCE check slipped past strip-sce.ts and the plugin-dir override.
: > "$m/empty" || fail 'cannot create the empty file'
for d in usr/lib usr/lib64 lib lib64; do
  if [ -d "$s/$d" ] && [ ! -L "$s/$d" ]; then
    for f in "$s/$d"/libopenscap_sce.so* "$s/$d"/*/libopenscap_sce.so*; do
      if [ -f "$f" ] && [ ! -L "$f" ]; then robind "$m/empty" "$f"; fi
    done
  fi
done
for f in null zero random urandom; do
  : > "$s/dev/$f" || fail "cannot create /dev/$f"
  mount --bind "/dev/$f" "$s/dev/$f" || fail "cannot bind /dev/$f"
done
if [ -f /etc/ld.so.cache ]; then cp /etc/ld.so.cache "$s/etc/ld.so.cache" || fail 'cannot copy ld.so.cache'; fi
printf 'root:x:0:0:root:/scapgate/home:/bin/sh\n' > "$s/etc/passwd"
printf 'root:x:0:\n' > "$s/etc/group"
apt_config=
if [ "$SCAPGATE_APT_CONFIG" = 1 ]; then
  apt_config=/scapgate/apt.conf
  printf 'Dir::Etc::parts "/scapgate/apt-parts";\nDir::Cache "/nonexistent-oscap-apt-cache/";\n' > "$s$apt_config"
fi
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
  # Files scapgate adds to the image's view (issue 12: an assembled dpkg status, image-config facts):
  # a private host directory, copied into the tmpfs upper layer; the image's own files stay untouched.
  if [ -n "$SCAPGATE_UPPER_FILES" ]; then
    cp -a "$SCAPGATE_UPPER_FILES/." ovl/upper/ || fail 'cannot add files to the upper layer'
  fi
  # Relative option paths: the host paths may contain ',' or ':', which overlay options cannot escape.
  # redirect_dir=nofollow, metacopy=off: ignore overlay xattrs an image may carry (kernels < 4.19 lack them).
  mount -t overlay -o lowerdir=lower,upperdir=ovl/upper,workdir=ovl/work,redirect_dir=nofollow,metacopy=off,nosuid,nodev scapgate-scan "$s/scan" 2>/dev/null ||
    mount -t overlay -o lowerdir=lower,upperdir=ovl/upper,workdir=ovl/work,nosuid,nodev scapgate-scan "$s/scan" || fail 'cannot mount the overlay'
  probe_root=/scan
fi
cd / || fail 'cannot leave the sandbox mount point'
if [ -n "$probe_root" ]; then
  # env(1) takes leading NAME=VALUE operands as assignments, so this one joins those below.
  if [ -n "$apt_config" ]; then set -- "APT_CONFIG=$apt_config" "$@"; fi
  exec env -i "$chroot_bin" "$s" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/scapgate/home \
    OSCAP_CHECK_ENGINE_PLUGIN_DIR=/scapgate/no-plugins \
    OSCAP_PROBE_ROOT="$probe_root" OSCAP_CONTAINER_VARS="$cvars" OSCAP_EVALUATION_TARGET="$target" \
    "$@"
fi
exec env -i "$chroot_bin" "$s" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 HOME=/scapgate/home \
  OSCAP_CHECK_ENGINE_PLUGIN_DIR=/scapgate/no-plugins "$@"
`
