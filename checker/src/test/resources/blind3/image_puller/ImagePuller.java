import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Pulls the layers of container images; layers shared between images are pulled once. */
class ImagePuller {
  record Layer(String digest, long size) {}

  record Image(String ref, List<Layer> layers) {}

  interface Registry {
    byte[] blob(String digest);
  }

  private final Registry registry;
  private final Map<String, byte[]> store = new ConcurrentHashMap<>();

  ImagePuller(Registry registry) {
    this.registry = registry;
  }

  void pullAll(List<Image> images) {
    WaitGroup layers = new WaitGroup();
    for (Image img : images) {
      Go.go(() -> {
        for (Layer l : img.layers()) {
          if (store.containsKey(l.digest())) {
            continue;
          }
          // BUG(WaitGroupAddInGoroutine): added from inside a goroutine; pullAll's await may already have returned
          layers.add(1);
          Go.go(() -> {
            store.putIfAbsent(l.digest(), registry.blob(l.digest()));
            // BUG(WaitGroupDoneNotInFinally): a failed blob download never counts down
            layers.done();
          });
        }
      });
    }
    layers.await();
  }

  void pullAllFixed(List<Image> images) {
    WaitGroup layers = new WaitGroup();
    for (Image img : images) {
      for (Layer l : img.layers()) {
        if (store.containsKey(l.digest())) {
          continue;
        }
        // OK(WaitGroupAddInGoroutine): wg.go adds before it starts the goroutine
        layers.go(() -> store.putIfAbsent(l.digest(), registry.blob(l.digest())));
      }
    }
    layers.await();
  }

  /** A goroutine that waits for its own children: its add is not racing anybody's await. */
  void pullNested(List<Image> images) {
    WaitGroup all = new WaitGroup();
    for (Image img : images) {
      all.go(() -> {
        WaitGroup mine = new WaitGroup();
        for (Layer l : img.layers()) {
          // OK(WaitGroupAddInGoroutine): the goroutine adds for its own children and awaits them itself
          mine.add(1);
          Go.go(() -> {
            try {
              store.putIfAbsent(l.digest(), registry.blob(l.digest()));
            } finally {
              mine.done();
            }
          });
        }
        mine.await();
      });
    }
    all.await();
  }
}
