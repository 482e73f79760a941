// Program: heartbeat monitor; probes peers concurrently and marks dead ones; the startup probe sleeps instead of waiting for the probers.
import dev.goconc.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

final class Monitor {
  private final Map<String, Boolean> alive = new ConcurrentHashMap<>();
  private final Predicate<String> ping;

  Monitor(Predicate<String> ping) {
    this.ping = ping;
  }

  Map<String, Boolean> initialProbe(List<String> peers) throws InterruptedException {
    for (String p : peers) {
      Go.go(() -> alive.put(p, ping.test(p)));
    }
    // BUG(SleepInsteadOfSynchronization): hopes the probers finish within 200 ms instead of waiting for them
    Thread.sleep(200);
    return Map.copyOf(alive);
  }

  Map<String, Boolean> probe(List<String> peers) {
    WaitGroup wg = new WaitGroup();
    peers.forEach(p -> wg.go(() -> alive.put(p, ping.test(p))));
    wg.await();
    return Map.copyOf(alive);
  }

  static void pause() throws InterruptedException {
    // OK(SleepInsteadOfSynchronization): a plain pause; this method starts no goroutine
    Thread.sleep(50);
  }
}
