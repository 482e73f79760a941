// Program: pub/sub broker with slow consumers; drops on full buffers, unsubscribe closes on the broker side. Correct.
import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;

final class Broker<T> {
  private final List<Chan<T>> subs = new ArrayList<>();
  private boolean closed;

  synchronized RecvChan<T> subscribe(int buffer) {
    Chan<T> c = Chan.make(buffer);
    if (closed) {
      c.close();
    } else {
      subs.add(c);
    }
    return c.recvOnly();
  }

  synchronized int publish(T value) {
    int dropped = 0;
    for (Chan<T> c : subs) {
      // OK(GoroutineLeak): trySend never blocks; a slow consumer loses the message
      if (!c.trySend(value)) {
        dropped++;
      }
    }
    return dropped;
  }

  synchronized void unsubscribe(RecvChan<T> r) {
    subs.removeIf(c -> {
      if (c.recvOnly().equals(r) || c == r) {
        // OK(ReceiverSideClose): the broker is the only sender on its subscriber channels
        c.close();
        return true;
      }
      return false;
    });
  }

  synchronized void shutdown() {
    closed = true;
    // OK(SendOnClosedChannel): publish checks nothing, but subs is cleared under the same lock
    subs.forEach(Chan::close);
    subs.clear();
  }

  static List<String> drain(RecvChan<String> sub) {
    List<String> got = new ArrayList<>();
    // OK(UnclosedChannel): the broker closes every subscriber channel on shutdown
    for (String s : sub) {
      got.add(s);
    }
    return got;
  }
}
