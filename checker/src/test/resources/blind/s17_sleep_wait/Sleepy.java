import dev.goconc.Go;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

class Sleepy {
  static List<String> gather(List<String> xs) throws InterruptedException {
    ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
    for (String x : xs) {
      Go.go(() -> out.add(x.toUpperCase()));
    }
    // BUG(SleepInsteadOfSynchronization): TimeUnit.sleep to wait for the goroutines
    TimeUnit.MILLISECONDS.sleep(100);
    return List.copyOf(out);
  }

  static void backoff(int attempt) throws InterruptedException {
    // OK(SleepInsteadOfSynchronization): backoff in a method that starts no goroutine
    Thread.sleep(10L << attempt);
  }

  static void workInsideGoroutine() {
    Go.go(
        () -> {
          try {
            // OK(SleepInsteadOfSynchronization): the goroutine simulates work; nobody waits by sleeping
            Thread.sleep(5);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }
}
