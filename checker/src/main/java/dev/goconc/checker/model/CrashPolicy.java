package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Description;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one crash policy of every rule: a check never breaks a user's build. When the analysis of
 * a method meets code the model does not understand and throws, the rule reports nothing for that
 * method (its findings before the throw stand), and the compile goes on.
 *
 * <p>Quiet is right for users and wrong for the team: a crash swallowed in a test or in the
 * real-code check is a miss nobody sees. With {@code -XepOpt:Goconc:Strict=true} (the tests and
 * the real-code check set it) the same situation fails loudly: the exception reaches Error Prone,
 * which reports it as a compile error naming the rule and the tree.
 *
 * <p>Rules call {@link #describe} around their analysis and never catch exceptions themselves; the
 * model calls {@link #attempt} where a library it builds on (the dataflow graph builder) asserts
 * on trees it does not model.
 */
public final class CrashPolicy {
  private CrashPolicy() {}

  /** The Error Prone flag, {@code -XepOpt:Goconc:Strict=true}, that makes crashes fail loudly. */
  public static final String STRICT_FLAG = "Goconc:Strict";

  /**
   * A rule's analysis of the tree {@code state} is at, under the policy: its description, or
   * {@link Description#NO_MATCH} when it throws (strict mode: the exception is thrown on).
   */
  public static Description describe(VisitorState state, Supplier<Description> analysis) {
    return attempt(state, analysis).orElse(Description.NO_MATCH);
  }

  /**
   * What {@code build} makes, or empty when it throws on code it does not model (strict mode:
   * the exception is thrown on).
   */
  public static <T> Optional<T> attempt(VisitorState state, Supplier<T> build) {
    try {
      return Optional.ofNullable(build.get());
    } catch (RuntimeException | AssertionError e) {
      failIfStrict(state, e);
      return Optional.empty();
    }
  }

  /** Whether this compilation runs in strict mode. */
  public static boolean strict(VisitorState state) {
    return state.errorProneOptions().getFlags().getBoolean(STRICT_FLAG).orElse(false);
  }

  private static void failIfStrict(VisitorState state, Throwable e) {
    if (!strict(state)) {
      return; // code the model does not understand: no finding, the build goes on
    }
    if (e instanceof RuntimeException runtime) {
      throw runtime;
    }
    throw (AssertionError) e;
  }
}
