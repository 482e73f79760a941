import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * kubernetes#38669 (GoKer: blocking, Channel). A cache watcher's goroutine first sends the initial
 * events on {@code result}, then waits on {@code input} until it is closed. When the client stops
 * the watcher without reading any result, the goroutine is still blocked on its first send:
 * {@code stop()} closes {@code input}, which that send does not observe.
 */
final class CacheWatcher {
  private final ReentrantLock lock = new ReentrantLock();
  final Chan<Integer> input;
  final Chan<Integer> result;
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
    // BUG (GoKer): nobody reads the result and stop() cannot interrupt this send
    result.send(event);
  }

  void stop() {
    lock.lock();
    try {
      if (!stopped) {
        stopped = true;
        input.close();
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
