// Program: small cases of sends and closes after a close on the same path.
import dev.goconc.*;

final class SendAfterClose {
  static boolean trySendAfterClose() {
    Chan<Integer> c = Chan.make(4);
    c.send(1);
    c.close();
    // BUG(SendOnClosedChannel): trySend on a closed channel throws
    return c.trySend(2);
  }

  // BUG(ContextNotFirstParameter): the context comes after the channel
  static void selectSendAfterClose(Chan<Integer> c, Context ctx) {
    c.close();
    // BUG(SendOnClosedChannel): a select send case after close
    Select.<Void>select().send(c, 1, () -> null).recv(ctx.done(), d -> null).run();
  }

  static void closeInLoop(Chan<Integer> c, int n) {
    for (int i = 0; i < n; i++) {
      c.send(i);
      // BUG(SendOnClosedChannel): the second iteration sends on (and closes) a closed channel
      c.close();
    }
  }

  static void closeOnce(Chan<Integer> c, int n) {
    for (int i = 0; i < n; i++) {
      c.send(i);
    }
    // OK(SendOnClosedChannel): the close follows every send
    c.close();
  }

  static void differentChannels(Chan<Integer> a, Chan<Integer> b) {
    a.close();
    // OK(SendOnClosedChannel): b is another channel
    b.send(1);
  }

  static void closeEitherBranch(Chan<Integer> c, boolean early) {
    if (early) {
      c.close();
      return;
    }
    c.send(1);
    // OK(SendOnClosedChannel): the branch that closed returned first
    c.close();
  }
}
