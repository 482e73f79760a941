// Program: log shipper; a worker thread drains a queue of lines into batches; its loop swallows interrupts, so shutdownNow cannot stop it.
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

final class Shipper {
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Consumer<List<String>> sink;

  Shipper(Consumer<List<String>> sink) {
    this.sink = sink;
  }

  void offer(String line) {
    lines.offer(line);
  }

  void start(ExecutorService pool) {
    pool.submit(() -> {
      List<String> batch = new ArrayList<>();
      while (true) {
        try {
          String l = lines.poll(1, TimeUnit.SECONDS);
          if (l != null) {
            batch.add(l);
          }
          if (batch.size() >= 100 || (l == null && !batch.isEmpty())) {
            sink.accept(List.copyOf(batch));
            batch.clear();
          }
          // BUG(InterruptIgnoredInTaskLoop): the interrupt is swallowed and the loop goes on
        } catch (InterruptedException e) {
          System.err.println("interrupted, retrying");
        }
      }
    });
  }

  void startFixed(ExecutorService pool) {
    pool.submit(() -> {
      List<String> batch = new ArrayList<>();
      while (!Thread.currentThread().isInterrupted()) {
        try {
          String l = lines.poll(1, TimeUnit.SECONDS);
          if (l != null) {
            batch.add(l);
          } else if (!batch.isEmpty()) {
            sink.accept(List.copyOf(batch));
            batch.clear();
          }
          // OK(InterruptIgnoredInTaskLoop): the flag is restored and the loop condition ends it
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (!batch.isEmpty()) {
        sink.accept(batch);
      }
    });
  }
}
