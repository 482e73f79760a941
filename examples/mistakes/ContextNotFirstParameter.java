package mistakes;

import dev.goconc.Context;

/**
 * By convention the context is a method's first parameter, named {@code ctx}. Where it sits
 * elsewhere, readers and reviewers miss that the method can block and be cancelled, callers
 * pass a context they created for something else, and the call chain that should propagate
 * cancellation is harder to follow. Nothing fails at once; cancellation gets lost later.
 *
 * @goanalyzer revive context-as-argument
 */
public final class ContextNotFirstParameter {
  private ContextNotFirstParameter() {}

  /** The context hides behind the template. */
  static final class Mistake {
    static String render(String template, Context ctx) { // goconc: expect ContextNotFirstParameter
      return ctx.err() == null ? template : "";
    }
  }

  /** The context comes first. */
  static final class Fix {
    static String render(Context ctx, String template) {
      return ctx.err() == null ? template : "";
    }
  }
}
