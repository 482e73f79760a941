package dev.goconc.gate;

/**
 * A problem the user must fix before the gate can judge the code (bad option, missing path,
 * sources that do not compile): printed as a message without a stack trace, exit status 2.
 */
final class GateException extends Exception {
  GateException(String message) {
    super(message);
  }

  GateException(String message, Throwable cause) {
    super(message, cause);
  }
}
