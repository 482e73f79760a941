import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

final class Ingestor implements Runnable {
  private final BlockingQueue<String> in;
  private final List<String> stored = new CopyOnWriteArrayList<>();

  Ingestor(BlockingQueue<String> in) {
    this.in = in;
  }

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        String s = in.poll(100, TimeUnit.MILLISECONDS);
        if (s != null) {
          stored.add(s.strip());
        }
      } catch (InterruptedException e) {
        // OK(InterruptIgnoredInTaskLoop): restores the flag, which the loop condition then sees
        Thread.currentThread().interrupt();
      }
    }
  }

  static Runnable drainer(BlockingQueue<Integer> q, List<Integer> sink) {
    return () -> {
      for (;;) {
        try {
          sink.add(q.take());
        } catch (InterruptedException e) {
          // OK(InterruptIgnoredInTaskLoop): leaves the loop on interrupt
          return;
        }
      }
    };
  }

  List<String> stored() {
    return stored;
  }
}
