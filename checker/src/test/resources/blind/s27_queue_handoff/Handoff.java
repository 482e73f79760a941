import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

class Handoff {
  static String timed(java.util.function.Supplier<String> slow) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                // BUG(QueueHandoffLeak): after the poll times out nobody takes; put blocks the thread forever
                q.put(slow.get());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return q.poll(1, TimeUnit.SECONDS);
  }

  static String alwaysTakes(java.util.function.Supplier<String> slow) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                // OK(QueueHandoffLeak): the parent takes on every path
                q.put(slow.get());
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return q.take();
  }

  static String offerWithTimeout(java.util.function.Supplier<String> slow) throws InterruptedException {
    SynchronousQueue<String> q = new SynchronousQueue<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                // OK(QueueHandoffLeak): a timed offer gives up on its own
                q.offer(slow.get(), 2, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return q.poll(1, TimeUnit.SECONDS);
  }
}
