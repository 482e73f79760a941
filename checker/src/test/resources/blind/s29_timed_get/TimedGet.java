import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

class TimedGet {
  static String orDefault(ExecutorService ex, java.util.concurrent.Callable<String> c) throws Exception {
    Future<String> f = ex.submit(c);
    try {
      return f.get(100, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // BUG(TimedGetWithoutCancel): gives up waiting but leaves the task running
      return "default";
    }
  }

  static String cancels(ExecutorService ex, java.util.concurrent.Callable<String> c) throws Exception {
    Future<String> f = ex.submit(c);
    try {
      return f.get(100, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // OK(TimedGetWithoutCancel): cancelled on timeout
      f.cancel(true);
      return "default";
    }
  }

  static String orTimeout(CompletableFuture<String> f) {
    // OK(TimedGetWithoutCancel): no timed get; orTimeout completes the future exceptionally
    return f.orTimeout(100, TimeUnit.MILLISECONDS).exceptionally(t -> "default").join();
  }
}
