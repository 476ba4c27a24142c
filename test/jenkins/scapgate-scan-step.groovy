// Tests of jenkins/vars/scapgateScan.groovy under plain Groovy (no Jenkins, no Maven): the
// pipeline steps are recording stand-ins, except `sh`, which really runs, so the scapgate CLI
// scans the fixture images. Run by test/jenkins/jenkins-step.test.ts (`npm run test:jenkins`),
// which provides:
//   SCAPGATE_REPO          the repository root
//   SCAPGATE_TEST_BIN      a directory with `scapgate` (this checkout's dist/cli bundle)
//   COMPLIANT_IMAGE        docker archive that passes the standard profile at fail-on low
//   NON_COMPLIANT_IMAGE    docker archive that fails it
// Run with `groovy -cp test/jenkins/support` (the stand-ins). Prints one TAP line per test; exits
// 1 when any test fails.
String requireEnv(String name) {
  String value = System.getenv(name)
  if (!value) throw new IllegalStateException("Expected the environment variable ${name} (see the header of this file)")
  return value
}

File repo = new File(requireEnv('SCAPGATE_REPO')).canonicalFile
String testBin = requireEnv('SCAPGATE_TEST_BIN')
String compliantImage = requireEnv('COMPLIANT_IMAGE')
String nonCompliantImage = requireEnv('NON_COMPLIANT_IMAGE')

Map pipeline(File repo, String testBin, Map options = [:]) {
  return PipelineStandIns.create(repo, testBin, options)
}

List tests = []
def test = { String name, Closure body -> tests << [name: name, body: body] }
def copyImage = { Map p, String image -> new File(p.workspace, 'image.tar').bytes = new File(image).bytes }
def stepsCalled = { Map p -> p.calls*.step }

test('it fails the build and returns the failed verdict for a non-compliant image') {
  // given a workspace holding a non-compliant image, and a local scapgate install
  Map p = pipeline(repo, testBin)
  copyImage(p, nonCompliantImage)
  // when the step runs with only the image and the local install
  Map verdict = p.step.call(image: 'docker-archive:image.tar', scannerImage: '')
  // then the build is FAILURE and the verdict says why
  assert p.currentBuild.result == 'FAILURE'
  assert verdict.status == 'fail' && verdict.exitCode == 1 && !verdict.passed
  assert verdict.reasons.size() > 0
  assert verdict.counts.fail >= 2
  // and the scan ran once, with the image passed through withEnv, never in the shell text
  assert p.calls.count { it.step == 'sh' } == 1
  assert p.calls.find { it.step == 'sh' }.args.script == '"$SCAPGATE_COMMAND" scan'
  assert p.calls.find { it.step == 'withEnv' }.args*.toString().contains('SCAPGATE_IMAGE=docker-archive:image.tar')
  // and no script is written: the CLI reads the SCAPGATE_* variables itself
  assert !stepsCalled(p).contains('libraryResource') && !stepsCalled(p).contains('writeFile')
}

test('it archives the evidence and records JUnit, SARIF and the HTML report') {
  // given a non-compliant image and every optional plugin installed
  Map p = pipeline(repo, testBin)
  copyImage(p, nonCompliantImage)
  // when the step runs
  p.step.call(image: 'docker-archive:image.tar', scannerImage: '', outDir: 'reports/scapgate')
  // then the outputs are archived and exist
  assert p.calls.find { it.step == 'archiveArtifacts' }.args.artifacts == 'reports/scapgate/**'
  ['arf.xml', 'report.html', 'results.sarif', 'results.json'].each { name ->
    assert new File(p.workspace, "reports/scapgate/${name}").isFile()
  }
  // and JUnit never sets the result itself, the gate does
  if (new File(p.workspace, 'reports/scapgate/junit.xml').exists()) {
    Map junit = p.calls.find { it.step == 'junit' }.args
    assert junit.testResults == 'reports/scapgate/junit.xml' && junit.skipMarkingBuildUnstable == true
  }
  // and warnings-ng reads the SARIF
  Map issues = p.calls.find { it.step == 'recordIssues' }.args
  assert issues.tools == [[tool: 'sarif', pattern: 'reports/scapgate/results.sarif', id: 'scapgate', name: 'scapgate (OpenSCAP)']]
  // and the HTML report, with the trend's SVG beside it (history is on by default)
  assert p.calls.find { it.step == 'publishHTML' }.args.target.reportFiles == 'report.html,trend.svg'
}

test('it continues the last build\'s archived history and links findings to the commit on GitHub') {
  String sha = 'c' * 40
  Map jobEnv = [JOB_NAME: 'app', GIT_URL: 'git@github.com:acme/shop.git', GIT_COMMIT: sha]
  // given a first build of a non-compliant image
  Map first = pipeline(repo, testBin, [jobEnv: jobEnv])
  copyImage(first, nonCompliantImage)
  first.step.call(image: 'docker-archive:image.tar', scannerImage: '')
  assert first.calls.find { it.step == 'copyArtifacts' }.args.filter == 'scapgate-out/history.json'
  // and its archived history.json, as Copy Artifact brings it into the next build
  File previous = new File(first.workspace, '.scapgate/previous/history.json')
  previous.parentFile.mkdirs()
  previous.text = new File(first.workspace, 'scapgate-out/history.json').text
  // when the next build runs
  Map second = pipeline(repo, testBin, [jobEnv: jobEnv, workspace: first.workspace.path])
  second.step.call(image: 'docker-archive:image.tar', scannerImage: '')
  // then the history has both runs, the SVG is archived with it, and summary.md draws the trend
  def history = new groovy.json.JsonSlurper().parse(new File(second.workspace, 'scapgate-out/history.json'))
  assert history.entries.size() == 2
  assert history.entries.every { it.commit == sha }
  assert new File(second.workspace, 'scapgate-out/trend.svg').text.startsWith('<svg ')
  String summary = new File(second.workspace, 'scapgate-out/summary.md').text
  assert summary.contains('xychart-beta') && summary.contains('Score trend (last 2 runs)')
  // and the locations link to the file at GIT_COMMIT on GitHub, derived from GIT_URL
  assert summary.contains("](https://github.com/acme/shop/blob/${sha}/")
  assert second.calls.find { it.step == 'withEnv' }.args*.toString().contains('SCAPGATE_HISTORY=.scapgate/previous/history.json')
}

test('it leaves the build result alone and returns a passing verdict for a compliant image') {
  // given a compliant image
  Map p = pipeline(repo, testBin, [plugins: []])
  copyImage(p, compliantImage)
  // when the step runs at the strictest threshold without the optional plugins
  Map verdict = p.step.call(image: 'docker-archive:image.tar', scannerImage: '', failOn: 'low')
  // then the build stays successful and the verdict passes
  assert p.currentBuild.result == null
  assert verdict.status == 'pass' && verdict.passed && verdict.exitCode == 0
  // and the missing plugins are announced and skipped, and results.json is still read
  List echoes = p.calls.findAll { it.step == 'echo' }*.args
  assert echoes.any { it.contains('Warnings Next Generation plugin is not installed, skipping') }
  assert echoes.any { it.contains('HTML Publisher plugin is not installed, skipping') }
  assert p.calls.any { it.step == 'readFile' && it.args == 'scapgate-out/results.json' }
  assert !stepsCalled(p).contains('recordIssues')
}

test('it makes the build UNSTABLE instead when unstableOnGateFailure is set') {
  // given a non-compliant image
  Map p = pipeline(repo, testBin)
  copyImage(p, nonCompliantImage)
  // when the step runs with unstableOnGateFailure
  Map verdict = p.step.call(image: 'docker-archive:image.tar', scannerImage: '', unstableOnGateFailure: true)
  // then the build is UNSTABLE and the verdict still failed
  assert p.currentBuild.result == 'UNSTABLE'
  assert p.calls.any { it.step == 'unstable' }
  assert verdict.status == 'fail'
}

test('it stops with a clear error when the image argument is missing') {
  // given a pipeline
  Map p = pipeline(repo, testBin)
  // when the step runs without an image
  String message = null
  try { p.step.call(failOn: 'high') } catch (StepError e) { message = e.message }
  // then it fails before running anything, naming the argument and an example
  assert message == "scapgateScan: the 'image' argument is required, e.g. scapgateScan(image: 'docker-archive:build/app.tar')"
  assert !stepsCalled(p).contains('sh')
}

test('it rejects an unknown option, a bad failOn and a string of container options by name') {
  // given a pipeline
  Map p = pipeline(repo, testBin)
  // when the step gets a misspelt option, a bad threshold, then options as one string
  List messages = []
  try { p.step.call(image: 'x', fail_on: 'high') } catch (StepError e) { messages << e.message }
  try { p.step.call(image: 'x', failOn: 'critical') } catch (StepError e) { messages << e.message }
  try { p.step.call(image: 'x', containerOptions: '--privileged --net=host') } catch (StepError e) { messages << e.message }
  // then each error names what was expected and what was found
  assert messages[0].startsWith('scapgateScan: unknown option(s) fail_on; the options are image, ')
  assert messages[1] == "scapgateScan: 'failOn' must be one of low, medium, high, never (or '' for the default), got 'critical'"
  assert messages[2].startsWith("scapgateScan: 'containerOptions' must be a list of strings, one option each")
  assert !stepsCalled(p).contains('sh')
}

test('it keeps a hostile image value as data and fails the build as an incomplete scan') {
  // given a pipeline
  Map p = pipeline(repo, testBin)
  // when the image value carries shell syntax
  String message = null
  try {
    p.step.call(image: 'docker-archive:$(touch pwned-subst).tar;touch pwned-semi;`touch pwned-tick`', scannerImage: '')
  } catch (StepError e) { message = e.message }
  // then no command ran, and the unreadable image is an incomplete scan (exit 3), not a verdict
  assert !p.workspace.list().any { it.startsWith('pwned') }
  assert message == 'scapgateScan: the scan could not complete (scapgate exit code 3); see the log above'
}

test('it runs the CLI in the scanner image with the workspace mounted at the same path') {
  // given a fake docker that records its arguments, then runs the image's command locally
  Map p = pipeline(repo, testBin, [pathPrefix: File.createTempDir('scapgate-fake-docker-', '').with { dir ->
    new File(dir, 'docker').with {
      text = '#!/bin/bash\nprintf "%s\\n" "$@" > "$HOME/docker-args"\nwhile [ "$1" != "scanner.example/scapgate:1" ]; do shift; done\nshift\nexec "$@"\n'
      setExecutable(true)
    }
    dir.path
  }])
  copyImage(p, nonCompliantImage)
  // when the step runs with a scanner image
  Map verdict = p.step.call(image: 'docker-archive:image.tar', scannerImage: 'scanner.example/scapgate:1')
  // then docker ran it privileged with the workspace mounted, and the verdict came back
  List args = new File(p.workspace, 'docker-args').readLines()
  String ws = p.workspace.path
  assert args.take(6) == ['run', '--rm', '--privileged', '-v', "${ws}:${ws}".toString(), '-w']
  assert args.subList(args.indexOf('scanner.example/scapgate:1'), args.size()) ==
    ['scanner.example/scapgate:1', 'scapgate', 'scan']
  // and the scan options went in as variables, by name (their values never touch the command)
  assert args.containsAll(['-e', 'SCAPGATE_IMAGE', 'SCAPGATE_OUT', 'SCAPGATE_FAIL_ON', 'SCAPGATE_REGISTRY_PASSWORD'])
  assert args.containsAll(['-e', 'SCAPGATE_HISTORY', 'SCAPGATE_COMMIT', 'SCAPGATE_LINK_BASE'])
  assert verdict.status == 'fail'
}

int failures = 0
tests.eachWithIndex { Map t, int i ->
  try {
    t.body()
    println "ok ${i + 1} - ${t.name}"
  } catch (Throwable e) {
    failures++
    println "not ok ${i + 1} - ${t.name}"
    println e.toString().readLines().take(40).collect { "  # ${it.take(300)}" }.join('\n')
  }
}
println "1..${tests.size()}"
System.exit(failures == 0 ? 0 : 1)
