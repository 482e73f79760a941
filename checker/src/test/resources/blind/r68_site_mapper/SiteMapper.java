import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Builds a sitemap: checks each page's status and collects its outgoing links. */
public final class SiteMapper {
  public interface Web {
    int status(String url);

    Set<String> links(String url);
  }

  private final Web web;
  private final Map<String, Set<String>> graph = new ConcurrentHashMap<>();

  public SiteMapper(Web web) {
    this.web = web;
  }

  public Map<String, Set<String>> map(List<String> pages) {
    WaitGroup wg = new WaitGroup();
    for (String page : pages) {
      wg.add(1);
      Go.go(
          () -> {
            if (web.status(page) == 200) {
              graph.put(page, web.links(page));
            }
            // BUG(WaitGroupDoneNotInFinally): a failing status() or links() skips done; map() then hangs
            wg.done();
          });
    }
    wg.await();
    return graph;
  }

  public Map<String, Set<String>> mapWithErrGroup(Context ctx, List<String> pages) throws Throwable {
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(8);
    for (String page : pages) {
      // OK(WaitGroupDoneNotInFinally): the ErrGroup accounts for each task itself
      g.go(() -> graph.put(page, web.links(page)));
    }
    Throwable err = g.await();
    if (err != null) {
      throw err;
    }
    return graph;
  }
}
