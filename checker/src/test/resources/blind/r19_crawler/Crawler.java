import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Fetches a set of pages concurrently with a bounded errgroup. */
public final class Crawler {
  public interface Fetcher {
    String get(Context ctx, String url) throws Exception;
  }

  private final Fetcher fetcher;
  private final Map<String, Integer> sizes = new ConcurrentHashMap<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  public Crawler(Fetcher fetcher) {
    this.fetcher = fetcher;
  }

  public Map<String, Integer> crawl(Context ctx, List<String> urls) throws Throwable {
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(4);
    Context gctx = g.context();
    for (String url : urls) {
      if (!seen.add(url)) {
        continue;
      }
      g.go(() -> sizes.put(url, fetchWithRobots(gctx, url).length()));
    }
    Throwable err = g.await();
    if (err != null) {
      throw err;
    }
    return sizes;
  }

  private String fetchWithRobots(Context ctx, String url) throws Exception {
    String host = url.replaceFirst("^https?://", "").split("/")[0];
    // BUG(BackgroundContextInsteadOfParameter): ctx is in scope but robots.txt is fetched on a fresh background context, so cancellation never reaches it
    String robots = fetcher.get(Context.background(), "https://" + host + "/robots.txt");
    if (robots.contains("Disallow: /")) {
      return "";
    }
    return fetcher.get(ctx, url);
  }
}
