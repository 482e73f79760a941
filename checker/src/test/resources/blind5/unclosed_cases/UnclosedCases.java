import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import dev.goconc.SendChan;
import dev.goconc.WaitGroup;
import java.util.List;

/** Small cases for ranging over channels whose senders never close them. */
class UnclosedCases {
  int neverClosed(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> values.forEach(ch::send));
    int sum = 0;
    // BUG(UnclosedChannel): the sender never closes ch, the loop never ends
    for (Integer v : ch) {
      sum += v;
    }
    return sum;
  }

  int receiveOkNeverClosed(List<Integer> values) {
    Chan<Integer> ch = Chan.make(4);
    Go.go(() -> {
      for (Integer v : values) {
        ch.send(v);
      }
    });
    int sum = 0;
    // BUG(UnclosedChannel): waits for !ok that never comes
    while (true) {
      Received<Integer> r = ch.receiveOk();
      if (!r.ok()) {
        return sum;
      }
      sum += r.value();
    }
  }

  int fanInNoCloser(List<List<Integer>> parts) {
    Chan<Integer> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (List<Integer> p : parts) {
      wg.go(() -> p.forEach(out::send));
    }
    int sum = 0;
    // BUG(UnclosedChannel): no closer goroutine after wg.await()
    for (Integer v : out) {
      sum += v;
    }
    return sum;
  }

  int closedInFinally(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> {
      try {
        values.forEach(ch::send);
      } finally {
        ch.close();
      }
    });
    int sum = 0;
    // OK(UnclosedChannel): closed in finally
    for (Integer v : ch) {
      sum += v;
    }
    return sum;
  }

  int closerGoroutine(List<List<Integer>> parts) {
    Chan<Integer> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (List<Integer> p : parts) {
      wg.go(() -> p.forEach(out::send));
    }
    Go.go(() -> {
      wg.await();
      out.close();
    });
    int sum = 0;
    // OK(UnclosedChannel): the closer goroutine closes after the senders
    for (Integer v : out) {
      sum += v;
    }
    return sum;
  }

  static void produce(SendChan<Integer> out, List<Integer> values) {
    try {
      values.forEach(out::send);
    } finally {
      out.close();
    }
  }

  int passedToCloser(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> produce(ch, values));
    int sum = 0;
    // OK(UnclosedChannel): passed to a method that closes it
    for (Integer v : ch) {
      sum += v;
    }
    return sum;
  }

  int singleReceive(List<Integer> values) {
    Chan<Integer> ch = Chan.make(1);
    Go.go(() -> ch.send(values.size()));
    // OK(UnclosedChannel): a single receive, not a loop
    return ch.receive();
  }

  static RecvChan<String> lines(List<String> src) {
    Chan<String> out = Chan.make(8);
    Go.go(() -> {
      for (String s : src) {
        if (s.startsWith("#")) {
          // BUG(UnclosedChannel): an early return that neither sends nor closes; the range below never ends
          return;
        }
        out.send(s);
      }
      out.close();
    });
    return out;
  }

  int countLines(List<String> src) {
    int n = 0;
    for (String ignored : lines(src)) {
      n++;
    }
    return n;
  }
}
