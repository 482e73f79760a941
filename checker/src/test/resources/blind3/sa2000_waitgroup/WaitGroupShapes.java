import dev.goconc.ErrGroup;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/** staticcheck SA2000's shape and its neighbours. */
class WaitGroupShapes {
  static void addFirstInGoroutine(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String item : items) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): SA2000: Add as the goroutine's first statement
        wg.add(1);
        try {
          System.out.println(item);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void addInVirtualThread(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String item : items) {
      Thread.startVirtualThread(() -> {
        // BUG(WaitGroupAddInGoroutine): a virtual thread is a goroutine body too
        wg.add(1);
        try {
          System.out.println(item);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void addInExecutorTask(ExecutorService pool, List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String item : items) {
      pool.execute(() -> {
        // BUG(WaitGroupAddInGoroutine): an executor task, same race with await()
        wg.add(1);
        try {
          System.out.println(item);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void addBefore(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String item : items) {
      // OK(WaitGroupAddInGoroutine): added before the launch
      wg.add(1);
      Go.go(() -> {
        try {
          System.out.println(item);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static WaitGroup escapes(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String item : items) {
      Go.go(() -> {
        // OK(WaitGroupAddInGoroutine): the group escapes to the caller; its await cannot be seen
        wg.add(1);
        System.out.println(item);
      });
    }
    return wg;
  }

  static Throwable errGroup(Context ctx, List<String> items) {
    ErrGroup g = ErrGroup.withContext(ctx);
    AtomicInteger n = new AtomicInteger();
    for (String item : items) {
      g.go(() -> n.addAndGet(item.length()));
    }
    return g.await();
  }

  static void onlyDone(int n) {
    WaitGroup wg = new WaitGroup();
    wg.add(n);
    for (int i = 0; i < n; i++) {
      // OK(WaitGroupDoneNotInFinally): the goroutine's only statement is done(): nothing can throw before it
      Go.go(() -> wg.done());
    }
    wg.await();
  }
}
