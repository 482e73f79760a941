// Program: request server on a virtual-thread executor with a goconc WaitGroup for in-flight requests; one handler adds to the group inside the task.
import dev.goconc.*;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

final class VtServer {
  static void serveAll(List<String> requests, Consumer<String> handle) {
    WaitGroup inflight = new WaitGroup();
    try (ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String r : requests) {
        exec.submit(() -> {
          // BUG(WaitGroupAddInGoroutine): add in the task races with the await below
          inflight.add(1);
          try {
            handle.accept(r);
          } finally {
            inflight.done();
          }
        });
      }
      inflight.await();
    }
  }

  static void serveAllFixed(List<String> requests, Consumer<String> handle) {
    WaitGroup inflight = new WaitGroup();
    ExecutorService exec = Executors.newVirtualThreadPerTaskExecutor();
    try {
      for (String r : requests) {
        inflight.add(1);
        exec.submit(() -> {
          try {
            handle.accept(r);
          } finally {
            inflight.done();
          }
        });
      }
      // OK(WaitGroupAwaitInLaunchLoop): awaited after the loop
      inflight.await();
    } finally {
      exec.shutdown();
    }
  }

  static void startThreads(List<String> requests, Consumer<String> handle) {
    WaitGroup wg = new WaitGroup();
    for (String r : requests) {
      wg.add(1);
      Thread.ofVirtual().start(() -> {
        handle.accept(r);
        // BUG(WaitGroupDoneNotInFinally): an exception in handle skips done
        wg.done();
      });
    }
    wg.await();
  }
}
