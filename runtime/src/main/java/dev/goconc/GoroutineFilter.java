package dev.goconc;

import java.util.regex.Pattern;

/**
 * Chooses goroutines that the leak detector ignores, for example a process-lifetime poller.
 */
@FunctionalInterface
public interface GoroutineFilter {
  boolean matches(Goroutine goroutine);

  /**
   * Goroutines whose start site matches {@code pattern}. The pattern is matched against the
   * start site's class ({@code com.acme.Poller}) and against its class and method ({@code
   * com.acme.Poller.loop}); {@code *} matches any run of characters. So {@code com.acme.Poller}
   * ignores every goroutine that class starts, {@code com.acme.Poller.loop} those its {@code
   * loop} method starts, and {@code com.acme.*} a whole package.
   */
  static GoroutineFilter startedIn(String pattern) {
    Pattern regex = Glob.toRegex(pattern);
    return g ->
        regex.matcher(g.startSite().className()).matches()
            || regex.matcher(g.startSite().qualifiedMethod()).matches();
  }

  /**
   * Goroutines whose current stack has a frame matching {@code pattern} (a glob over {@code
   * class.method}, as in {@link #startedIn}): those blocked in a known place, Go's goleak
   * {@code IgnoreAnyFunction}.
   */
  static GoroutineFilter blockedIn(String pattern) {
    Pattern regex = Glob.toRegex(pattern);
    return g -> {
      for (StackTraceElement frame : g.stackTrace()) {
        if (regex.matcher(frame.getClassName() + "." + frame.getMethodName()).matches()) {
          return true;
        }
      }
      return false;
    };
  }
}

/** {@code *} as "any characters", everything else literal. */
final class Glob {
  private Glob() {}

  static Pattern toRegex(String glob) {
    StringBuilder regex = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (!regex.isEmpty()) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
