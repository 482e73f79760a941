// Program: rolling deploy orchestrator; hosts upgraded in waves of limited parallelism with ErrGroup, a health-check deadline per host. Correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.List;

final class Deployer {
  interface Host {
    void upgrade(Context ctx, String version) throws Exception;
    boolean healthy(Context ctx);
  }

  static Throwable deploy(Context parent, List<Host> hosts, String version, int parallel) {
    ErrGroup g = ErrGroup.withContext(parent);
    g.setLimit(parallel);
    for (Host h : hosts) {
      g.go(() -> {
        h.upgrade(g.context(), version);
        // OK(LostCancel): closed by try-with-resources
        try (CancelContext hc = Context.withTimeout(g.context(), Duration.ofSeconds(30))) {
          // OK(IgnoredCancellation): the wait selects on hc.done()
          while (!h.healthy(hc)) {
            boolean expired = Select.<Boolean>select()
                .recv(Time.after(Duration.ofSeconds(1)), t -> false)
                .recv(hc.done(), d -> true)
                .run();
            if (expired) {
              throw new IllegalStateException("host never became healthy");
            }
          }
        }
      });
    }
    // OK(WaitGroupAwaitInLaunchLoop): awaited once, after the loop
    return g.await();
  }
}
