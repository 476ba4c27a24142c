// Tests of jenkins/vars/scapgateMerge.groovy under plain Groovy, like scapgate-scan-step.groovy:
// two "parallel stages" run the real scapgateScan into their own directories of one workspace
// (as after unstash), then scapgateMerge merges them into the fleet's verdict. `sh` really runs.
String requireEnv(String name) {
  String value = System.getenv(name)
  if (!value) throw new IllegalStateException("Expected the environment variable ${name} (see scapgate-scan-step.groovy)")
  return value
}

File repo = new File(requireEnv('SCAPGATE_REPO')).canonicalFile
String testBin = requireEnv('SCAPGATE_TEST_BIN')
String compliantImage = requireEnv('COMPLIANT_IMAGE')
String nonCompliantImage = requireEnv('NON_COMPLIANT_IMAGE')

List tests = []
def test = { String name, Closure body -> tests << [name: name, body: body] }

File workspace = File.createTempDir('scapgate-jenkins-fleet-', '')
new File(workspace, 'api.tar').bytes = new File(compliantImage).bytes
new File(workspace, 'web.tar').bytes = new File(nonCompliantImage).bytes
// the two parallel stages
['api', 'web'].each { name ->
  Map stage = PipelineStandIns.create(repo, testBin, [workspace: workspace.path])
  stage.step.call(image: "docker-archive:${name}.tar", scannerImage: '', failOn: 'low', outDir: "fleet/${name}", publishHTML: false, recordIssues: false)
}

test('it merges the parallel stages into one failed verdict and fails the build') {
  Map p = PipelineStandIns.create(repo, testBin, [workspace: workspace.path, stepFile: 'jenkins/vars/scapgateMerge.groovy'])
  Map fleet = p.step.call(dirs: ['fleet'], images: ['docker-archive:api.tar', 'docker-archive:web.tar'])
  assert fleet.status == 'fail' && !fleet.passed && fleet.exitCode == 1
  assert fleet.counts == [images: 2, passed: 1, failed: 1, incomplete: 0]
  assert p.currentBuild.result == 'FAILURE'
  assert new File(workspace, 'scapgate-fleet/summary.md').text.contains('Compliance gate failed')
  assert p.calls.find { it.step == 'archiveArtifacts' }.args.artifacts == 'scapgate-fleet/**'
  // the values went through files, never through the shell text
  assert !p.calls.find { it.step == 'sh' }.args.script.contains('fleet')
}

test('it never passes a fleet with a planned image that has no results') {
  Map p = PipelineStandIns.create(repo, testBin, [workspace: workspace.path, stepFile: 'jenkins/vars/scapgateMerge.groovy'])
  Map fleet = p.step.call(dirs: ['fleet/api'], images: ['docker-archive:api.tar', 'docker-archive:db.tar'], outDir: 'fleet-partial', unstableOnGateFailure: true)
  assert fleet.status == 'incomplete' && fleet.exitCode == 3
  // incomplete is never merely unstable
  assert p.currentBuild.result == 'FAILURE'
}

test('it refuses bad options before running anything') {
  Map p = PipelineStandIns.create(repo, testBin, [workspace: workspace.path, stepFile: 'jenkins/vars/scapgateMerge.groovy'])
  try {
    p.step.call(dirs: ['fleet\ntouch pwned'])
    assert false : 'expected an error'
  } catch (StepError e) {
    assert e.message.contains("'dirs' must be a list of non-empty single-line strings")
  }
  assert !p.calls.any { it.step == 'sh' }
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
