import dev.goconc.Context;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps per-user sessions; each remembers the request context it was opened with. */
public final class Sessions {
  public static final class Session {
    final String user;
    final Instant opened;
    // BUG(ContextInField): the request's context is stored in the session and outlives its deadline
    final Context requestContext;

    // BUG(ContextNotFirstParameter): constructors are judged like methods; the context is second
    Session(String user, Context requestContext) {
      this.user = user;
      this.opened = Instant.now();
      this.requestContext = requestContext;
    }

    boolean expired() {
      return requestContext.err() != null;
    }
  }

  private final Map<String, Session> byUser = new ConcurrentHashMap<>();

  public Session open(Context ctx, String user) {
    return byUser.computeIfAbsent(user, u -> new Session(u, ctx));
  }

  // BUG(ContextNotFirstParameter): the context comes after the user name
  public Optional<Session> touch(String user, Context ctx) {
    if (ctx.err() != null) {
      return Optional.empty();
    }
    return Optional.ofNullable(byUser.get(user)).filter(s -> !s.expired());
  }

  // OK(ContextNotFirstParameter): context first
  public int evictExpired(Context ctx, boolean verbose) {
    int n = 0;
    for (var e : byUser.entrySet()) {
      if (e.getValue().expired()) {
        byUser.remove(e.getKey());
        n++;
      }
    }
    if (verbose) {
      System.out.println("evicted " + n);
    }
    return n;
  }
}
