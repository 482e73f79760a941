import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A tiny pub/sub broker: the broker owns subscriber channels and closes them on shutdown. */
public final class Broker<T> {
  private final List<Chan<T>> subscribers = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  public RecvChan<T> subscribe(int buffer) {
    Chan<T> c = Chan.make(buffer);
    subscribers.add(c);
    return c;
  }

  public void publish(T msg) {
    if (closed) {
      throw new IllegalStateException("broker closed");
    }
    for (Chan<T> s : subscribers) {
      s.trySend(msg);
    }
  }

  public synchronized void shutdown() {
    if (closed) {
      return;
    }
    closed = true;
    // OK(ReceiverSideClose): the broker is the only sender on its subscriber channels
    subscribers.forEach(Chan::close);
  }

  /** An audit consumer that wants the raw channel "to stop it when done". */
  static void audit(Chan<String> events, int max) {
    int seen = 0;
    for (String e : events) {
      System.out.println("audit " + e);
      if (++seen == max) {
        break;
      }
    }
    // BUG(ReceiverSideClose): the consumer closes its input; the producer's next send throws
    events.close();
  }

  public static void main(String[] args) {
    Chan<String> events = Chan.make(8);
    Go.go(
        () -> {
          try {
            for (int i = 0; i < 100; i++) {
              events.send("e" + i);
            }
          } finally {
            events.close();
          }
        });
    audit(events, 3);
  }
}
