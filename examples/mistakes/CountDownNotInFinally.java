package mistakes;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/**
 * {@code latch.await()} returns only when every task has called {@code countDown()}. A task that
 * throws before it reaches {@code countDown()} never calls it: the executor keeps the exception in
 * a future nobody reads, and the thread that waits hangs forever. The same holds for a {@code
 * Semaphore} whose {@code release()} the waiter's {@code acquire()} needs, and for a {@code
 * Phaser}'s {@code arriveAndDeregister()}. The count-down goes in {@code finally}, as Go writes
 * {@code defer wg.Done()} first thing in the goroutine.
 *
 * @goanalyzer None; Go's idiom {@code defer wg.Done()}, applied to java.util.concurrent
 */
public final class CountDownNotInFinally {
  private CountDownNotInFinally() {}

  static void resize(String image) {
    if (!image.endsWith(".png")) {
      throw new IllegalArgumentException("not a PNG: " + image);
    }
  }

  /** One image that is not a PNG throws before {@code countDown()}, and {@code await()} hangs. */
  static final class Mistake {
    static void resizeAll(ExecutorService pool, List<String> images) throws InterruptedException {
      CountDownLatch latch = new CountDownLatch(images.size());
      for (String image : images) {
        pool.execute(
            () -> {
              resize(image);
              latch.countDown(); // goconc: expect CountDownNotInFinally
            });
      }
      latch.await();
    }
  }

  /** {@code countDown()} in {@code finally} runs on every path out of the task. */
  static final class Fix {
    static void resizeAll(ExecutorService pool, List<String> images) throws InterruptedException {
      CountDownLatch latch = new CountDownLatch(images.size());
      for (String image : images) {
        pool.execute(
            () -> {
              try {
                resize(image);
              } finally {
                latch.countDown();
              }
            });
      }
      latch.await();
    }
  }
}
