import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A podcast feed fetcher: downloads RSS, parses episodes, with a per-feed budget. */
public class FeedFetcher {
  public record Episode(String guid, String title, URI enclosure) {}

  public record Feed(URI url, List<Episode> episodes) {}

  public interface Http {
    String get(Context ctx, URI url);
  }

  private final Http http;
  private final Duration budget;

  public FeedFetcher(Http http, Duration budget) {
    this.http = http;
    this.budget = budget;
  }

  /** Fetches one feed; gives up after the budget and reports nothing. */
  public Optional<Feed> fetch(Context parent, URI url) {
    Chan<Feed> result = Chan.make();
    Go.go(() -> {
      String xml = http.get(parent, url);
      // BUG(GoroutineLeak): after the timeout nobody receives, and this send blocks forever
      result.send(new Feed(url, parse(xml)));
    });
    return Select.<Optional<Feed>>select()
        .recv(result, Optional::of)
        .recv(Time.after(budget), t -> Optional.empty())
        .run();
  }

  /** The fix: one slot, so the late fetcher can leave its result and end. */
  public Optional<Feed> fetchBuffered(Context parent, URI url) {
    // OK(GoroutineLeak): buffered for the one send, the fetcher never blocks
    Chan<Feed> result = Chan.make(1);
    Go.go(() -> result.send(new Feed(url, parse(http.get(parent, url)))));
    return Select.<Optional<Feed>>select()
        .recv(result, Optional::of)
        .recv(Time.after(budget), t -> Optional.empty())
        .run();
  }

  /** Refreshes a feed under a deadline; skips feeds already fresh. */
  public Optional<Feed> refresh(Context parent, URI url, boolean stale) {
    // BUG(LostCancel): the not-stale return leaves the timeout context uncancelled
    CancelContext ctx = Context.withTimeout(parent, budget);
    if (!stale) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Feed(url, parse(http.get(ctx, url))));
    } finally {
      ctx.cancel();
    }
  }

  /** The same refresh with the cancel bound to the block. */
  public Optional<Feed> refreshScoped(Context parent, URI url, boolean stale) {
    if (!stale) {
      return Optional.empty();
    }
    // OK(LostCancel): try-with-resources cancels on every exit
    try (CancelContext ctx = Context.withTimeout(parent, budget)) {
      return Optional.of(new Feed(url, parse(http.get(ctx, url))));
    }
  }

  static List<Episode> parse(String xml) {
    return xml.lines()
        .filter(l -> l.contains("<guid>"))
        .map(l -> l.replaceAll("</?guid>", "").trim())
        .map(g -> new Episode(g, g, URI.create("https://cdn.example/" + g + ".mp3")))
        .toList();
  }
}
