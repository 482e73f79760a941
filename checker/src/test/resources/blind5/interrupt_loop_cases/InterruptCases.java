import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Cases for task loops that swallow the interrupt. */
class InterruptCases {
  void swallowInSubmittedLoop(ExecutorService pool, BlockingQueue<String> q, Consumer<String> sink) {
    pool.execute(() -> {
      // BUG(InterruptIgnoredInTaskLoop): the catch swallows the interrupt and the loop goes on
      while (true) {
        try {
          sink.accept(q.take());
        } catch (InterruptedException ignored) {
          // keep going
        }
      }
    });
  }

  Runnable sleeperTask(Runnable poll) {
    return () -> {
      // BUG(InterruptIgnoredInTaskLoop): shutdownNow's interrupt is logged and dropped
      for (;;) {
        poll.run();
        try {
          TimeUnit.SECONDS.sleep(1);
        } catch (InterruptedException e) {
          System.err.println("interrupted: " + e);
        }
      }
    };
  }

  void restoresAndReturns(ExecutorService pool, BlockingQueue<String> q, Consumer<String> sink) {
    pool.execute(() -> {
      // OK(InterruptIgnoredInTaskLoop): the interrupt ends the loop
      while (true) {
        try {
          sink.accept(q.take());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    });
  }

  void loopInsideTry(ExecutorService pool, BlockingQueue<String> q, Consumer<String> sink) {
    pool.execute(() -> {
      // OK(InterruptIgnoredInTaskLoop): the try is outside the loop, an interrupt leaves it
      try {
        while (true) {
          sink.accept(q.take());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
  }

  void checksFlag(ExecutorService pool, BlockingQueue<String> q, Consumer<String> sink) {
    pool.execute(() -> {
      // OK(InterruptIgnoredInTaskLoop): the flag is restored and the loop condition reads it
      while (!Thread.currentThread().isInterrupted()) {
        try {
          String s = q.poll(100, TimeUnit.MILLISECONDS);
          if (s != null) {
            sink.accept(s);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
  }
}
