import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;

/** Drains an outbox queue on a pool thread and delivers each message. */
public class MailSender {
  public record Mail(String to, String body) {}

  private final BlockingQueue<Mail> outbox = new LinkedBlockingQueue<>();
  private final ExecutorService executor;
  private volatile boolean running = true;

  public MailSender(ExecutorService executor) {
    this.executor = executor;
  }

  public void start() {
    executor.submit(this::deliverLoop);
  }

  private void deliverLoop() {
    while (running) {
      try {
        Mail m = outbox.take();
        deliver(m);
      } catch (InterruptedException e) {
        // BUG(InterruptIgnoredInTaskLoop): the interrupt (shutdownNow) is swallowed and the loop goes on; the task cannot be stopped
        System.err.println("interrupted, retrying");
      }
    }
  }

  public void enqueue(Mail m) {
    outbox.add(m);
  }

  public void stop() {
    running = false;
    executor.shutdownNow();
  }

  private static void deliver(Mail m) {
    System.out.println("to " + m.to() + ": " + m.body().length() + " bytes");
  }
}
