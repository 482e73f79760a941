import dev.goconc.*;
import java.util.List;

/** Small cases in the style of staticcheck SA2000: WaitGroup.add inside the goroutine. */
public class AddCases {
  static void firstStatement(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): add as the goroutine's first statement races with await below
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

  static void methodReferenceBody(List<String> items) {
    WaitGroup wg = new WaitGroup();
    Runnable body = new Runnable() {
      @Override
      public void run() {
        // BUG(WaitGroupAddInGoroutine): the anonymous goroutine body adds to the group awaited outside
        wg.add(1);
        try {
          items.forEach(System.out::println);
        } finally {
          wg.done();
        }
      }
    };
    Go.go(body);
    wg.await();
  }

  static void addBefore(List<String> items) {
    WaitGroup wg = new WaitGroup();
    for (String s : items) {
      // OK(WaitGroupAddInGoroutine): add before Go.go
      wg.add(1);
      Go.go(() -> {
        try {
          System.out.println(s);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  static void wgGo(List<String> items) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupAddInGoroutine): wg.go adds before starting
    items.forEach(s -> wg.go(() -> System.out.println(s)));
    wg.await();
  }

  /** The group escapes: its await cannot be seen here. */
  static void escapes(WaitGroup shared, String s) {
    Go.go(() -> {
      // OK(WaitGroupAddInGoroutine): no await in sight: the group is a parameter
      shared.add(1);
      try {
        System.out.println(s);
      } finally {
        shared.done();
      }
    });
  }

  static void ownChildren(List<List<String>> groups) {
    WaitGroup outer = new WaitGroup();
    for (List<String> g : groups) {
      outer.go(() -> {
        WaitGroup inner = new WaitGroup();
        for (String s : g) {
          // OK(WaitGroupAddInGoroutine): the goroutine adds for its own children and awaits them itself
          inner.add(1);
          Go.go(() -> {
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
}
