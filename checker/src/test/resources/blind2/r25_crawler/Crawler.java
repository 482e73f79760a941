// Program: depth-limited crawler; a fixed set of workers, a visited set, a coordinator counting outstanding pages; one fetch detaches from the caller's context.
import dev.goconc.*;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

final class Crawler {
  interface Fetcher {
    List<String> links(Context ctx, String url);
  }

  record Page(String url, int depth) {}
  record Found(List<String> links, int depth) {}

  private final Fetcher fetcher;

  Crawler(Fetcher fetcher) {
    this.fetcher = fetcher;
  }

  Set<String> crawl(Context ctx, String root, int maxDepth) {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    Chan<Page> todo = Chan.make(1024);
    Chan<Found> found = Chan.make(1024);
    WaitGroup workers = new WaitGroup();
    for (int i = 0; i < 8; i++) {
      workers.go(() -> {
        for (Page p : todo) {
          List<String> links = p.depth() >= maxDepth ? List.of() : fetcher.links(ctx, p.url());
          Found f = new Found(links, p.depth() + 1);
          // OK(GoroutineLeak): the send gives up once the crawl is cancelled
          Select.<Void>select().send(found, f, () -> null).recv(ctx.done(), d -> null).run();
        }
      });
    }
    seen.add(root);
    todo.send(new Page(root, 0));
    int outstanding = 1;
    while (outstanding > 0) {
      Found f = Select.<Found>select().recv(found, x -> x).recv(ctx.done(), d -> null).run();
      if (f == null) {
        break;
      }
      outstanding--;
      for (String l : f.links()) {
        if (seen.add(l) && todo.trySend(new Page(l, f.depth()))) {
          outstanding++;
        }
      }
    }
    // OK(ReceiverSideClose): the coordinator is todo's only sender
    todo.close();
    workers.await();
    return seen;
  }

  List<String> robots(Context ctx, String host) {
    // BUG(BackgroundContextInsteadOfParameter): ctx is in scope but the fetch runs under background, so cancelling the crawl does not stop it
    return fetcher.links(Context.background(), host + "/robots.txt");
  }

  List<String> sitemap(Context ctx, String host) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel is the documented detachment
    return fetcher.links(Context.withoutCancel(ctx), host + "/sitemap.xml");
  }
}
