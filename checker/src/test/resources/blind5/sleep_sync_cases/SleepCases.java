import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** Cases: a sleep used as a wait for goroutines, beside sleeps that are pacing or back-off. */
class SleepCases {
  private final Map<String, Integer> out = new ConcurrentHashMap<>();

  Map<String, Integer> sleepForWorkers(List<String> keys) throws InterruptedException {
    keys.forEach(k -> Go.go(() -> out.put(k, k.length())));
    // BUG(SleepInsteadOfSynchronization): the "HACK": wait a bit and hope they are done
    Thread.sleep(100);
    return Map.copyOf(out);
  }

  int sleepThenReadChannel() throws InterruptedException {
    Chan<Integer> c = Chan.make(1);
    Go.go(() -> c.send(7));
    // BUG(SleepInsteadOfSynchronization): TimeUnit sleep standing in for a receive
    TimeUnit.MILLISECONDS.sleep(50);
    return c.tryReceive().map(r -> r.value()).orElse(-1);
  }

  Map<String, Integer> waitProperly(List<String> keys) {
    WaitGroup wg = new WaitGroup();
    keys.forEach(k -> wg.go(() -> out.put(k, k.length())));
    wg.await();
    return Map.copyOf(out);
  }

  void pacing(List<String> keys) throws InterruptedException {
    for (String k : keys) {
      out.put(k, 0);
      // OK(SleepInsteadOfSynchronization): rate limiting a loop, no goroutines started
      Thread.sleep(10);
    }
  }
}
