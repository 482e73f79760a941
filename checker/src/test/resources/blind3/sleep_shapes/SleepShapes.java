import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** The seeds' "HACK": sleeping to wait for goroutines. */
class SleepShapes {
  static List<String> upperAll(List<String> in) throws InterruptedException {
    ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
    for (String s : in) {
      Go.go(() -> out.add(s.toUpperCase()));
    }
    // BUG(SleepInsteadOfSynchronization): TimeUnit.sleep standing in for a WaitGroup
    TimeUnit.MILLISECONDS.sleep(100);
    return List.copyOf(out);
  }

  static List<String> upperAllWaited(List<String> in) {
    ConcurrentLinkedQueue<String> out = new ConcurrentLinkedQueue<>();
    WaitGroup wg = new WaitGroup();
    for (String s : in) {
      wg.go(() -> out.add(s.toUpperCase()));
    }
    wg.await();
    return List.copyOf(out);
  }

  static void pace(List<String> lines) throws InterruptedException {
    for (String l : lines) {
      System.out.println(l);
      // OK(SleepInsteadOfSynchronization): pacing output; no goroutine was started
      Thread.sleep(20);
    }
  }
}
