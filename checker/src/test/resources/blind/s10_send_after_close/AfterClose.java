import dev.goconc.Chan;
import dev.goconc.Select;

class AfterClose {
  static void sendAfterClose() {
    Chan<Integer> c = Chan.make(4);
    c.send(1);
    c.close();
    // BUG(SendOnClosedChannel): send after close throws
    c.send(2);
  }

  static boolean trySendAfterClose(Chan<String> c) {
    c.close();
    // BUG(SendOnClosedChannel): trySend is a send
    return c.trySend("late");
  }

  static void selectSendAfterClose(Chan<String> c, Chan<String> other) {
    c.close();
    // BUG(SendOnClosedChannel): a select send case on the closed channel
    Select.<Void>select().send(c, "x", () -> null).recv(other, v -> null).run();
  }

  static void doubleClose(Chan<String> c, boolean again) {
    c.close();
    if (again) {
      // BUG(SendOnClosedChannel): second close on this path
      c.close();
    }
  }

  static void branches(Chan<String> c, boolean done) {
    if (done) {
      c.close();
    } else {
      // OK(SendOnClosedChannel): close and send are on different branches
      c.send("more");
    }
  }

  static void sendsThenClose(Chan<String> c, int n) {
    for (int i = 0; i < n; i++) {
      c.send("v" + i);
    }
    // OK(SendOnClosedChannel): close after the sends
    c.close();
  }

  static void loopCloseOnLast(Chan<Integer> c, int n) {
    for (int i = 0; i < n; i++) {
      c.send(i);
      if (i == n - 1) {
        // OK(SendOnClosedChannel): closing on the last iteration; the loop ends right after
        c.close();
      }
    }
  }
}
