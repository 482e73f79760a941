// Program: small cases after staticcheck SA2000: WaitGroup.add inside the goroutine.
import dev.goconc.*;
import java.util.List;

final class AddInGoroutine {
  static void firstStatement(List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    for (Runnable j : jobs) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): add as the goroutine's first statement
        wg.add(1);
        try {
          j.run();
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void inErrGroupTask(ErrGroup g, List<Runnable> jobs) {
    WaitGroup wg = new WaitGroup();
    for (Runnable j : jobs) {
      g.go(() -> {
        // BUG(WaitGroupAddInGoroutine): add inside an ErrGroup task, awaited outside
        wg.add(1);
        try {
          j.run();
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void ownChildren(List<Runnable> jobs) {
    WaitGroup outer = new WaitGroup();
    outer.go(() -> {
      WaitGroup inner = new WaitGroup();
      for (Runnable j : jobs) {
        // OK(WaitGroupAddInGoroutine): the goroutine adds for its own children and awaits them itself
        inner.add(1);
        Go.go(() -> {
          try {
            j.run();
          } finally {
            inner.done();
          }
        });
      }
      inner.await();
    });
    outer.await();
  }

  static void escapes(WaitGroup wg, Runnable j) {
    Go.go(() -> {
      // OK(WaitGroupAddInGoroutine): the group's await is not visible here
      wg.add(1);
      try {
        j.run();
      } finally {
        wg.done();
      }
    });
  }
}
