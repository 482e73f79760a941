import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.SendChan;
import java.util.List;

/** Small cases on who closes and what happens after close. */
class CloseCases {
  void sendAfterClose() {
    Chan<Integer> ch = Chan.make(2);
    ch.send(1);
    ch.close();
    // BUG(SendOnClosedChannel): send after close
    ch.send(2);
  }

  void doubleClose(boolean again) {
    Chan<Integer> ch = Chan.make(1);
    ch.close();
    if (again) {
      // BUG(SendOnClosedChannel): second close of the same channel
      ch.close();
    }
  }

  boolean trySendAfterClose() {
    Chan<String> ch = Chan.make(1);
    ch.close();
    // BUG(SendOnClosedChannel): trySend is a send; on a closed channel it throws
    return ch.trySend("late");
  }

  void selectSendAfterClose(Chan<String> other) {
    Chan<String> ch = Chan.make(1);
    ch.close();
    // BUG(SendOnClosedChannel): a select send case on a closed channel
    Select.<Void>select().send(ch, "x", () -> null).recv(other, s -> null).run();
  }

  void closeLast() {
    Chan<Integer> ch = Chan.make(3);
    ch.send(1);
    ch.send(2);
    // OK(SendOnClosedChannel): no send follows the close
    ch.close();
  }

  void closeInOtherBranch(boolean done) {
    Chan<Integer> ch = Chan.make(1);
    if (done) {
      ch.close();
    } else {
      // OK(SendOnClosedChannel): this branch never closed it
      ch.send(1);
    }
  }

  int consumerCloses(Chan<Integer> in) {
    int sum = 0;
    for (Integer v : in) {
      sum += v;
    }
    // BUG(ReceiverSideClose): ranges over in, then closes it
    in.close();
    return sum;
  }

  void goroutineConsumerCloses(List<Integer> values) {
    Chan<Integer> ch = Chan.make();
    Go.go(() -> {
      int n = 0;
      for (Integer v : ch) {
        n += v;
        if (n > 100) {
          // BUG(ReceiverSideClose): the receiving goroutine closes the channel under the sender
          ch.close();
          return;
        }
      }
    });
    for (Integer v : values) {
      ch.send(v);
    }
    ch.close();
  }

  void producerCloses(SendChan<Integer> out, List<Integer> values) {
    try {
      values.forEach(out::send);
    } finally {
      // OK(ReceiverSideClose): the sole sender closes
      out.close();
    }
  }

  int receiveOnly(RecvChan<Integer> in) {
    int sum = 0;
    // OK(ReceiverSideClose): a RecvChan cannot be closed: the consumer does not try
    for (Integer v : in) {
      sum += v;
    }
    return sum;
  }

  void quitSignal(Chan<Boolean> quit) {
    // OK(ReceiverSideClose): a quit channel nobody sends on: closing it is the owner's signal
    quit.close();
  }
}
