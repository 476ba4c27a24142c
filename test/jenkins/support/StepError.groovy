/** Thrown by the `error` stand-in of PipelineStandIns, as Jenkins's error step throws AbortException. */
class StepError extends RuntimeException {
  StepError(String message) { super(message) }
}
