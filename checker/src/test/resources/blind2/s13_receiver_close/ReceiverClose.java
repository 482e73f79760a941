// Program: small cases of closes by code that only receives.
import dev.goconc.*;

final class ReceiverClose {
  static int drainAndClose(Chan<Integer> in) {
    int s = 0;
    for (int x : in) {
      s += x;
    }
    // BUG(ReceiverSideClose): a parameter only received from, then closed
    in.close();
    return s;
  }

  static int firstThenClose(Chan<String> in) {
    String first = in.receive();
    // BUG(ReceiverSideClose): the consumer closes its input after one value
    in.close();
    return first == null ? 0 : first.length();
  }

  static void goroutineConsumer(Chan<Integer> work) {
    Go.go(() -> {
      for (int w : work) {
        System.out.println(w);
      }
      // BUG(ReceiverSideClose): the goroutine only ranges over work and then closes it
      work.close();
    });
    for (int i = 0; i < 3; i++) {
      work.send(i);
    }
  }

  static void producer(Chan<Integer> out) {
    for (int i = 0; i < 3; i++) {
      out.send(i);
    }
    // OK(ReceiverSideClose): the sole sender closes
    out.close();
  }

  static void stopSignal(Chan<Void> quit) {
    // OK(ReceiverSideClose): a channel nobody sends on is a signal; closing it is the owner's job
    quit.close();
  }

  static void waitThenStop(Chan<Void> quit, Chan<Void> stopped) {
    quit.receive();
    // OK(ReceiverSideClose): stopped is never sent on; its close is the signal
    stopped.close();
  }
}
