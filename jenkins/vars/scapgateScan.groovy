/**
 * scapgateScan: scans a container image with OpenSCAP through the scapgate CLI, publishes the
 * evidence and the reports, sets the build result from the gate verdict and returns the verdict.
 *
 * Usage (the library is loaded with Library Path = jenkins/, see README.md):
 *
 *   @Library('scapgate@v0.1.0') _
 *   def verdict = scapgateScan(image: 'docker-archive:build/app.tar', failOn: 'high')
 *   echo "scapgate: ${verdict.status}"
 *
 * Every option is listed, with its default, in scapgateScan.txt.
 */
def call(Map userConfig = [:]) {
  def defaultConfig = [
    // Image to scan, as the CLI reads it: docker-archive:PATH, oci-archive:PATH, oci:DIR or a
    // registry reference. Required.
    image: '',
    // Dockerfile that findings point at; '' means ./Dockerfile when the workspace has one.
    dockerfile: '',
    // XCCDF profile, full id or short name; '' means the CLI's default (standard).
    profile: '',
    // SCAP source data stream; '' means chosen from the image's /etc/os-release.
    content: '',
    // XCCDF tailoring file; '' means none.
    tailoring: '',
    // Policy file (thresholds, waivers); '' means ./scapgate.yml when the workspace has one.
    policy: '',
    // Earlier results.json, ARF or baseline file to compare with; '' means none.
    baseline: '',
    // Gate mode: 'absolute' or 'ratchet'; '' means the policy's, else absolute.
    mode: '',
    // Lowest failing severity that fails the gate: low, medium, high or never; '' means the
    // policy's threshold, else medium.
    failOn: '',
    // Also scan for known vulnerabilities with the distribution's OVAL feed (downloaded).
    cves: false,
    // Lowest CVE severity that fails the gate with cves: critical, high, medium, low or never;
    // '' means the policy's, else high.
    cveFailOn: '',
    // Sign the verdict (also a failed one) as an in-toto attestation on the scanned image digest,
    // written to outDir and attached to an image pulled from a registry (docs/attestations.md).
    attest: false,
    // With attest: id of a "Secret file" credential holding the ECDSA P-256 key (cosign's format or
    // PKCS#8 PEM); bound as SCAPGATE_ATTEST_KEY, the path of that file.
    attestKeyCredentialsId: '',
    // With attest: id of a "Secret text" credential holding an encrypted key's passphrase; ''
    // means none (an unencrypted key, or COSIGN_PASSWORD already set on the agent).
    attestPasswordCredentialsId: '',
    // Directory (in the workspace) for the outputs.
    outDir: 'scapgate-out',
    // Scanner image to run the CLI in (pin it by digest); '' runs a local install instead.
    scannerImage: 'ghcr.io/scapgate/scanner:0.1.0',
    // Container runtime on the agent: 'docker' or 'podman'.
    containerRuntime: 'docker',
    // Options for `<runtime> run`: the scan sandbox needs root and mount namespaces.
    containerOptions: ['--privileged'],
    // Local install (scannerImage: ''): the scapgate command, on PATH or a path.
    scapgateCommand: 'scapgate',
    // A failed gate makes the build UNSTABLE instead of FAILURE.
    unstableOnGateFailure: false,
    // Keep the score trend (docs/trend.md): continue the history.json archived by this job's last
    // completed build (Copy Artifact plugin) and archive history.json and trend.svg.
    history: true,
    // Blob URL of the repository root at the commit, for links from Dockerfile:3 to its line;
    // '' derives it from GIT_URL and GIT_COMMIT for github.com and gitlab.com.
    linkBase: '',
    // Archive the outputs (ARF, HTML, SARIF, results.json, summary, fixes).
    archive: true,
    // Record the SARIF with warnings-ng when that plugin is installed.
    recordIssues: true,
    // Publish OpenSCAP's HTML report with the HTML Publisher plugin when it is installed.
    publishHTML: true
  ]
  def unknown = userConfig.keySet() - defaultConfig.keySet()
  if (unknown) {
    error "scapgateScan: unknown option(s) ${unknown.sort().join(', ')}; the options are ${defaultConfig.keySet().join(', ')}"
  }
  def config = defaultConfig << userConfig

  if (!(config.image instanceof CharSequence) || !config.image.toString().trim()) {
    error "scapgateScan: the 'image' argument is required, e.g. scapgateScan(image: 'docker-archive:build/app.tar')"
  }
  if (!(config.failOn in ['', 'low', 'medium', 'high', 'never'])) {
    error "scapgateScan: 'failOn' must be one of low, medium, high, never (or '' for the default), got '${config.failOn}'"
  }
  if (!(config.cveFailOn in ['', 'critical', 'high', 'medium', 'low', 'never'])) {
    error "scapgateScan: 'cveFailOn' must be one of critical, high, medium, low, never (or '' for the default), got '${config.cveFailOn}'"
  }
  if (!(config.cves instanceof Boolean)) {
    error "scapgateScan: 'cves' must be true or false, got '${config.cves}'"
  }
  if (!(config.attest instanceof Boolean)) {
    error "scapgateScan: 'attest' must be true or false, got '${config.attest}'"
  }
  if (config.attest && !config.attestKeyCredentialsId?.toString()?.trim()) {
    error "scapgateScan: 'attest: true' needs 'attestKeyCredentialsId', the id of a Secret file credential holding the signing key"
  }
  if (!config.attest && (config.attestKeyCredentialsId || config.attestPasswordCredentialsId)) {
    error "scapgateScan: 'attestKeyCredentialsId' and 'attestPasswordCredentialsId' need 'attest: true'"
  }
  if (!(config.mode in ['', 'absolute', 'ratchet'])) {
    error "scapgateScan: 'mode' must be absolute or ratchet (or '' for the default), got '${config.mode}'"
  }
  if (!(config.containerOptions instanceof List) || config.containerOptions.any { !(it instanceof CharSequence) || it.toString().contains('\n') }) {
    error "scapgateScan: 'containerOptions' must be a list of strings, one option each, e.g. ['--privileged'], got '${config.containerOptions}'"
  }
  if (!(config.containerRuntime in ['docker', 'podman'])) {
    error "scapgateScan: 'containerRuntime' must be docker or podman, got '${config.containerRuntime}'"
  }
  String outDir = config.outDir.toString()
  if (!outDir || outDir.startsWith('/') || outDir.split('/').contains('..')) {
    error "scapgateScan: 'outDir' must be a relative path inside the workspace, got '${outDir}'"
  }

  // The scan parameters reach the CLI as the SCAPGATE_* variables it reads (docs/options.md),
  // through withEnv: every value stays data, never shell text. The script below names variables
  // only, never values.
  Map scanVariables = [
    image: 'SCAPGATE_IMAGE', dockerfile: 'SCAPGATE_DOCKERFILE', profile: 'SCAPGATE_PROFILE',
    content: 'SCAPGATE_CONTENT', tailoring: 'SCAPGATE_TAILORING', policy: 'SCAPGATE_POLICY',
    baseline: 'SCAPGATE_BASELINE', mode: 'SCAPGATE_MODE', failOn: 'SCAPGATE_FAIL_ON',
    cves: 'SCAPGATE_CVES', cveFailOn: 'SCAPGATE_CVE_FAIL_ON', attest: 'SCAPGATE_ATTEST',
    linkBase: 'SCAPGATE_LINK_BASE',
    outDir: 'SCAPGATE_OUT'
  ]
  // The reviewer's view (docs/trend.md): links to the lines at the built commit, and the trend
  // continued from the last completed build's archived history.
  config.linkBase = config.linkBase ?: derivedLinkBase(env.GIT_URL, env.GIT_COMMIT)
  String history = config.history ? previousHistory(outDir) : ''
  String commit = (env.GIT_COMMIT ?: '') ==~ /[0-9a-fA-F]{4,64}/ ? env.GIT_COMMIT : ''
  List scanEnv = scanVariables.collect { param, name -> "${name}=${param == 'outDir' ? outDir : config[param]}".toString() }
  scanEnv << "SCAPGATE_HISTORY=${history}".toString()
  scanEnv << "SCAPGATE_COMMIT=${commit}".toString()
  String script
  if (config.scannerImage) {
    // The workspace is mounted at the same path, so relative paths and the outputs line up. Root
    // and a private mount namespace are what the scan sandbox needs (docs/scanner-image.md).
    List options = config.containerOptions.findAll { it.toString() }
    options.eachWithIndex { option, i -> scanEnv << "SCAPGATE_CONTAINER_OPTION_${i}=${option}".toString() }
    scanEnv << "SCAPGATE_SCANNER_IMAGE=${config.scannerImage}".toString()
    scanEnv << "SCAPGATE_CONTAINER_RUNTIME=${config.containerRuntime}".toString()
    List passed = scanVariables.values() + ['SCAPGATE_HISTORY', 'SCAPGATE_COMMIT',
      'SCAPGATE_REGISTRY_USERNAME', 'SCAPGATE_REGISTRY_PASSWORD']
    List mounts = ['-v "$PWD:$PWD" -w "$PWD"']
    if (config.attest) {
      // The key file is mounted read-only at its own path, which SCAPGATE_ATTEST_KEY names.
      passed += ['SCAPGATE_ATTEST_KEY', 'COSIGN_PASSWORD']
      mounts << '-v "$SCAPGATE_ATTEST_KEY:$SCAPGATE_ATTEST_KEY:ro"'
    }
    script = (['"$SCAPGATE_CONTAINER_RUNTIME" run --rm'] +
      options.indices.collect { "\"\$SCAPGATE_CONTAINER_OPTION_${it}\"" } +
      mounts + passed.collect { "-e ${it}" } +
      ['"$SCAPGATE_SCANNER_IMAGE" scapgate scan']).join(' ')
  } else {
    scanEnv << "SCAPGATE_COMMAND=${config.scapgateCommand}".toString()
    script = '"$SCAPGATE_COMMAND" scan'
  }
  int status
  if (config.attest) {
    // The key and its passphrase reach the CLI as credential bindings (masked in the log), never
    // as step arguments or values in the script: SCAPGATE_ATTEST_KEY is the path of the key file
    // Jenkins writes outside the workspace, COSIGN_PASSWORD the passphrase.
    List bindings = [file(credentialsId: config.attestKeyCredentialsId, variable: 'SCAPGATE_ATTEST_KEY')]
    if (config.attestPasswordCredentialsId) {
      bindings << string(credentialsId: config.attestPasswordCredentialsId, variable: 'COSIGN_PASSWORD')
    }
    withCredentials(bindings) {
      withEnv(scanEnv) {
        status = sh(script: script, returnStatus: true, label: 'scapgate scan')
      }
    }
  } else {
    withEnv(scanEnv) {
      status = sh(script: script, returnStatus: true, label: 'scapgate scan')
    }
  }

  publishOutputs(config, outDir)
  if (status != 0 && status != 1) {
    error "scapgateScan: the scan could not complete (scapgate exit code ${status}); see the log above"
  }

  Map results = readResults("${outDir}/results.json")
  Map gate = results.gate instanceof Map ? results.gate : [:]
  Map verdict = [
    status: gate.status ?: (status == 0 ? 'pass' : 'fail'),
    passed: status == 0,
    exitCode: status,
    reasons: gate.reasons ?: [],
    score: results.score,
    counts: results.counts ?: [:],
    outDir: outDir
  ]
  if (status == 1) {
    String message = "scapgateScan: the compliance gate failed for ${config.image}; see ${outDir}/summary.md"
    if (config.unstableOnGateFailure) {
      unstable message
    } else {
      echo message
      currentBuild.result = 'FAILURE'
    }
  }
  return verdict
}

/**
 * The history to continue: this job's last completed build's archived history.json, copied to
 * .scapgate/previous/ with the Copy Artifact plugin; without the plugin or a previous history the
 * path does not exist and the scan starts a new one.
 */
private String previousHistory(String outDir) {
  String target = '.scapgate/previous'
  try {
    copyArtifacts projectName: env.JOB_NAME, selector: lastCompleted(), filter: "${outDir}/history.json",
      target: target, optional: true, flatten: true
  } catch (NoSuchMethodError ignored) {
    echo '[WARNING] scapgateScan: the Copy Artifact plugin is not installed; the trend starts anew with each build'
  }
  return "${target}/history.json"
}

/**
 * https://github.com/O/R/blob/SHA/ (or gitlab.com's /-/blob/) from the checkout's remote; ''
 * otherwise. String operations only (no Matcher kept in a CPS frame).
 */
static String derivedLinkBase(String gitUrl, String commit) {
  if (!gitUrl || !(commit ==~ /[0-9a-fA-F]{7,64}/)) return ''
  String rest = gitUrl.replaceFirst(/^(https:\/\/|ssh:\/\/git@|git@)/, '')
  if (rest == gitUrl) return ''
  String host = ['github.com', 'gitlab.com'].find { rest.startsWith(it + ':') || rest.startsWith(it + '/') }
  if (!host) return ''
  String path = rest.substring(host.length() + 1).replaceAll(/\/$/, '').replaceAll(/\.git$/, '')
  if (!(path ==~ /[\w.-]+(\/[\w.-]+)+/)) return ''
  return host == 'github.com' ? "https://github.com/${path}/blob/${commit}/" : "https://gitlab.com/${path}/-/blob/${commit}/"
}

/** Archives the outputs and hands them to the report plugins that are installed. */
private void publishOutputs(Map config, String outDir) {
  if (config.archive) {
    archiveArtifacts artifacts: "${outDir}/**", allowEmptyArchive: true, fingerprint: false
  }
  if (fileExists("${outDir}/junit.xml")) {
    // The gate sets the build result, not the number of failing rules.
    junit testResults: "${outDir}/junit.xml", allowEmptyResults: true, skipMarkingBuildUnstable: true
  }
  if (config.recordIssues && fileExists("${outDir}/results.sarif")) {
    try {
      recordIssues enabledForFailure: true, skipBlames: true,
        tools: [sarif(pattern: "${outDir}/results.sarif", id: 'scapgate', name: 'scapgate (OpenSCAP)')]
    } catch (NoSuchMethodError ignored) {
      echo '[WARNING] scapgateScan: the Warnings Next Generation plugin is not installed, skipping recordIssues'
    }
  }
  if (config.publishHTML && fileExists("${outDir}/report.html")) {
    try {
      String files = fileExists("${outDir}/trend.svg") ? 'report.html,trend.svg' : 'report.html'
      publishHTML target: [reportDir: outDir, reportFiles: files, reportName: 'OpenSCAP report',
                           keepAll: true, alwaysLinkToLastBuild: false, allowMissing: true]
    } catch (NoSuchMethodError ignored) {
      echo '[WARNING] scapgateScan: the HTML Publisher plugin is not installed, skipping publishHTML'
    }
  }
}

/** results.json as a Map: readJSON (Pipeline Utility Steps) when installed, else JsonSlurperClassic. */
private Map readResults(String path) {
  if (!fileExists(path)) {
    error "scapgateScan: scapgate exited without writing ${path}"
  }
  try {
    return readJSON(file: path) as Map
  } catch (NoSuchMethodError ignored) {
    return new groovy.json.JsonSlurperClassic().parseText(readFile(file: path)) as Map
  }
}
