// The Jenkins leg of the parity test (adapters.test.ts): runs scapgateScan once in
// PARITY_WORKSPACE on docker-archive:image.tar with policy.yml, with the stand-ins of
// test/jenkins/support (groovy -cp test/jenkins/support), and prints the verdict and the build
// result as one JSON line.
import groovy.json.JsonOutput

File repo = new File(System.getenv('SCAPGATE_REPO')).canonicalFile
Map p = PipelineStandIns.create(repo, System.getenv('SCAPGATE_TEST_BIN'), [workspace: System.getenv('PARITY_WORKSPACE')])
Map verdict = p.step.call(image: 'docker-archive:image.tar', policy: 'policy.yml', scannerImage: '')
println JsonOutput.toJson([verdict: verdict, result: p.currentBuild.result])
