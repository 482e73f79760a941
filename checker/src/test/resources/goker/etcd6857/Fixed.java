import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;

/**
 * etcd#6857, fixed as upstream: {@code status()} sends its request in a select that also waits for
 * {@code done}, so a stopped node answers with an empty status instead of hanging the caller.
 */
final class Node {
  record Status() {}

  final Chan<Chan<Status>> status = Chan.make();
  final Chan<Boolean> stop = Chan.make();
  final Chan<Void> done = Chan.make();

  Status status() {
    Chan<Status> c = Chan.make();
    // FIX (GoKer): give up when the node is done
    return Select.<Status>select()
        .send(status, c, () -> c.receive())
        .recv(done, v -> new Status())
        .run();
  }

  void run() {
    while (true) {
      boolean stopped = Select.<Boolean>select()
          .recv(status, c -> {
            c.send(new Status());
            return false;
          })
          .recv(stop, v -> {
            done.close();
            return true;
          })
          .run();
      if (stopped) {
        return;
      }
    }
  }

  void stop() {
    boolean alreadyDone = Select.<Boolean>select()
        .send(stop, true, () -> false)
        .recv(done, v -> true)
        .run();
    if (alreadyDone) {
      return;
    }
    done.receive();
  }
}

final class Etcd6857 {
  static void testEtcd6857() {
    Node n = new Node();
    Go.go(n::run);
    Go.go(n::status);
    Go.go(n::stop);
  }
}
