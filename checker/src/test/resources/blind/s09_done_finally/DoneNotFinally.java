import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

class DoneNotFinally {
  static Map<String, Integer> lengths(List<String> words) {
    Map<String, Integer> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (String w : words) {
      wg.add(1);
      Go.go(
          () -> {
            out.put(w, w.trim().length());
            // BUG(WaitGroupDoneNotInFinally): put or trim can throw before done
            wg.done();
          });
    }
    wg.await();
    return out;
  }

  static void anonymousClass(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    wg.add(tasks.size());
    for (Runnable t : tasks) {
      Go.go(
          new Runnable() {
            @Override
            public void run() {
              t.run();
              // BUG(WaitGroupDoneNotInFinally): the task can throw before done
              wg.done();
            }
          });
    }
    wg.await();
  }

  static void onlyDone(int n) {
    WaitGroup wg = new WaitGroup();
    wg.add(n);
    for (int i = 0; i < n; i++) {
      // OK(WaitGroupDoneNotInFinally): the only statement is done(); nothing can throw before it
      Go.go(() -> wg.done());
    }
    wg.await();
  }

  static void inFinally(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    for (Runnable t : tasks) {
      wg.add(1);
      Go.go(
          () -> {
            try {
              t.run();
            } finally {
              // OK(WaitGroupDoneNotInFinally): in finally
              wg.done();
            }
          });
    }
    wg.await();
  }

  static void viaGo(List<Runnable> tasks) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneNotInFinally): wg.go calls done in finally
    tasks.forEach(t -> wg.go(t));
    wg.await();
  }
}
