import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.List;

/** Ranges over channels whose senders do or do not close them. */
class UnclosedShapes {
  static int sumNeverClosed(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> {
      for (int v : values) {
        ch.send(v);
      }
    });
    int sum = 0;
    // BUG(UnclosedChannel): the sender never closes ch; this loop never ends
    for (int v : ch) {
      sum += v;
    }
    return sum;
  }

  static int mergeWithoutCloser(List<List<Integer>> parts) {
    Chan<Integer> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (List<Integer> p : parts) {
      wg.go(() -> p.forEach(out::send));
    }
    int sum = 0;
    // BUG(UnclosedChannel): a fan-in with no closer
    for (int v : out) {
      sum += v;
    }
    return sum;
  }

  static RecvChan<Integer> numbers(int n, boolean flaky) {
    Chan<Integer> out = Chan.make();
    Go.go(() -> {
      for (int i = 0; i < n; i++) {
        if (flaky && i == 3) {
          // BUG(UnclosedChannel): this error path returns without closing out
          return;
        }
        out.send(i);
      }
      out.close();
    });
    return out;
  }

  static int sumClosedInFinally(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> {
      try {
        for (int v : values) {
          ch.send(v);
        }
      } finally {
        ch.close();
      }
    });
    int sum = 0;
    // OK(UnclosedChannel): the sender closes in finally
    for (int v : ch) {
      sum += v;
    }
    return sum;
  }

  static void fill(Chan<Integer> out, List<Integer> values) {
    try {
      values.forEach(out::send);
    } finally {
      out.close();
    }
  }

  static int sumViaCloser(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> fill(ch, values));
    int sum = 0;
    // OK(UnclosedChannel): the channel is passed to a method that closes it
    for (int v : ch) {
      sum += v;
    }
    return sum;
  }

  static int firstOnly(List<Integer> values) {
    Chan<Integer> ch = Chan.make(values.size());
    values.forEach(ch::send);
    // OK(UnclosedChannel): a single receive is not a loop
    return ch.receive();
  }
}
