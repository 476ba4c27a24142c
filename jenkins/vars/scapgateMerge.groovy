/**
 * scapgateMerge: the fan-in of a fleet scanned in `parallel` stages (docs/fleets.md). Runs
 * `scapgate merge` over the stages' output directories, archives the merged summary.md and
 * results.json, sets the build result from the fleet's verdict and returns it.
 *
 *   def shards = readFile('shards.txt').readLines()      // scapgate plan --format jenkins
 *   parallel shards.withIndex().collectEntries { line, i ->
 *     ["shard ${i + 1}": { node { scapgateScan(image: line.split(' ')[0], outDir: "fleet/shard-${i + 1}"); stash name: "fleet-${i + 1}", includes: "fleet/shard-${i + 1}/**" } }]
 *   }
 *   shards.size().times { unstash "fleet-${it + 1}" }
 *   def fleet = scapgateMerge(dirs: ['fleet'], images: shards.collectMany { it.split(' ') as List })
 *
 * Values reach the CLI as files and environment variables, never as shell text. Runs a local
 * scapgate install (`scapgateCommand`): merging needs no root and no OpenSCAP.
 */
def call(Map userConfig = [:]) {
  def defaultConfig = [
    // Directories (in the workspace) holding the stages' output sets. Required.
    dirs: [],
    // Images the plan scheduled: each must have results, or the fleet is incomplete.
    images: [],
    // Directory (in the workspace) for the merged summary.md and results.json.
    outDir: 'scapgate-fleet',
    // Merge results of different commits or policies (refused by default).
    allowMixed: false,
    // The scapgate command, on PATH or a path.
    scapgateCommand: 'scapgate',
    // A failed fleet gate makes the build UNSTABLE instead of FAILURE.
    unstableOnGateFailure: false,
    // Archive the merged outputs.
    archive: true
  ]
  def unknown = userConfig.keySet() - defaultConfig.keySet()
  if (unknown) {
    error "scapgateMerge: unknown option(s) ${unknown.sort().join(', ')}; the options are ${defaultConfig.keySet().join(', ')}"
  }
  def config = defaultConfig << userConfig
  def lines = { String name, value ->
    if (!(value instanceof List) || value.any { !(it instanceof CharSequence) || !it.toString().trim() || it.toString().contains('\n') }) {
      error "scapgateMerge: '${name}' must be a list of non-empty single-line strings, got '${value}'"
    }
    return value.collect { it.toString() }
  }
  List dirs = lines('dirs', config.dirs)
  if (dirs.isEmpty()) {
    error "scapgateMerge: 'dirs' is required, e.g. scapgateMerge(dirs: ['fleet'])"
  }
  List images = lines('images', config.images)
  if (!(config.allowMixed instanceof Boolean)) {
    error "scapgateMerge: 'allowMixed' must be true or false, got '${config.allowMixed}'"
  }
  String outDir = config.outDir.toString()
  if (!outDir || outDir.startsWith('/') || outDir.split('/').contains('..')) {
    error "scapgateMerge: 'outDir' must be a relative path inside the workspace, got '${outDir}'"
  }

  // Each directory and image on its own line; xargs -d '\n' turns lines into arguments unchanged.
  writeFile file: '.scapgate/merge-dirs.txt', text: dirs.collect { "${it}\n" }.join('')
  writeFile file: '.scapgate/merge-images.txt', text: images.collect { "${it}\n" }.join('')
  int status
  withEnv([
    "SCAPGATE_COMMAND=${config.scapgateCommand}",
    "SCAPGATE_OUT=${outDir}",
    // The option table's variable (docs/options.md), read by `scapgate merge` itself.
    "SCAPGATE_ALLOW_MIXED=${config.allowMixed ? 'true' : 'false'}"
  ]) {
    status = sh(
      script: 'xargs -d \'\\n\' -a .scapgate/merge-dirs.txt "$SCAPGATE_COMMAND" merge --images .scapgate/merge-images.txt --out "$SCAPGATE_OUT" --quiet',
      returnStatus: true,
      label: 'scapgate merge'
    )
  }
  // xargs reports the command's exit code 1-125 as 123.
  if (config.archive && fileExists("${outDir}/results.json")) {
    archiveArtifacts artifacts: "${outDir}/**", allowEmptyArchive: true, fingerprint: false
  }
  if (!fileExists("${outDir}/results.json")) {
    error "scapgateMerge: scapgate merge wrote no ${outDir}/results.json (exit code ${status}); see the log above"
  }
  Map fleet = readFleet("${outDir}/results.json")
  Map gate = fleet.gate instanceof Map ? fleet.gate : [:]
  String verdict = gate.status in ['pass', 'fail', 'incomplete'] ? gate.status : 'incomplete'
  if (verdict != 'pass') {
    String message = "scapgate: fleet gate ${verdict == 'fail' ? 'failed' : 'failed: not every image was judged'} (${gate.summary ?: ''})"
    if (config.unstableOnGateFailure && verdict == 'fail') {
      unstable message
    } else {
      currentBuild.result = 'FAILURE'
      echo message
    }
  }
  return [
    status: verdict,
    passed: verdict == 'pass',
    exitCode: verdict == 'pass' ? 0 : verdict == 'fail' ? 1 : 3,
    summary: gate.summary,
    counts: gate.counts,
    images: fleet.images
  ]
}

/** The merged results.json: readJSON when installed, else JsonSlurperClassic. */
private Map readFleet(String path) {
  try {
    return readJSON(file: path) as Map
  } catch (NoSuchMethodError ignored) {
    return new groovy.json.JsonSlurperClassic().parseText(readFile(file: path)) as Map
  }
}
