// Program: ordered shutdown of components; each stopper runs under its own deadline derived from a detached context, after the service context is done. Correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

final class Shutdown {
  record Component(String name, Consumer<Context> stop) {}

  static void awaitAndStop(Context serviceCtx, List<Component> components) {
    serviceCtx.done().receive();
    // OK(BackgroundContextInsteadOfParameter): detached on purpose, the service context is already done
    Context detached = Context.withoutCancel(serviceCtx);
    for (Component c : components.reversed()) {
      // OK(LostCancel): closed by try-with-resources each round
      try (CancelContext deadline = Context.withTimeout(detached, Duration.ofSeconds(10))) {
        c.stop().accept(deadline);
      }
    }
  }

  static void stopAllConcurrently(Context serviceCtx, List<Component> components) {
    WaitGroup wg = new WaitGroup();
    for (Component c : components) {
      // OK(WaitGroupAddInGoroutine): wg.go adds before starting
      wg.go(() -> c.stop().accept(Context.withoutCancel(serviceCtx)));
    }
    // OK(WaitGroupAwaitHoldingLock): no lock held
    wg.await();
  }
}
