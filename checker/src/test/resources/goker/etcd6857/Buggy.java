import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;

/**
 * etcd#6857 (GoKer: blocking, Channel). A raft node serves status requests in its run loop until
 * it is stopped. {@code status()} hands the loop a reply channel with a plain send: once
 * {@code stop()} has ended the loop, that send has no receiver and blocks forever.
 */
final class Node {
  record Status() {}

  final Chan<Chan<Status>> status = Chan.make();
  final Chan<Boolean> stop = Chan.make();
  final Chan<Void> done = Chan.make();

  Status status() {
    Chan<Status> c = Chan.make();
    // BUG (GoKer): the run loop may have returned: nobody receives
    status.send(c);
    return c.receive();
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
