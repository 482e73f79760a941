import dev.goconc.*;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** A DNS-over-HTTPS front end: decodes the query, asks upstream resolvers, answers the first reply. */
public class DohProxy {
  public record Query(byte[] wire, String clientIp) {}

  // BUG(ContextInField): the record carries the request's context as a component
  public record PendingLookup(Context ctx, Query query, long startedNanos) {}

  public interface Upstream {
    Optional<byte[]> exchange(Context ctx, byte[] wire);
  }

  private final List<Upstream> upstreams;
  private final Duration perUpstream;

  public DohProxy(List<Upstream> upstreams, Duration perUpstream) {
    this.upstreams = List.copyOf(upstreams);
    this.perUpstream = perUpstream;
  }

  /** GET /dns-query?dns=... */
  // BUG(ContextNotFirstParameter): the request context comes after the encoded query
  public Optional<byte[]> handleGet(String dnsParam, Context ctx) {
    byte[] wire = Base64.getUrlDecoder().decode(dnsParam);
    return race(ctx, new Query(wire, "?"));
  }

  /** POST /dns-query */
  public Optional<byte[]> handlePost(Context ctx, byte[] body, String clientIp) {
    return race(ctx, new Query(body, clientIp));
  }

  /** Asks every upstream at once; the first answer wins, the rest are cancelled. */
  Optional<byte[]> race(Context parent, Query q) {
    try (CancelContext ctx = Context.withTimeout(parent, perUpstream)) {
      // OK(GoroutineLeak): one slot per upstream, so losers never block
      Chan<byte[]> answers = Chan.make(upstreams.size());
      for (Upstream u : upstreams) {
        Go.go(() -> u.exchange(ctx, q.wire()).ifPresent(answers::send));
      }
      return Select.<Optional<byte[]>>select()
          .recv(answers, a -> Optional.of(a))
          .recv(ctx.done(), d -> Optional.<byte[]>empty())
          .run();
    }
  }

  /** Rate-limited logging of slow lookups. */
  static final class SlowLog {
    // OK(ContextInField): a CancelFunc field is the owner's power to stop, not a context
    private final CancelFunc stopFlusher;

    // OK(ContextNotFirstParameter): the context is the first parameter of the constructor
    SlowLog(Context ctx, Duration every) {
      CancelContext c = Context.withCancel(ctx);
      this.stopFlusher = c.cancelFunc();
      Go.go(() -> {
        try (Ticker t = Time.newTicker(every)) {
          while (c.err() == null) {
            Select.<Void>select().recv(t.c(), x -> null).recv(c.done(), d -> null).run();
          }
        }
      });
    }

    void stop() {
      stopFlusher.cancel();
    }
  }

  /** Upstream health probe: a constructor that also put the context last. */
  static final class Probe {
    private final Upstream upstream;
    private final boolean healthy;

    // BUG(ContextNotFirstParameter): constructor takes the context after the upstream
    Probe(Upstream upstream, Context ctx) {
      this.upstream = upstream;
      this.healthy = upstream.exchange(ctx, new byte[12]).isPresent();
    }

    boolean healthy() {
      return healthy && upstream != null;
    }
  }
}
