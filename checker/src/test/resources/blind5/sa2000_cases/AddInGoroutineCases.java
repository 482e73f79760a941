import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.ExecutorService;

/** Cases in the style of staticcheck's SA2000 test data. */
class AddInGoroutineCases {
  static void work(String s) {}

  void addFirstInGoroutine(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): add is the goroutine's first statement
        wg.add(1);
        try {
          work(s);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  void addInVirtualThread(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      Thread.ofVirtual().start(() -> {
        // BUG(WaitGroupAddInGoroutine): a virtual thread is a goroutine too
        wg.add(1);
        try {
          work(s);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  void addInExecutorTask(ExecutorService pool, List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      pool.execute(() -> {
        // BUG(WaitGroupAddInGoroutine): an executor task, the await is outside it
        wg.add(1);
        try {
          work(s);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  void addBefore(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      // OK(WaitGroupAddInGoroutine): add before Go.go
      wg.add(1);
      Go.go(() -> {
        try {
          work(s);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  void usesGo(List<String> items) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupAddInGoroutine): wg.go adds for us
    items.forEach(s -> wg.go(() -> work(s)));
    wg.await();
  }

  WaitGroup escapes(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      Go.go(() -> {
        // OK(WaitGroupAddInGoroutine): the group escapes, its await cannot be seen
        wg.add(1);
        try {
          work(s);
        } finally {
          wg.done();
        }
      });
    }
    return wg;
  }
}
