import dev.goconc.*;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Small cases: sleeping instead of waiting for the goroutines a method started. */
public class SleepCases {
  static int sleepForWorkers(List<Integer> xs) throws InterruptedException {
    AtomicInteger sum = new AtomicInteger();
    for (int x : xs) {
      Go.go(() -> sum.addAndGet(x));
    }
    // BUG(SleepInsteadOfSynchronization): hopes the goroutines are done after 100 ms
    Thread.sleep(100);
    return sum.get();
  }

  static void timeUnitSleep(Runnable flush) throws InterruptedException {
    Go.go(flush);
    // BUG(SleepInsteadOfSynchronization): TimeUnit.sleep used to wait for the flush goroutine
    TimeUnit.SECONDS.sleep(1);
    System.out.println("flushed");
  }

  static int waitGroupInstead(List<Integer> xs) {
    AtomicInteger sum = new AtomicInteger();
    WaitGroup wg = new WaitGroup();
    for (int x : xs) {
      wg.go(() -> sum.addAndGet(x));
    }
    wg.await();
    return sum.get();
  }

  static String retryWithBackoff(java.util.function.Supplier<String> call) throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      String r = call.get();
      if (r != null) {
        return r;
      }
      // OK(SleepInsteadOfSynchronization): a back-off between attempts; no goroutine was started here
      Thread.sleep(200L << i);
    }
    return null;
  }

  static void pacedLaunches(List<Runnable> jobs) throws InterruptedException {
    WaitGroup wg = new WaitGroup();
    for (Runnable j : jobs) {
      wg.go(j);
      // OK(SleepInsteadOfSynchronization): paces the launches; the wait group does the waiting
      Thread.sleep(10);
    }
    wg.await();
  }
}
