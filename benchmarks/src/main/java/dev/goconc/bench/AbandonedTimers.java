package dev.goconc.bench;

import dev.goconc.Chan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.Locale;

/**
 * What {@code Time.after} left behind in a select loop costs: N iterations (default 1,000,000) of
 * Go's
 *
 * <pre>{@code
 * select {
 * case v := <-ready:          // always ready: a value was sent just before
 * case <-time.After(10 * time.Minute):
 * }
 * }</pre>
 *
 * then the heap held after a full GC while every one of those timers is still pending, and the
 * time per iteration. The heap is read twice: right after the loop, and again after one more
 * timer has started (starting a timer is when the runtime takes collected timers off its queue).
 *
 * <pre>{@code java -cp benchmarks.jar dev.goconc.bench.AbandonedTimers [iterations]}</pre>
 */
public final class AbandonedTimers {
  private AbandonedTimers() {}

  public static void main(String[] args) throws InterruptedException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Duration tenMinutes = Duration.ofMinutes(10);
    Chan<Integer> ready = Chan.make(1);

    long baseline = usedAfterGc(memory);
    long start = System.nanoTime();
    long sum = 0;
    for (int i = 0; i < n; i++) {
      ready.send(i);
      sum += Select.<Integer>select().recv(ready, v -> v).recv(Time.after(tenMinutes), t -> -1).run();
    }
    long nanosPerIteration = (System.nanoTime() - start) / n;
    long heldAfterLoop = usedAfterGc(memory) - baseline;
    Time.newTimer(tenMinutes).stop();
    long heldAfterNextTimer = usedAfterGc(memory) - baseline;

    System.out.printf(
        Locale.ROOT,
        "%,d selects over Time.after(10 min): %,d ns each; heap held after a full GC %,d MiB"
            + " (%,d bytes per timer), after the next timer starts %,d MiB (%,d bytes per timer)"
            + " [checksum %d]%n",
        n, nanosPerIteration, heldAfterLoop >> 20, heldAfterLoop / n, heldAfterNextTimer >> 20,
        heldAfterNextTimer / n, sum);
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    Thread.sleep(200);
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
