package mistakes;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;

/**
 * A bounded {@code BlockingQueue} hands values from producer tasks to the method that started
 * them. When the method stops taking early — it returns on the first bad value — the producer
 * still has values to put, the queue fills, and {@code put} waits for ever: the task keeps its
 * thread, and the pool's {@code awaitTermination} never returns. Go's abandoned sender on an
 * unbuffered channel, with a queue. Stopping the producers before leaving (or taking everything
 * they put) lets them end on every path.
 *
 * @goanalyzer GCatch's blocking-misuse-of-channel detector, applied to queues
 */
public final class QueueHandoffLeak {
  private QueueHandoffLeak() {}

  /** The first empty page returns; the producer blocks putting the rest. */
  static final class Mistake {
    static int totalLength(ExecutorService pool, List<String> urls) throws Exception {
      BlockingQueue<String> pages = new ArrayBlockingQueue<>(4);
      pool.submit(() -> {
        for (String url : urls) {
          pages.put(download(url)); // goconc: expect QueueHandoffLeak
        }
        return null;
      });
      int total = 0;
      for (int i = 0; i < urls.size(); i++) {
        String page = pages.take();
        if (page.isEmpty()) {
          return -1;
        }
        total += page.length();
      }
      return total;
    }
  }

  /** Cancel the producer before leaving early: its blocked put throws and the task ends. */
  static final class Fix {
    static int totalLength(ExecutorService pool, List<String> urls) throws Exception {
      BlockingQueue<String> pages = new ArrayBlockingQueue<>(4);
      var producer = pool.submit(() -> {
        for (String url : urls) {
          pages.put(download(url));
        }
        return null;
      });
      int total = 0;
      for (int i = 0; i < urls.size(); i++) {
        String page = pages.take();
        if (page.isEmpty()) {
          producer.cancel(true);
          return -1;
        }
        total += page.length();
      }
      return total;
    }
  }

  static String download(String url) {
    return url;
  }
}
