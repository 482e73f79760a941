import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;

/** Small cases: ranges over channels whose senders do or do not close them. */
public class UnclosedCases {
  static int sumForgotClose(List<Integer> xs) {
    Chan<Integer> ch = Chan.make(4);
    Go.go(() -> {
      for (int x : xs) {
        ch.send(x);
      }
    });
    int s = 0;
    // BUG(UnclosedChannel): the sender never closes ch, so the range never ends
    for (int x : ch) {
      s += x;
    }
    return s;
  }

  static int sumClosesInFinally(List<Integer> xs) {
    Chan<Integer> ch = Chan.make(4);
    Go.go(() -> {
      try {
        xs.forEach(ch::send);
      } finally {
        ch.close();
      }
    });
    int s = 0;
    // OK(UnclosedChannel): closed in finally
    for (int x : ch) {
      s += x;
    }
    return s;
  }

  /** A generic merge of two channels: the merged channel has no closer. */
  static <T> RecvChan<T> mergeBroken(RecvChan<T> a, RecvChan<T> b) {
    Chan<T> out = Chan.make();
    // BUG(UnclosedChannel): the two forwarders never close out: a fan-in with no closer
    for (RecvChan<T> in : List.of(a, b)) {
      Go.go(() -> {
        for (T t : in) {
          out.send(t);
        }
      });
    }
    return out;
  }

  static <T> RecvChan<T> merge(RecvChan<T> a, RecvChan<T> b) {
    Chan<T> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (RecvChan<T> in : List.of(a, b)) {
      wg.go(() -> {
        for (T t : in) {
          out.send(t);
        }
      });
    }
    // OK(UnclosedChannel): the closer goroutine after wg.await()
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }

  static List<String> drainOkBroken(List<String> words) {
    Chan<String> ch = Chan.make(words.size());
    Go.go(() -> words.forEach(ch::send));
    List<String> out = new ArrayList<>();
    // BUG(UnclosedChannel): receiveOk never reports !ok: nothing closes ch
    while (true) {
      Received<String> r = ch.receiveOk();
      if (!r.ok()) {
        break;
      }
      out.add(r.value());
    }
    return out;
  }

  /** A producer returned to the caller; its early-return path neither sends nor closes. */
  static RecvChan<String> linesBroken(String text) {
    Chan<String> out = Chan.make();
    // BUG(UnclosedChannel): on empty text the goroutine returns without closing, and the caller's range hangs
    Go.go(() -> {
      if (text.isEmpty()) {
        return;
      }
      for (String l : text.split("\n")) {
        out.send(l);
      }
      out.close();
    });
    return out;
  }

  static RecvChan<String> lines(String text) {
    Chan<String> out = Chan.make();
    Go.go(() -> {
      try {
        if (text.isEmpty()) {
          return;
        }
        for (String l : text.split("\n")) {
          out.send(l);
        }
      } finally {
        // OK(UnclosedChannel): every path closes
        out.close();
      }
    });
    return out;
  }

  static void fill(SendChan<Integer> to, int n) {
    for (int i = 0; i < n; i++) {
      to.send(i);
    }
    to.close();
  }

  static int passedToCloser(int n) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> fill(ch, n));
    int s = 0;
    // OK(UnclosedChannel): fill() closes the channel it is given
    for (int x : ch) {
      s += x;
    }
    return s;
  }

  static int singleReceive(List<Integer> xs) {
    Chan<Integer> ch = Chan.make(1);
    Go.go(() -> ch.send(xs.size()));
    // OK(UnclosedChannel): a single receive is not a loop
    return ch.receive();
  }
}
