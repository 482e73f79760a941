// Program: bounded parallel downloads with a semaphore channel; one variant adds to the WaitGroup inside the goroutine, one does done outside finally.
import dev.goconc.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

final class Downloader {
  interface Http {
    byte[] get(Context ctx, String url);
  }

  private final Http http;
  private final int limit;

  Downloader(Http http, int limit) {
    this.http = http;
    this.limit = limit;
  }

  Map<String, Integer> sizes(Context ctx, List<String> urls) {
    Chan<Boolean> slots = Chan.make(limit);
    Map<String, Integer> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (String url : urls) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): add inside the goroutine races with the await below
        wg.add(1);
        slots.send(true);
        try {
          out.put(url, http.get(ctx, url).length);
        } finally {
          slots.receive();
          wg.done();
        }
      });
    }
    wg.await();
    return out;
  }

  Map<String, Integer> sizesV2(Context ctx, List<String> urls) {
    Chan<Boolean> slots = Chan.make(limit);
    Map<String, Integer> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    wg.add(urls.size());
    for (String url : urls) {
      Go.go(() -> {
        slots.send(true);
        out.put(url, http.get(ctx, url).length);
        slots.receive();
        // BUG(WaitGroupDoneNotInFinally): if http.get throws, done never runs and await hangs
        wg.done();
      });
    }
    wg.await();
    return out;
  }

  Map<String, Integer> sizesV3(Context ctx, List<String> urls) {
    Map<String, Integer> out = new ConcurrentHashMap<>();
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit(limit);
    for (String url : urls) {
      // OK(WaitGroupAddInGoroutine): ErrGroup.go counts the task itself
      g.go(() -> out.put(url, http.get(g.context(), url).length));
    }
    Throwable err = g.await();
    if (err != null) {
      throw new IllegalStateException(err);
    }
    return out;
  }
}
