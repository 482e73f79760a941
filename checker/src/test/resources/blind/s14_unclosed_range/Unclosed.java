import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import dev.goconc.SendChan;
import java.util.List;

class Unclosed {
  static int countNeverClosed(List<String> xs) {
    Chan<String> c = Chan.make();
    Go.go(
        () -> {
          for (String x : xs) {
            c.send(x);
          }
        });
    int n = 0;
    // BUG(UnclosedChannel): the sender never closes c; the range never ends
    for (String s : c) {
      n += s.length();
    }
    return n;
  }

  static int receiveOkNeverClosed(List<Integer> xs) {
    Chan<Integer> c = Chan.make(xs.size());
    Go.go(() -> xs.forEach(c::send));
    int sum = 0;
    // BUG(UnclosedChannel): receiveOk until !ok, but nobody closes c
    while (true) {
      Received<Integer> r = c.receiveOk();
      if (!r.ok()) {
        break;
      }
      sum += r.value();
    }
    return sum;
  }

  static RecvChan<Integer> parseAll(List<String> xs) {
    Chan<Integer> out = Chan.make();
    Go.go(
        () -> {
          for (String x : xs) {
            if (x.isBlank()) {
              // BUG(UnclosedChannel): the throw leaves out unclosed; the caller's range waits forever
              throw new IllegalArgumentException("blank");
            }
            out.send(Integer.parseInt(x));
          }
          out.close();
        });
    return out;
  }

  static int closedInFinally(List<String> xs) {
    Chan<String> c = Chan.make();
    Go.go(
        () -> {
          try {
            xs.forEach(c::send);
          } finally {
            c.close();
          }
        });
    int n = 0;
    // OK(UnclosedChannel): the sender closes in finally
    for (String s : c) {
      n++;
    }
    return n;
  }

  static void produce(SendChan<String> out, List<String> xs) {
    try {
      xs.forEach(out::send);
    } finally {
      out.close();
    }
  }

  static int passedToCloser(List<String> xs) {
    Chan<String> c = Chan.make();
    Go.go(() -> produce(c, xs));
    int n = 0;
    // OK(UnclosedChannel): the channel is passed to a method that closes it
    for (String s : c) {
      n++;
    }
    return n;
  }

  static String single(List<String> xs) {
    Chan<String> c = Chan.make(1);
    Go.go(() -> c.send(String.join(",", xs)));
    // OK(UnclosedChannel): a single receive, not a loop
    return c.receive();
  }
}
