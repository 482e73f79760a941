import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

class Interrupts {
  static void pollerSwallows(ExecutorService ex, BlockingQueue<String> q) {
    ex.submit(
        () -> {
          while (true) {
            try {
              System.out.println(q.take());
            } catch (InterruptedException ignored) {
              // BUG(InterruptIgnoredInTaskLoop): swallowed; the task loop never ends on cancel or shutdownNow
              System.err.println("interrupted; polling again");
            }
          }
        });
  }

  static void sleeperSwallows(ExecutorService ex) {
    ex.execute(
        () -> {
          for (int i = 0; i < 1_000_000; i++) {
            try {
              Thread.sleep(1000);
            } catch (InterruptedException e) {
              // BUG(InterruptIgnoredInTaskLoop): logged and ignored, the loop goes on
              e.printStackTrace();
            }
          }
        });
  }

  static void pollerExits(ExecutorService ex, BlockingQueue<String> q) {
    ex.submit(
        () -> {
          while (true) {
            try {
              System.out.println(q.take());
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              // OK(InterruptIgnoredInTaskLoop): restores the flag and leaves the loop
              break;
            }
          }
        });
  }
}
