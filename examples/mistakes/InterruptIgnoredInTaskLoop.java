package mistakes;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * {@code shutdownNow()}, {@code future.cancel(true)} and {@code Thread.interrupt()} stop a task the
 * same way: they interrupt its thread, and the task's blocking call throws {@code
 * InterruptedException}. A loop that catches it and goes round again cannot be stopped: the
 * exception cleared the interrupt status, the next {@code take()} blocks as before, and the task
 * keeps its thread (and the pool's {@code awaitTermination}) for ever. Restoring the interrupt and
 * leaving the loop lets the task end when it is asked to — the plain-Java counterpart of a Go loop
 * that selects on {@code ctx.Done()}.
 *
 * @goanalyzer None (Go has no interrupts); the idea of IgnoredCancellation, applied to the JDK's
 *     cancellation
 */
public final class InterruptIgnoredInTaskLoop {
  private InterruptIgnoredInTaskLoop() {}

  /** The worker logs the interrupt and takes the next message: shutdownNow() cannot end it. */
  static final class Mistake {
    static void startPrinter(ExecutorService pool, BlockingQueue<String> messages) {
      pool.execute(() -> {
        while (true) {
          try {
            System.out.println(messages.take());
          } catch (InterruptedException e) { // goconc: expect InterruptIgnoredInTaskLoop
            System.err.println("interrupted; carrying on");
          }
        }
      });
    }
  }

  /** Restore the interrupt and leave the loop: the task ends when the pool asks it to. */
  static final class Fix {
    static void startPrinter(ExecutorService pool, BlockingQueue<String> messages) {
      pool.execute(() -> {
        while (true) {
          try {
            System.out.println(messages.take());
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      });
    }
  }
}
