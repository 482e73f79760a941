import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** Renders thumbnails in parallel and collects their sizes. */
public class Thumbnailer {
  private final Map<String, Integer> sizes = new ConcurrentHashMap<>();

  public Map<String, Integer> renderAll(List<String> files) {
    WaitGroup wg = new WaitGroup();
    for (String f : files) {
      Go.go(
          () -> {
            // BUG(WaitGroupAddInGoroutine): add inside the goroutine races the await below
            wg.add(1);
            try {
              sizes.put(f, render(f));
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
    return sizes;
  }

  public int countValid(List<String> files) {
    WaitGroup wg = new WaitGroup();
    Chan<Boolean> valid = Chan.make(files.size());
    wg.add(files.size());
    for (String f : files) {
      Go.go(
          () -> {
            valid.send(check(f));
            // BUG(WaitGroupDoneNotInFinally): if check throws, done is skipped and await hangs
            wg.done();
          });
    }
    wg.await();
    valid.close();
    int n = 0;
    for (boolean v : valid) {
      if (v) {
        n++;
      }
    }
    return n;
  }

  private static int render(String f) {
    return f.hashCode() & 0xff;
  }

  private static boolean check(String f) {
    if (f.isEmpty()) {
      throw new IllegalArgumentException("empty name");
    }
    return f.endsWith(".jpg");
  }
}
