package dev.goconc.checker.util;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.util.Context;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test hook, not a feature: counts the control-flow graphs the rules build during one
 * compilation, so a test can prove that a file which never names the runtime costs no graph
 * (every rule took its cheap exit). A test puts a probe into javac's {@link Context} before it
 * compiles; every other compilation has none, and each graph then costs one map lookup more.
 * The count lives in that one compilation's context, never in a static field, so parallel javac
 * tasks in one JVM do not see each other's work.
 */
public final class CostProbe {
  private static final Context.Key<CostProbe> KEY = new Context.Key<>();

  private final AtomicInteger graphsBuilt = new AtomicInteger();

  private CostProbe() {}

  /** Puts a fresh probe into {@code context} (a javac task's, before it runs) and returns it. */
  public static CostProbe installIn(Context context) {
    CostProbe probe = new CostProbe();
    context.put(KEY, probe);
    return probe;
  }

  /** Called where a control-flow graph is about to be built; a no-op without a probe. */
  public static void graphBuilt(VisitorState state) {
    CostProbe probe = state.context.get(KEY);
    if (probe != null) {
      probe.graphsBuilt.incrementAndGet();
    }
  }

  public int graphsBuilt() {
    return graphsBuilt.get();
  }
}
