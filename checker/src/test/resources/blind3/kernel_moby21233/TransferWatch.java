import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.List;

/**
 * GoKer moby#21233, written again: a watcher consumes a transfer's progress updates and gives up
 * (the test's t.Fatalf) on an update it did not expect. Giving up leaves the transfer goroutine
 * blocked on its next unbuffered progress send.
 */
class TransferWatch {
  record Progress(String id, long current, long total) {}

  interface Transfer {
    List<Progress> run();
  }

  static long watch(Transfer transfer) {
    Chan<Progress> progress = Chan.make();
    Go.go(() -> {
      for (Progress p : transfer.run()) {
        // BUG(GoroutineLeak): the watcher throws on an unexpected update and stops receiving; this send blocks for ever
        progress.send(p);
      }
      progress.close();
    });
    long last = -1;
    for (Progress p : progress) {
      if (p.current() < last) {
        throw new IllegalStateException("progress went backwards: " + p);
      }
      last = p.current();
    }
    return last;
  }

  /** Fixed: the watcher keeps draining and reports the first problem at the end. */
  static long watchFixed(Transfer transfer) {
    Chan<Progress> progress = Chan.make();
    Go.go(() -> {
      try {
        for (Progress p : transfer.run()) {
          // OK(GoroutineLeak): the watcher receives until the channel is closed on every path
          progress.send(p);
        }
      } finally {
        progress.close();
      }
    });
    long last = -1;
    String problem = null;
    for (Progress p : progress) {
      if (p.current() < last && problem == null) {
        problem = "progress went backwards: " + p;
      }
      last = Math.max(last, p.current());
    }
    if (problem != null) {
      throw new IllegalStateException(problem);
    }
    return last;
  }
}
