// Program: news feed merger; one forwarding goroutine per source (anonymous Runnable) into a merged channel that nobody closes.
import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;

final class FeedMerger {
  record Item(String source, String title) {}

  static List<Item> mergeAll(List<RecvChan<Item>> sources) {
    Chan<Item> merged = Chan.make(32);
    WaitGroup wg = new WaitGroup();
    for (RecvChan<Item> src : sources) {
      wg.add(1);
      Go.go(new Runnable() {
        @Override
        public void run() {
          try {
            for (Item i : src) {
              merged.send(i);
            }
          } finally {
            wg.done();
          }
        }
      });
    }
    List<Item> all = new ArrayList<>();
    // BUG(UnclosedChannel): nobody waits for the forwarders and closes merged; this loop never ends
    for (Item i : merged) {
      all.add(i);
    }
    wg.await();
    return all;
  }

  static List<Item> mergeAllFixed(List<RecvChan<Item>> sources) {
    Chan<Item> merged = Chan.make(32);
    WaitGroup wg = new WaitGroup();
    for (RecvChan<Item> src : sources) {
      wg.go(() -> src.forEach(merged::send));
    }
    Go.go(() -> {
      wg.await();
      merged.close();
    });
    List<Item> all = new ArrayList<>();
    // OK(UnclosedChannel): the closer goroutine closes merged after the group
    for (Item i : merged) {
      all.add(i);
    }
    return all;
  }
}
