import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * serving#5865, fixed: the watcher no longer closes a channel others send on; it signals its end
 * on a {@code done} channel of its own, and the manager sends in a select that also waits for it.
 */
final class Serving5865 {
  static final class RevisionWatcher {
    final Chan<Boolean> destsCh;
    final Chan<Void> done = Chan.make();

    RevisionWatcher(Chan<Boolean> destsCh) {
      this.destsCh = destsCh;
    }

    void run() {
      // FIX (GoKer): signal the end without closing destsCh
      done.close();
    }
  }

  static final class RevisionBackendsManager {
    private final ReentrantReadWriteLock revisionWatchersMux = new ReentrantReadWriteLock();

    void endpointsUpdated() {
      RevisionWatcher rw = getOrCreateRevisionWatcher();
      Select.<Void>select()
          .send(rw.destsCh, true, () -> null)
          .recv(rw.done, v -> null)
          .run();
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
