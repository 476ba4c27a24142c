// Recording stand-ins for the Jenkins pipeline steps scapgateScan uses, around the real step
// (jenkins/vars/scapgateScan.groovy). `sh` really runs bash in the workspace with the withEnv
// environment; the steps of optional plugins that are not "installed" throw NoSuchMethodError,
// as Jenkins does. Used by test/jenkins/*.groovy and test/parity/ (groovy -cp test/jenkins/support).
import groovy.json.JsonSlurper

class PipelineStandIns {
  static final List ALL_PLUGINS = ['warnings-ng', 'htmlpublisher', 'pipeline-utility-steps', 'copyartifact']

  /**
   * Options: plugins (installed optional plugins, default all), pathPrefix (prepended to PATH),
   * workspace (a directory; default a new temp dir), stepFile (default
   * jenkins/vars/scapgateScan.groovy), credentials (id → secret text; a `file` binding writes it
   * to a file outside the workspace, as Jenkins does).
   * Returns [step, calls, currentBuild, workspace, log].
   */
  static Map create(File repo, String testBin, Map options = [:]) {
    Set plugins = (options.containsKey('plugins') ? options.plugins : ALL_PLUGINS) as Set
    File workspace = options.workspace ? new File(options.workspace.toString()) : File.createTempDir('scapgate-jenkins-', '')
    List calls = []
    Map currentBuild = [result: null]
    Map env = [PATH: "${options.pathPrefix ? options.pathPrefix + ':' : ''}${testBin}:${System.getenv('PATH')}".toString(),
               HOME: workspace.path]
    StringBuilder log = new StringBuilder()
    def missing = { String step -> { Object... args -> throw new NoSuchMethodError("No such DSL method '${step}' found among steps") } }
    def binding = new Binding(
      currentBuild: currentBuild,
      // The job's variables as the step reads them (`env.GIT_URL`); options.jobEnv sets them.
      env: new HashMap(options.jobEnv ?: [JOB_NAME: 'app']),
      sh: { Map args ->
        calls << [step: 'sh', args: args]
        def builder = new ProcessBuilder(['bash', '-c', args.script]).directory(workspace).redirectErrorStream(true)
        builder.environment().clear()
        builder.environment().putAll(env)
        def process = builder.start()
        log << process.inputStream.text
        int code = process.waitFor()
        if (args.returnStatus) return code
        if (code != 0) throw new StepError("script returned exit code ${code}")
        return null
      },
      withEnv: { List entries, Closure body ->
        calls << [step: 'withEnv', args: entries]
        Map saved = new HashMap(env)
        entries.each { entry ->
          String text = entry.toString()
          int at = text.indexOf('=')
          env[text.substring(0, at)] = text.substring(at + 1)
        }
        try { return body() } finally { env.clear(); env.putAll(saved) }
      },
      file: { Map args -> [kind: 'file'] + args },
      string: { Map args -> [kind: 'string'] + args },
      withCredentials: { List bindings, Closure body ->
        calls << [step: 'withCredentials', args: bindings]
        Map saved = new HashMap(env)
        bindings.each { binding ->
          String secret = (options.credentials ?: [:])[binding.credentialsId]
          if (secret == null) throw new StepError("Could not find credentials entry with ID '${binding.credentialsId}'")
          if (binding.kind == 'file') {
            File secretFile = File.createTempFile('secret-', '.key')
            secretFile.deleteOnExit()
            secretFile.text = secret
            env[binding.variable] = secretFile.path
          } else {
            env[binding.variable] = secret
          }
        }
        try { return body() } finally { env.clear(); env.putAll(saved) }
      },
      libraryResource: { String path ->
        calls << [step: 'libraryResource', args: path]
        new File(repo, "jenkins/resources/${path}").text
      },
      writeFile: { Map args ->
        calls << [step: 'writeFile', args: args.file]
        File file = new File(workspace, args.file)
        file.parentFile.mkdirs()
        file.text = args.text
      },
      fileExists: { String path -> new File(workspace, path).exists() },
      readFile: { Map args -> calls << [step: 'readFile', args: args.file]; new File(workspace, args.file).text },
      readJSON: plugins.contains('pipeline-utility-steps')
        ? { Map args -> calls << [step: 'readJSON', args: args.file]; new JsonSlurper().parse(new File(workspace, args.file)) }
        : missing('readJSON'),
      archiveArtifacts: { Map args -> calls << [step: 'archiveArtifacts', args: args] },
      junit: { Map args -> calls << [step: 'junit', args: args] },
      recordIssues: plugins.contains('warnings-ng') ? { Map args -> calls << [step: 'recordIssues', args: args] } : missing('recordIssues'),
      sarif: plugins.contains('warnings-ng') ? { Map args -> [tool: 'sarif'] + args } : missing('sarif'),
      publishHTML: plugins.contains('htmlpublisher') ? { Map args -> calls << [step: 'publishHTML', args: args] } : missing('publishHTML'),
      copyArtifacts: plugins.contains('copyartifact') ? { Map args -> calls << [step: 'copyArtifacts', args: args] } : missing('copyArtifacts'),
      lastCompleted: plugins.contains('copyartifact') ? { -> [selector: 'lastCompleted'] } : missing('lastCompleted'),
      echo: { String message -> calls << [step: 'echo', args: message] },
      unstable: { String message ->
        calls << [step: 'unstable', args: message]
        if (currentBuild.result != 'FAILURE') currentBuild.result = 'UNSTABLE'
      },
      error: { String message -> calls << [step: 'error', args: message]; throw new StepError(message) }
    )
    def step = new GroovyShell(binding).parse(new File(repo, (options.stepFile ?: 'jenkins/vars/scapgateScan.groovy').toString()))
    return [step: step, calls: calls, currentBuild: currentBuild, workspace: workspace, log: log]
  }
}
