import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.Select;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * kubernetes#38669, fixed: {@code stop()} also closes {@code done}, and each result is sent in a
 * select that waits for it too.
 */
final class CacheWatcher {
  private final ReentrantLock lock = new ReentrantLock();
  final Chan<Integer> input;
  final Chan<Integer> result;
  private final Chan<Void> done = Chan.make();
  private boolean stopped;

  private CacheWatcher(int chanSize) {
    input = Chan.make(chanSize);
    result = Chan.make(chanSize);
  }

  static CacheWatcher newCacheWatcher(int chanSize, List<Integer> initEvents) {
    CacheWatcher watcher = new CacheWatcher(chanSize);
    Go.go(() -> watcher.process(initEvents));
    return watcher;
  }

  void process(List<Integer> initEvents) {
    for (int event : initEvents) {
      sendWatchCacheEvent(event);
    }
    try {
      while (true) {
        Received<Integer> event = input.receiveOk();
        if (!event.ok()) {
          return;
        }
      }
    } finally {
      stop();
      result.close();
    }
  }

  void sendWatchCacheEvent(int event) {
    // FIX (GoKer): a stopped watcher drops the event
    Select.<Void>select()
        .send(result, event, () -> null)
        .recv(done, v -> null)
        .run();
  }

  void stop() {
    lock.lock();
    try {
      if (!stopped) {
        stopped = true;
        input.close();
        done.close();
      }
    } finally {
      lock.unlock();
    }
  }
}

final class Kubernetes38669 {
  static void testKubernetes38669() {
    List<Integer> initEvents = List.of(1, 2);
    CacheWatcher w = CacheWatcher.newCacheWatcher(0, initEvents);
    w.stop();
  }
}
