import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

class Pools {
  static Future<String> asyncUpper(String s) {
    // BUG(ExecutorNotShutDown): a local executor never shut down; its thread keeps the JVM alive
    ExecutorService ex = Executors.newSingleThreadExecutor();
    return ex.submit(() -> s.toUpperCase());
  }

  static void fireAndForget(Runnable r) {
    // BUG(ExecutorNotShutDown): created, used once, dropped
    Executors.newFixedThreadPool(2).execute(r);
  }

  static ExecutorService factory(int n) {
    // OK(ExecutorNotShutDown): returned: the caller owns it
    ExecutorService ex = Executors.newFixedThreadPool(n);
    return ex;
  }

  static int shutDown(int x) throws Exception {
    // OK(ExecutorNotShutDown): shutdown after use
    ExecutorService ex = Executors.newSingleThreadExecutor();
    Future<Integer> f = ex.submit(() -> x * 2);
    ex.shutdown();
    return f.get();
  }
}
