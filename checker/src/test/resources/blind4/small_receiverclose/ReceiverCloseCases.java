import dev.goconc.*;

/** Small cases: closes by code that only receives. */
public class ReceiverCloseCases {
  static int consumerCloses(Chan<Integer> in) {
    int s = 0;
    for (int x : in) {
      if (x < 0) {
        break;
      }
      s += x;
    }
    // BUG(ReceiverSideClose): the parameter is only received from, then closed
    in.close();
    return s;
  }

  static void goroutineRangesThenCloses(Chan<String> jobs) {
    Go.go(() -> {
      for (String j : jobs) {
        System.out.println(j);
      }
      // BUG(ReceiverSideClose): the goroutine ranged over jobs and then closes it
      jobs.close();
    });
  }

  static int methodRangesOwnChannel(int n) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> {
      for (int i = 0; i < n; i++) {
        ch.send(i);
      }
    });
    int s = 0;
    for (int i = 0; i < n; i++) {
      s += ch.receive();
    }
    // BUG(ReceiverSideClose): this method only receives on ch; the goroutine is the sender
    ch.close();
    return s;
  }

  static void senderCloses(Chan<Integer> out, int n) {
    for (int i = 0; i < n; i++) {
      out.send(i);
    }
    // OK(ReceiverSideClose): the sole sender closes
    out.close();
  }

  static void closeQuit(Chan<Void> quit, RecvChan<String> work) {
    for (int i = 0; i < 3; i++) {
      System.out.println(work.receive());
    }
    // OK(ReceiverSideClose): quit carries no values: closing it is the owner's signal
    quit.close();
  }

  static int ownerAfterSenders(int n) {
    Chan<Integer> ch = Chan.make(n);
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < n; i++) {
      int v = i;
      wg.go(() -> ch.send(v));
    }
    Go.go(() -> {
      wg.await();
      // OK(ReceiverSideClose): the owner's closer goroutine closes after all senders are done
      ch.close();
    });
    int s = 0;
    for (int x : ch) {
      s += x;
    }
    return s;
  }
}
