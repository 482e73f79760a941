import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Renders invoice PDFs from a queue on background workers. */
public class InvoiceRenderer implements AutoCloseable {
  public record Invoice(String number, String customer, long cents) {}

  public interface Pdf {
    void write(Invoice inv);
  }

  private final BlockingQueue<Invoice> queue = new LinkedBlockingQueue<>();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final Pdf pdf;
  private volatile boolean running = true;

  public InvoiceRenderer(Pdf pdf) {
    this.pdf = pdf;
  }

  public void startBroken() {
    workers.execute(() -> {
      while (running) {
        try {
          Invoice inv = queue.take();
          pdf.write(inv);
        } catch (InterruptedException e) {
          // BUG(InterruptIgnoredInTaskLoop): the interrupt from shutdownNow() is swallowed and the loop takes again
          System.err.println("interrupted, continuing");
        }
      }
    });
  }

  public void start() {
    workers.execute(() -> {
      while (running) {
        try {
          Invoice inv = queue.take();
          pdf.write(inv);
        } catch (InterruptedException e) {
          // OK(InterruptIgnoredInTaskLoop): restores the flag and leaves the loop
          Thread.currentThread().interrupt();
          return;
        }
      }
    });
  }

  public void submit(Invoice inv) {
    queue.add(inv);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
  }

  /** The archive job polls with a timeout and exits on interrupt. */
  public static Runnable archiver(BlockingQueue<Invoice> done, Pdf archive) {
    return () -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Invoice inv = done.poll(1, TimeUnit.SECONDS);
          if (inv != null) {
            archive.write(inv);
          }
        } catch (InterruptedException e) {
          // OK(InterruptIgnoredInTaskLoop): restores the flag, which the loop condition then sees
          Thread.currentThread().interrupt();
        }
      }
    };
  }
}
