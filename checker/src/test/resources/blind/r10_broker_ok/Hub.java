import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.SendChan;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/** Publishers write to one inbox; the hub closes it once every publisher has returned. */
final class Hub {
  private final Chan<String> inbox = Chan.make(32);
  private final WaitGroup publishers = new WaitGroup();

  void addPublisher(String name, int count) {
    publishers.go(() -> publish(inbox.sendOnly(), name, count));
  }

  private static void publish(SendChan<String> out, String name, int count) {
    for (int i = 0; i < count; i++) {
      out.send(name + ":" + i);
    }
  }

  RecvChan<String> messages() {
    return inbox.recvOnly();
  }

  void finish() {
    publishers.await();
    // OK(ReceiverSideClose): the owner closes after all senders are done; it never receives here
    inbox.close();
  }

  static List<String> drain(RecvChan<String> in) {
    List<String> got = new ArrayList<>();
    for (String s : in) {
      got.add(s);
    }
    return got;
  }

  public static void main(String[] args) {
    Hub hub = new Hub();
    hub.addPublisher("p1", 3);
    hub.addPublisher("p2", 4);
    Go.go(hub::finish);
    System.out.println(drain(hub.messages()));
  }

  /** Stops a reader goroutine by closing a quit channel that nobody sends on. */
  static void watch(RecvChan<String> feed) {
    Chan<Boolean> quit = Chan.make();
    Go.go(
        () -> {
          while (true) {
            String s =
                dev.goconc.Select.<String>select().recv(feed, v -> v).recv(quit, q -> null).run();
            if (s == null) {
              return;
            }
            System.out.println(s);
          }
        });
    // OK(ReceiverSideClose): quit is a signal channel; closing it is its owner's signal
    quit.close();
  }
}
