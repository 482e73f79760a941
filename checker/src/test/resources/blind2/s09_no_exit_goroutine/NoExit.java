// Program: small cases of goroutines whose loops have no way out, and loops that do have one.
import dev.goconc.*;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

final class NoExit {
  static void spinner(AtomicLong counter) {
    // BUG(GoroutineLeak): an infinite loop with no return, break, throw or context
    Go.go(() -> {
      while (true) {
        counter.incrementAndGet();
        Thread.onSpinWait();
      }
    });
  }

  static void pollForever(Chan<String> jobs) {
    Go.go(() -> {
      // BUG(GoroutineLeak): receives forever, ignores close (null) and has no exit
      for (;;) {
        String j = jobs.receive();
        System.out.println(j);
      }
    });
  }

  static void tickerDaemon() {
    Go.go(() -> {
      Ticker t = Time.newTicker(Duration.ofSeconds(1));
      // BUG(GoroutineLeak): loops over a ticker with no exit
      while (true) {
        t.c().receive();
        System.out.println("tick");
      }
    });
  }

  static void withContext(Context ctx, AtomicLong counter) {
    // OK(GoroutineLeak): observes ctx.err()
    Go.go(() -> {
      while (ctx.err() == null) {
        counter.incrementAndGet();
      }
    });
  }

  static void untilClosed(Chan<String> jobs) {
    // OK(GoroutineLeak): returns when jobs is closed
    Go.go(() -> {
      while (true) {
        String j = jobs.receive();
        if (j == null) {
          return;
        }
        System.out.println(j);
      }
    });
  }

  static void quitChannel(Chan<Void> quit, AtomicLong counter) {
    // OK(GoroutineLeak): a done channel case in the select
    Go.go(() -> {
      while (true) {
        boolean more = Select.<Boolean>select()
            .recv(quit, q -> false)
            .otherwise(() -> {
              counter.incrementAndGet();
              return true;
            })
            .run();
        if (!more) {
          break;
        }
      }
    });
  }

  @SuppressWarnings("GoroutineLeak")
  static void processDaemon() {
    // OK(GoroutineLeak): a deliberate process-lifetime daemon, suppressed
    Go.go(() -> {
      while (true) {
        Time.after(Duration.ofMinutes(1)).receive();
      }
    });
  }
}
