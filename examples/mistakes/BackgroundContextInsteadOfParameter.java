package mistakes;

import dev.goconc.Context;

/**
 * {@code Context.background()} is never cancelled and has no deadline. Used inside a method
 * that was given a context, it cuts the work off from its caller: when the request is
 * cancelled or times out, the work started with the background context carries on, holding
 * connections and threads for a result nobody will read. Pass the context in scope; where the
 * work must outlive the caller on purpose, {@code Context.withoutCancel(ctx)} says so.
 *
 * @goanalyzer contextcheck
 */
public final class BackgroundContextInsteadOfParameter {
  private BackgroundContextInsteadOfParameter() {}

  static String authenticate(Context ctx, String request) {
    return ctx.err() == null ? "user of " + request : "";
  }

  static String loadProfile(Context ctx, String user) {
    return ctx.err() == null ? "profile of " + user : "";
  }

  /** The profile is loaded even after the request was cancelled. */
  static final class Mistake {
    static String handle(Context ctx, String request) {
      String user = authenticate(ctx, request);
      return loadProfile(Context.background(), user); // goconc: expect BackgroundContextInsteadOfParameter
    }
  }

  /** The caller's context reaches every step. */
  static final class Fix {
    static String handle(Context ctx, String request) {
      String user = authenticate(ctx, request);
      return loadProfile(ctx, user);
    }
  }
}
