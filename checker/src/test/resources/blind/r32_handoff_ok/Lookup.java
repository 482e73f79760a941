import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

final class Lookup {
  private final ExecutorService executor;

  Lookup(ExecutorService executor) {
    this.executor = executor;
  }

  String resolve(String host) throws InterruptedException {
    BlockingQueue<String> reply = new ArrayBlockingQueue<>(1);
    executor.execute(
        () -> {
          // OK(QueueHandoffLeak): one slot for the one reply, and offer never blocks
          reply.offer(host.toLowerCase() + ".internal");
        });
    String r = reply.poll(100, TimeUnit.MILLISECONDS);
    return r == null ? host : r;
  }

  String resolveUnbounded(String host) throws InterruptedException {
    BlockingQueue<String> reply = new LinkedBlockingQueue<>();
    executor.execute(
        () -> {
          try {
            // OK(QueueHandoffLeak): an unbounded queue never blocks put
            reply.put(host + ".svc");
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
    String r = reply.poll(100, TimeUnit.MILLISECONDS);
    return r == null ? host : r;
  }
}
