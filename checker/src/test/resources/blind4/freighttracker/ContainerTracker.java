import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** Tracks shipping containers: port scanners report positions; a lookup asks all terminals. */
public class ContainerTracker {
  public record Position(String containerId, String terminal, String bay) {}

  public interface Terminal {
    String name();
    Position locate(String containerId) throws InterruptedException;
  }

  private final ExecutorService io;

  public ContainerTracker(ExecutorService io) {
    this.io = io;
  }

  /** Asks every terminal; returns at the first position found or after 10 s. */
  public Position locateBroken(List<Terminal> terminals, String id) throws InterruptedException {
    SynchronousQueue<Position> found = new SynchronousQueue<>();
    for (Terminal t : terminals) {
      io.execute(() -> {
        try {
          Position p = t.locate(id);
          if (p != null) {
            // BUG(QueueHandoffLeak): after the first answer (or the timeout) nobody takes: the other terminals' puts block forever
            found.put(p);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    return found.poll(10, TimeUnit.SECONDS);
  }

  public Position locate(List<Terminal> terminals, String id) throws InterruptedException {
    // OK(QueueHandoffLeak): room for every terminal's answer
    BlockingQueue<Position> found = new ArrayBlockingQueue<>(Math.max(1, terminals.size()));
    for (Terminal t : terminals) {
      io.execute(() -> {
        try {
          Position p = t.locate(id);
          if (p != null) {
            found.put(p);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
    return found.poll(10, TimeUnit.SECONDS);
  }

  /** The gate scanner feed, consumed by a long-running task. */
  public static Runnable consumerBroken(BlockingQueue<Position> feed, List<Position> log) {
    return () -> {
      while (true) {
        try {
          Position p = feed.take();
          synchronized (log) {
            log.add(p);
          }
        } catch (InterruptedException ignored) {
          // BUG(InterruptIgnoredInTaskLoop): swallows the interrupt and keeps taking: the task cannot be stopped
        }
      }
    };
  }

  public static Runnable consumer(BlockingQueue<Position> feed, List<Position> log) {
    return () -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Position p = feed.take();
          synchronized (log) {
            log.add(p);
          }
        }
      } catch (InterruptedException e) {
        // OK(InterruptIgnoredInTaskLoop): the loop is left and the flag restored
        Thread.currentThread().interrupt();
      }
    };
  }

  public static List<Position> drain(LinkedBlockingQueue<Position> q) {
    List<Position> out = new ArrayList<>();
    q.drainTo(out);
    return out;
  }
}
