// Tests of the `attest` options of jenkins/vars/scapgateScan.groovy, as scapgate-scan-step.groovy
// (same stand-ins, `sh` really runs the CLI). Its own script so that each file's scans stay
// within one test's time. Besides the variables of scapgate-scan-step.groovy it needs:
//   NON_COMPLIANT_OCI_IMAGE   the non-compliant image as an OCI archive (it has a manifest digest)
//   ATTEST_KEY_PEM            an encrypted PKCS#8 P-256 key, ATTEST_KEY_PASSWORD its passphrase
String requireEnv(String name) {
  String value = System.getenv(name)
  if (!value) throw new IllegalStateException("Expected the environment variable ${name} (see the header of this file)")
  return value
}

File repo = new File(requireEnv('SCAPGATE_REPO')).canonicalFile
String testBin = requireEnv('SCAPGATE_TEST_BIN')

Map pipeline(File repo, String testBin, Map options = [:]) {
  return PipelineStandIns.create(repo, testBin, options)
}

List tests = []
def test = { String name, Closure body -> tests << [name: name, body: body] }

test('it signs the failed verdict with attest and the key and passphrase credentials') {
  // given the non-compliant image as an OCI archive (it has a manifest digest) and a key credential
  Map p = pipeline(repo, testBin, [credentials: ['scapgate-key': requireEnv('ATTEST_KEY_PEM'), 'scapgate-key-pass': requireEnv('ATTEST_KEY_PASSWORD')]])
  new File(p.workspace, 'image.oci.tar').bytes = new File(requireEnv('NON_COMPLIANT_OCI_IMAGE')).bytes
  // when the step runs with attest
  Map verdict = p.step.call(image: 'oci-archive:image.oci.tar', scannerImage: '', attest: true,
                            attestKeyCredentialsId: 'scapgate-key', attestPasswordCredentialsId: 'scapgate-key-pass')
  // then the gate failed and the verdict is signed FAILED on the scanned digest
  assert verdict.status == 'fail' && verdict.exitCode == 1
  Map results = new groovy.json.JsonSlurper().parse(new File(p.workspace, 'scapgate-out/results.json'))
  Map bundle = new groovy.json.JsonSlurper().parse(new File(p.workspace, 'scapgate-out/attestation.sigstore.json'))
  Map statement = new groovy.json.JsonSlurper().parseText(new String(bundle.dsseEnvelope.payload.decodeBase64(), 'UTF-8'))
  assert statement.predicate.result == 'FAILED'
  assert "sha256:${statement.subject[0].digest.sha256}".toString() == results.image.manifestDigest
  // and the key and passphrase came only through credential bindings, never arguments or the log
  assert p.calls.find { it.step == 'withCredentials' }.args*.credentialsId == ['scapgate-key', 'scapgate-key-pass']
  String keyLine = requireEnv('ATTEST_KEY_PEM').readLines()[1]
  String recorded = p.calls.findAll { it.step != 'withCredentials' }*.args.toString() + p.log.toString()
  assert !recorded.contains(keyLine) && !recorded.contains(requireEnv('ATTEST_KEY_PASSWORD'))
}

test('it mounts the key file read-only into the scanner container and passes its path by name') {
  // given a fake docker that records its arguments, then runs the image's command locally
  Map p = pipeline(repo, testBin, [
    credentials: ['scapgate-key': requireEnv('ATTEST_KEY_PEM'), 'scapgate-key-pass': requireEnv('ATTEST_KEY_PASSWORD')],
    pathPrefix: File.createTempDir('scapgate-fake-docker-', '').with { dir ->
      new File(dir, 'docker').with {
        text = '#!/bin/bash\nprintf "%s\\n" "$@" > "$HOME/docker-args"\nwhile [ "$1" != "scanner.example/scapgate:1" ]; do shift; done\nshift\nexec "$@"\n'
        setExecutable(true)
      }
      dir.path
    }])
  new File(p.workspace, 'image.oci.tar').bytes = new File(requireEnv('NON_COMPLIANT_OCI_IMAGE')).bytes
  // when the step runs with attest in a scanner image
  Map verdict = p.step.call(image: 'oci-archive:image.oci.tar', scannerImage: 'scanner.example/scapgate:1', attest: true,
                            attestKeyCredentialsId: 'scapgate-key', attestPasswordCredentialsId: 'scapgate-key-pass')
  // then the key file (outside the workspace) is mounted read-only at its path, and the path and
  // the passphrase go in by variable name only
  List args = new File(p.workspace, 'docker-args').readLines()
  List mounts = args.indices.findAll { args[it] == '-v' }.collect { args[it + 1] }
  String keyMount = mounts.find { it.endsWith(':ro') }
  assert keyMount != null && keyMount ==~ /(.+):\1:ro/ && !keyMount.startsWith(p.workspace.path)
  assert args.containsAll(['SCAPGATE_ATTEST', 'SCAPGATE_ATTEST_KEY', 'COSIGN_PASSWORD'])
  String keyLine = requireEnv('ATTEST_KEY_PEM').readLines()[1]
  assert !args.toString().contains(keyLine) && !args.toString().contains(requireEnv('ATTEST_KEY_PASSWORD'))
  // and the verdict is signed
  assert verdict.status == 'fail'
  Map bundle = new groovy.json.JsonSlurper().parse(new File(p.workspace, 'scapgate-out/attestation.sigstore.json'))
  Map statement = new groovy.json.JsonSlurper().parseText(new String(bundle.dsseEnvelope.payload.decodeBase64(), 'UTF-8'))
  assert statement.predicate.result == 'FAILED'
}

test('it refuses attest without a key credential, naming the option') {
  Map p = pipeline(repo, testBin)
  String message = null
  try { p.step.call(image: 'x', attest: true) } catch (StepError e) { message = e.message }
  assert message == "scapgateScan: 'attest: true' needs 'attestKeyCredentialsId', the id of a Secret file credential holding the signing key"
  assert !p.calls*.step.contains('sh')
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
