// Program: chat room; a hub goroutine broadcasts to members, each member has an outbox; leave closes from the wrong side and a late post.
import dev.goconc.*;
import java.util.HashMap;
import java.util.Map;

final class ChatRoom {
  record Message(String from, String text) {}

  private final Chan<Message> posts = Chan.make(64);
  private final Chan<Boolean> quit = Chan.make();
  private final Map<String, Chan<Message>> outboxes = new HashMap<>();

  void start() {
    Go.go(this::hub);
  }

  Chan<Message> join(String name) {
    Chan<Message> box = Chan.make(8);
    synchronized (outboxes) {
      outboxes.put(name, box);
    }
    return box;
  }

  void post(String from, String text) {
    posts.send(new Message(from, text));
  }

  private void hub() {
    while (true) {
      boolean more = Select.<Boolean>select()
          .recv(posts, m -> {
            synchronized (outboxes) {
              outboxes.values().forEach(box -> box.trySend(m));
            }
            return true;
          })
          .recv(quit, q -> false)
          .run();
      if (!more) {
        return;
      }
    }
  }

  /** A member's reader: prints until its outbox closes, then closes it "to be safe". */
  static void readAll(Chan<Message> inbox) {
    for (Message m : inbox) {
      System.out.println(m.from() + ": " + m.text());
    }
    // BUG(ReceiverSideClose): the reader only receives from inbox; the hub is the sender
    inbox.close();
  }

  void stop() {
    // OK(ReceiverSideClose): quit carries no values; closing it is the owner's signal
    quit.close();
  }

  static void announce(String text) {
    Chan<Message> once = Chan.make(1);
    once.send(new Message("system", text));
    once.close();
    // BUG(SendOnClosedChannel): a second announcement after the close throws
    once.send(new Message("system", text + " (again)"));
  }
}
