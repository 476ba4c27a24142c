/**
 * dpkg's architecture tables (`/usr/share/dpkg/cputable`, `tupletable`), trimmed to the Linux
 * architectures Debian and Ubuntu release. libapt needs them to open a dpkg database, so OpenSCAP's
 * dpkginfo probe fails ("dpkginfo_init has failed") on images that lack them, which is every
 * distroless image (dpkg itself is not installed there). scapgate adds them through the sandbox's
 * upper layer only when the image has none. The rows are dpkg 1.21's, unchanged.
 */
export const DPKG_CPUTABLE_PATH = '/usr/share/dpkg/cputable'
export const DPKG_TUPLETABLE_PATH = '/usr/share/dpkg/tupletable'

export const DPKG_CPUTABLE = [
  'amd64\t\tx86_64\t\t(amd64|x86_64)\t\t64\tlittle',
  'arm\t\tarm\t\tarm.*\t\t\t32\tlittle',
  'arm64\t\taarch64\t\taarch64\t\t\t64\tlittle',
  'i386\t\ti686\t\t(i[34567]86|pentium)\t32\tlittle',
  'mips64el\tmips64el\tmips64el\t\t64\tlittle',
  'ppc64el\t\tpowerpc64le\tpowerpc64le\t\t64\tlittle',
  'riscv64\t\triscv64\t\triscv64\t\t\t64\tlittle',
  's390x\t\ts390x\t\ts390x\t\t\t64\tbig',
  ''
].join('\n')

export const DPKG_TUPLETABLE = [
  'eabihf-gnu-linux-arm\t\tarmhf',
  'eabi-gnu-linux-arm\t\tarmel',
  'abi64-gnu-linux-mips64el\tmips64el',
  'base-gnu-linux-<cpu>\t\t<cpu>',
  ''
].join('\n')
