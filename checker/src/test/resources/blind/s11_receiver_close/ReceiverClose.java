import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.List;

class ReceiverClose {
  static int sumAndClose(Chan<Integer> in) {
    int s = 0;
    for (int v : in) {
      s += v;
      if (s > 100) {
        break;
      }
    }
    // BUG(ReceiverSideClose): a parameter only received from, then closed
    in.close();
    return s;
  }

  static void consumerGoroutine(Chan<String> work) {
    Go.go(
        () -> {
          String first = work.receive();
          System.out.println(first);
          // BUG(ReceiverSideClose): the consumer closes the channel it receives from
          work.close();
        });
    work.send("a");
    work.send("b");
  }

  static void soleSender(List<String> xs, Chan<String> out) {
    Go.go(
        () -> {
          for (String x : xs) {
            out.send(x);
          }
          // OK(ReceiverSideClose): the sole sender closes
          out.close();
        });
  }

  static void ownerAfterSenders(List<String> xs) {
    Chan<String> out = Chan.make(xs.size());
    WaitGroup wg = new WaitGroup();
    for (String x : xs) {
      wg.go(() -> out.send(x));
    }
    wg.await();
    // OK(ReceiverSideClose): the owner closes after all senders are done
    out.close();
    drain(out);
  }

  static void drain(RecvChan<String> in) {
    for (String s : in) {
      System.out.println(s);
    }
  }

  static void doneSignal(RecvChan<String> feed) {
    Chan<Boolean> done = Chan.make();
    Go.go(
        () -> {
          for (String s : feed) {
            System.out.println(s);
          }
          // OK(ReceiverSideClose): done carries no values; closing it is the signal
          done.close();
        });
    done.receive();
  }
}
