import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Looks up translation-memory matches: exact from the cache, fuzzy from the remote TM server. */
public class TmLookup {
  public record Segment(String sourceLang, String targetLang, String text) {}
  public record Match(String target, int fuzzPercent) {}

  public interface RemoteTm {
    List<Match> fuzzy(Context ctx, Segment s);
    void recordUsage(Context ctx, Segment s, Match used);
  }

  private final RemoteTm remote;
  private final Map<Segment, Match> exact = new ConcurrentHashMap<>();

  public TmLookup(RemoteTm remote) {
    this.remote = remote;
  }

  public Optional<Match> lookupBroken(Context ctx, Segment s) {
    Match hit = exact.get(s);
    if (hit != null) {
      return Optional.of(hit);
    }
    // BUG(BackgroundContextInsteadOfParameter): the editor's request context is in scope but the remote call gets a fresh root
    try (CancelContext remoteCtx = Context.withTimeout(Context.background(), Duration.ofMillis(800))) {
      return remote.fuzzy(remoteCtx, s).stream().filter(m -> m.fuzzPercent() >= 75).findFirst();
    }
  }

  public Optional<Match> lookup(Context ctx, Segment s) {
    Match hit = exact.get(s);
    if (hit != null) {
      return Optional.of(hit);
    }
    try (CancelContext remoteCtx = Context.withTimeout(ctx, Duration.ofMillis(800))) {
      return remote.fuzzy(remoteCtx, s).stream().filter(m -> m.fuzzPercent() >= 75).findFirst();
    }
  }

  /** Usage statistics must be written even if the editor closed the segment: detached on purpose. */
  public void accept(Context ctx, Segment s, Match m) {
    exact.put(s, m);
    // OK(BackgroundContextInsteadOfParameter): withoutCancel keeps the values and drops the cancellation deliberately
    Context detached = Context.withoutCancel(ctx);
    Go.go(() -> remote.recordUsage(detached, s, m));
  }

  /** A batch pre-translation; the old version used a TODO context inside its workers. */
  public Map<Segment, Match> pretranslateBroken(Context ctx, List<Segment> segments) {
    Map<Segment, Match> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (Segment s : segments) {
      wg.go(() -> {
        // BUG(BackgroundContextInsteadOfParameter): the worker sees ctx but queries under Context.todo(), so a cancelled batch keeps querying
        List<Match> ms = remote.fuzzy(Context.todo(), s);
        ms.stream().findFirst().ifPresent(m -> out.put(s, m));
      });
    }
    wg.await();
    return out;
  }

  public Map<Segment, Match> pretranslate(Context ctx, List<Segment> segments) {
    Map<Segment, Match> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (Segment s : segments) {
      wg.go(() -> remote.fuzzy(ctx, s).stream().findFirst().ifPresent(m -> out.put(s, m)));
    }
    wg.await();
    return out;
  }
}
