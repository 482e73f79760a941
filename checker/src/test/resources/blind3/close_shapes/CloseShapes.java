import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.SendChan;
import java.util.List;

/** Send-after-close, double close and who may close: the small shapes. */
class CloseShapes {
  static void sendAfterClose(List<String> words) {
    Chan<String> ch = Chan.make(words.size() + 1);
    for (String w : words) {
      ch.send(w);
    }
    ch.close();
    // BUG(SendOnClosedChannel): send after close throws ChannelClosedException
    ch.send("<eof>");
  }

  static void selectSendAfterClose(Chan<String> out) {
    out.close();
    // BUG(SendOnClosedChannel): a select send case is a send too
    Select.<Void>select().send(out, "late", () -> null).otherwise(() -> null).run();
  }

  static void closeTwiceOnError(Chan<Integer> out, boolean failed) {
    out.close();
    if (failed) {
      // BUG(SendOnClosedChannel): the second close of the same channel throws
      out.close();
    }
  }

  static void closeOnceEitherWay(Chan<Integer> out, boolean failed) {
    if (failed) {
      out.send(-1);
    }
    // OK(SendOnClosedChannel): one close, after the last send
    out.close();
  }

  static int consumerCloses(Chan<Integer> in) {
    int sum = 0;
    for (int v : in) {
      sum += v;
    }
    // BUG(ReceiverSideClose): a parameter used only for receiving, then closed
    in.close();
    return sum;
  }

  static int consumerNarrowed(RecvChan<Integer> in) {
    int sum = 0;
    for (int v : in) {
      sum += v;
    }
    return sum;
  }

  static void producerCloses(SendChan<Integer> out, int n) {
    for (int i = 0; i < n; i++) {
      out.send(i);
    }
    // OK(ReceiverSideClose): the sole sender closes
    out.close();
  }

  static int rangeThenCloseInGoroutine(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Chan<Integer> total = Chan.make(1);
    Go.go(() -> {
      int sum = 0;
      for (int v : ch) {
        sum += v;
      }
      // BUG(ReceiverSideClose): the goroutine ranges over ch and then closes it; the main goroutine is the sender and closes it too
      ch.close();
      total.send(sum);
    });
    for (int v : values) {
      ch.send(v);
    }
    ch.close();
    return total.receive();
  }

  static void stopSignal(Chan<Void> quit) {
    // OK(ReceiverSideClose): nobody sends on quit; closing it is the owner's signal
    quit.close();
  }
}
