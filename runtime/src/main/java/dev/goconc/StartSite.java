package dev.goconc;

/**
 * Where a goroutine was started: the first frame above the runtime's own launchers
 * ({@code Go.go}, {@code WaitGroup.go}, {@code ErrGroup.go}).
 *
 * @param className the fully qualified name of the class whose code started the goroutine
 * @param methodName the method that started it ({@code lambda$run$0} inside a lambda)
 * @param fileName the source file, or {@code null} when the class has no debug information
 * @param lineNumber the line, or a negative number when unknown
 */
public record StartSite(String className, String methodName, String fileName, int lineNumber) {
  /** Used when no frame outside the runtime could be found. */
  public static final StartSite UNKNOWN = new StartSite("?", "?", null, -1);

  /** {@code com.acme.Worker.run}: what ignore patterns are matched against. */
  public String qualifiedMethod() {
    return className + "." + methodName;
  }

  /** The class name without its package, as a thread dump reader wants it. */
  public String simpleClassName() {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  /** {@code Worker.java:17}, or {@code Unknown Source}. */
  public String location() {
    if (fileName == null) {
      return "Unknown Source";
    }
    return lineNumber >= 0 ? fileName + ":" + lineNumber : fileName;
  }

  /** {@code Worker.run(Worker.java:17)}: short, for thread names. */
  @Override
  public String toString() {
    return simpleClassName() + "." + methodName + "(" + location() + ")";
  }
}
