// Program: small cases of ranges over local channels whose senders forget close, and the closes that make them end.
import dev.goconc.*;
import java.util.List;

final class UnclosedRange {
  static int sumNoClose(List<Integer> xs) {
    Chan<Integer> c = Chan.make();
    Go.go(() -> xs.forEach(c::send));
    int s = 0;
    // BUG(UnclosedChannel): the sender never closes c
    for (int x : c) {
      s += x;
    }
    return s;
  }

  static int receiveOkNoClose(List<Integer> xs) {
    Chan<Integer> c = Chan.make(xs.size());
    Go.go(() -> {
      for (int x : xs) {
        c.send(x);
      }
    });
    int s = 0;
    // BUG(UnclosedChannel): loops until !ok, but nobody closes c
    while (true) {
      Received<Integer> r = c.receiveOk();
      if (!r.ok()) {
        break;
      }
      s += r.value();
    }
    return s;
  }

  static int closeOnlyOnSuccess(List<String> xs) {
    Chan<Integer> c = Chan.make();
    Go.go(() -> {
      for (String x : xs) {
        if (x.isBlank()) {
          // BUG(UnclosedChannel): this error return skips the close below and the range waits forever
          return;
        }
        c.send(x.length());
      }
      c.close();
    });
    int s = 0;
    for (int x : c) {
      s += x;
    }
    return s;
  }

  static int singleReceive(List<Integer> xs) {
    Chan<Integer> c = Chan.make(1);
    Go.go(() -> c.send(xs.size()));
    // OK(UnclosedChannel): a single receive is not a loop over the channel
    return c.receive();
  }

  static int closedInFinally(List<Integer> xs) {
    Chan<Integer> c = Chan.make();
    Go.go(() -> {
      try {
        xs.forEach(c::send);
      } finally {
        c.close();
      }
    });
    int s = 0;
    // OK(UnclosedChannel): closed in finally
    for (int x : c) {
      s += x;
    }
    return s;
  }

  static int closedByCallee(List<Integer> xs) {
    Chan<Integer> c = Chan.make();
    Go.go(() -> produce(xs, c));
    int s = 0;
    // OK(UnclosedChannel): produce closes the channel it is given
    for (int x : c) {
      s += x;
    }
    return s;
  }

  private static void produce(List<Integer> xs, SendChan<Integer> out) {
    try {
      xs.forEach(out::send);
    } finally {
      out.close();
    }
  }
}
