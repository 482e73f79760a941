// Program: DNS-style lookup with a deadline; the resolver task hands its answer over a SynchronousQueue that nobody takes after a timeout.
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

final class Lookup {
  private final ExecutorService pool;
  private final Function<String, String> resolver;

  Lookup(ExecutorService pool, Function<String, String> resolver) {
    this.pool = pool;
    this.resolver = resolver;
  }

  Optional<String> resolve(String host, long millis) throws InterruptedException {
    BlockingQueue<String> answer = new SynchronousQueue<>();
    pool.execute(() -> {
      try {
        // BUG(QueueHandoffLeak): after the poll times out nobody takes; put blocks this pool thread forever
        answer.put(resolver.apply(host));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return Optional.ofNullable(answer.poll(millis, TimeUnit.MILLISECONDS));
  }

  Optional<String> resolveFixed(String host, long millis) throws InterruptedException {
    BlockingQueue<String> answer = new ArrayBlockingQueue<>(1);
    pool.execute(() -> {
      // OK(QueueHandoffLeak): one free slot; offer never blocks
      answer.offer(resolver.apply(host));
    });
    return Optional.ofNullable(answer.poll(millis, TimeUnit.MILLISECONDS));
  }
}
