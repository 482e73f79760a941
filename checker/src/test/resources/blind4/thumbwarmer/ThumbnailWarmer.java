import dev.goconc.*;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Warms a thumbnail cache after a deploy: renders the most-viewed images at every size. */
public class ThumbnailWarmer {
  public enum Size {
    SMALL(64), MEDIUM(256), LARGE(1024);
    final int px;
    Size(int px) { this.px = px; }
  }

  public interface Renderer {
    byte[] render(String imageId, int px);
  }

  private final Renderer renderer;
  private final Set<String> warmed = ConcurrentHashMap.newKeySet();

  public ThumbnailWarmer(Renderer renderer) {
    this.renderer = renderer;
  }

  /** Batches per image: the first version counted all images up front and waited inside the loop. */
  public void warmBroken(List<String> imageIds) {
    WaitGroup wg = new WaitGroup();
    wg.add(imageIds.size());
    for (String id : imageIds) {
      Go.go(() -> {
        try {
          for (Size s : Size.values()) {
            renderer.render(id, s.px);
          }
          warmed.add(id);
        } finally {
          wg.done();
        }
      });
      // BUG(WaitGroupAwaitInLaunchLoop): waits for all images' count after launching only the first one: the first round never returns
      wg.await();
    }
  }

  /** One image at a time, its sizes in parallel. */
  public void warm(List<String> imageIds) {
    for (String id : imageIds) {
      WaitGroup wg = new WaitGroup();
      for (Size s : Size.values()) {
        wg.go(() -> renderer.render(id, s.px));
      }
      // OK(WaitGroupAwaitInLaunchLoop): a fresh group per image, awaited after its own launches
      wg.await();
      warmed.add(id);
    }
  }

  /** A smoke check used by the deploy script. */
  public boolean smokeTestBroken(List<String> sample) throws InterruptedException {
    for (String id : sample) {
      Go.go(() -> {
        renderer.render(id, Size.SMALL.px);
        warmed.add(id);
      });
    }
    // BUG(SleepInsteadOfSynchronization): sleeps and hopes the renders it just started have finished
    Thread.sleep(2_000);
    return warmed.containsAll(sample);
  }

  public boolean smokeTest(List<String> sample) {
    WaitGroup wg = new WaitGroup();
    for (String id : sample) {
      wg.go(() -> {
        renderer.render(id, Size.SMALL.px);
        warmed.add(id);
      });
    }
    wg.await();
    return warmed.containsAll(sample);
  }
}
