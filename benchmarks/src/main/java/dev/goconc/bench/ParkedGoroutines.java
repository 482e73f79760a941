package dev.goconc.bench;

import com.softwaremill.jox.Channel;
import dev.goconc.Chan;
import dev.goconc.Go;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The memory check: starts N goroutines (default 1,000,000), each parked receiving on its own
 * unbuffered channel, measures the heap they hold once all are parked, then closes every
 * channel and waits for all to end. Run it with {@code -Xmx4g}: finishing at all is the check
 * that they fit; it prints the heap per parked goroutine.
 *
 * <pre>{@code java -Xmx4g -cp benchmarks.jar dev.goconc.bench.ParkedGoroutines [goconc|jox] [count]}</pre>
 *
 * A parked virtual thread keeps its stack in the heap, so the heap after a full GC is what the
 * goroutines really cost.
 */
public final class ParkedGoroutines {
  private ParkedGoroutines() {}

  public static void main(String[] args) throws InterruptedException {
    String impl = args.length > 0 ? args[0] : Pipes.GOCONC;
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    long baseline = usedAfterGc(memory);
    CountDownLatch parked = new CountDownLatch(count);
    CountDownLatch ended = new CountDownLatch(count);
    long start = System.nanoTime();
    Runnable closeAll = switch (impl) {
      case Pipes.GOCONC -> startGoconc(count, parked, ended);
      case Pipes.JOX -> startJox(count, parked, ended);
      default -> throw new IllegalArgumentException("usage: ParkedGoroutines [goconc|jox] [count]");
    };
    parked.await();
    long startedMillis = (System.nanoTime() - start) / 1_000_000;
    long held = usedAfterGc(memory) - baseline;

    closeAll.run();
    ended.await();
    System.out.printf(
        Locale.ROOT,
        "%s: %,d goroutines parked on %,d channels in %,d ms; heap held %,d MiB (max %,d MiB), %,d bytes per goroutine%n",
        impl, count, count, startedMillis, held >> 20, Runtime.getRuntime().maxMemory() >> 20, held / count);
  }

  private static Runnable startGoconc(int count, CountDownLatch parked, CountDownLatch ended) {
    @SuppressWarnings("unchecked")
    Chan<Integer>[] chans = new Chan[count];
    for (int i = 0; i < count; i++) {
      Chan<Integer> ch = Chan.make();
      chans[i] = ch;
      Go.go(() -> {
        parked.countDown();
        ch.receive();
        ended.countDown();
      });
    }
    return () -> {
      for (Chan<Integer> ch : chans) {
        ch.close();
      }
    };
  }

  private static Runnable startJox(int count, CountDownLatch parked, CountDownLatch ended) {
    @SuppressWarnings("unchecked")
    Channel<Integer>[] chans = new Channel[count];
    for (int i = 0; i < count; i++) {
      Channel<Integer> ch = Channel.newRendezvousChannel();
      chans[i] = ch;
      Thread.ofVirtual().start(() -> {
        parked.countDown();
        try {
          ch.receiveOrClosed();
        } catch (InterruptedException e) {
          throw Interrupted.of(e);
        }
        ended.countDown();
      });
    }
    return () -> {
      for (Channel<Integer> ch : chans) {
        ch.doneOrClosed();
      }
    };
  }

  /**
   * Heap in use after a full collection; the goroutines counted down before parking, so give
   * the last ones a moment to reach their receive.
   */
  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    Thread.sleep(500);
    System.gc();
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }
}
