import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * serving#5865 (GoKer: nonblocking, Misuse channel). A revision watcher's goroutine closes its
 * destinations channel when it ends, though it never sends on it; the backends manager sends new
 * destinations on that channel. Once the watcher has ended, the manager's send throws (in Go, it
 * panics).
 */
final class Serving5865 {
  static final class RevisionWatcher {
    final Chan<Boolean> destsCh;

    RevisionWatcher(Chan<Boolean> destsCh) {
      this.destsCh = destsCh;
    }

    void run() {
      destsCh.close();
    }
  }

  static final class RevisionBackendsManager {
    private final ReentrantReadWriteLock revisionWatchersMux = new ReentrantReadWriteLock();

    void endpointsUpdated() {
      RevisionWatcher rw = getOrCreateRevisionWatcher();
      // BUG (GoKer): the watcher may have ended and closed destsCh: this send throws
      rw.destsCh.send(true);
    }

    RevisionWatcher getOrCreateRevisionWatcher() {
      revisionWatchersMux.writeLock().lock();
      try {
        Chan<Boolean> destsCh = Chan.make();
        RevisionWatcher rw = new RevisionWatcher(destsCh);
        Go.go(rw::run);
        return rw;
      } finally {
        revisionWatchersMux.writeLock().unlock();
      }
    }
  }

  static void testServing5865() {
    RevisionBackendsManager rbm = new RevisionBackendsManager();
    rbm.endpointsUpdated();
  }
}
