import dev.goconc.*;
import java.util.List;

/** Small cases: sends and second closes after close() on the same channel. */
public class SendClosedCases {
  static void sendAfterClose(Chan<String> out, List<String> items) {
    items.forEach(out::send);
    out.close();
    // BUG(SendOnClosedChannel): sent after the close above
    out.send("done");
  }

  static void doubleCloseOnErrorPath(Chan<Integer> out, int n) {
    try {
      for (int i = 0; i < n; i++) {
        out.send(i);
      }
      out.close();
      if (n > 100) {
        throw new IllegalStateException("too many");
      }
    } catch (IllegalStateException e) {
      // BUG(SendOnClosedChannel): the exception is thrown after the close: this second close throws
      out.close();
    }
  }

  static void closeThenSelectSend(Chan<String> out, RecvChan<Void> quit) {
    out.close();
    // BUG(SendOnClosedChannel): a select send case on the closed channel
    Select.<Void>select().send(out, "late", () -> null).recv(quit, q -> null).run();
  }

  static void localDoubleClose() {
    Chan<Integer> ch = Chan.make(1);
    ch.send(1);
    ch.close();
    System.out.println(ch.receive());
    // BUG(SendOnClosedChannel): closed twice
    ch.close();
  }

  static void closeOnceInFinally(Chan<Integer> out, int n) {
    try {
      for (int i = 0; i < n; i++) {
        // OK(SendOnClosedChannel): every send happens before the finally's close
        out.send(i);
      }
    } finally {
      out.close();
    }
  }

  static void closeOnOneBranchSendOnOther(Chan<Integer> out, boolean stop) {
    if (stop) {
      out.close();
    } else {
      // OK(SendOnClosedChannel): the send is on the other branch: no path closes first
      out.send(1);
    }
  }

  static void reassigned(int n) {
    Chan<Integer> ch = Chan.make(n);
    ch.close();
    ch = Chan.make(n);
    // OK(SendOnClosedChannel): a new channel was assigned after the close
    ch.send(1);
    ch.close();
  }
}
