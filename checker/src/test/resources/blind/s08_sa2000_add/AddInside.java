import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.ExecutorService;

class AddInside {
  static void firstStatement(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      Go.go(
          () -> {
            // BUG(WaitGroupAddInGoroutine): add as the goroutine's first statement races await
            wg.add(1);
            try {
              System.out.println(s);
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
  }

  static void inExecutorTask(ExecutorService ex, int n) {
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < n; i++) {
      int id = i;
      ex.execute(
          () -> {
            // BUG(WaitGroupAddInGoroutine): executor task adding to a group awaited outside
            wg.add(1);
            try {
              System.out.println(id);
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
  }

  static void addBefore(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      // OK(WaitGroupAddInGoroutine): add before the launch
      wg.add(1);
      Go.go(
          () -> {
            try {
              System.out.println(s);
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
  }

  static void ownChildren(List<List<String>> groups) {
    WaitGroup outer = new WaitGroup();
    for (List<String> g : groups) {
      outer.go(
          () -> {
            WaitGroup inner = new WaitGroup();
            for (String s : g) {
              // OK(WaitGroupAddInGoroutine): the goroutine adds for its own children and awaits them itself
              inner.add(1);
              Go.go(
                  () -> {
                    try {
                      System.out.println(s);
                    } finally {
                      inner.done();
                    }
                  });
            }
            inner.await();
          });
    }
    outer.await();
  }

  static WaitGroup escapes(int n) {
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < n; i++) {
      Go.go(
          () -> {
            // OK(WaitGroupAddInGoroutine): no await in sight; the group escapes to the caller
            wg.add(1);
            wg.done();
          });
    }
    return wg;
  }
}
