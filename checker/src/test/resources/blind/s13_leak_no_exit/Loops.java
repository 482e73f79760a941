import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;

class Loops {
  static void workerForever(RecvChan<String> jobs) {
    Go.go(
        () -> {
          // BUG(GoroutineLeak): no exit: never returns, no context, no done channel
          while (true) {
            String j = jobs.receive();
            System.out.println("job " + j);
          }
        });
  }

  static void workerUntilClosed(RecvChan<String> jobs) {
    Go.go(
        () -> {
          // OK(GoroutineLeak): returns when jobs is closed
          while (true) {
            Received<String> r = jobs.receiveOk();
            if (!r.ok()) {
              return;
            }
            System.out.println("job " + r.value());
          }
        });
  }

  static void workerWithCtx(Context ctx, RecvChan<String> jobs) {
    Go.go(
        () -> {
          // OK(GoroutineLeak): observes ctx.err()
          while (ctx.err() == null) {
            String j = Select.<String>select().recv(jobs, v -> v).recv(ctx.done(), d -> null).run();
            if (j != null) {
              System.out.println(j);
            }
          }
        });
  }

  static void tickerForever() {
    Go.go(
        () -> {
          Ticker t = Time.newTicker(Duration.ofSeconds(1));
          // BUG(GoroutineLeak): loops forever over a ticker with no exit
          while (true) {
            System.out.println("tick " + t.c().receive());
          }
        });
  }

  @SuppressWarnings("GoroutineLeak") // a process-lifetime daemon, on purpose
  static void daemon() {
    Go.go(
        () -> {
          Ticker t = Time.newTicker(Duration.ofMinutes(1));
          // OK(GoroutineLeak): a declared process-lifetime daemon, suppressed
          while (true) {
            t.c().receive();
            System.gc();
          }
        });
  }

  static void breakOut(Chan<Integer> nums) {
    Go.go(
        () -> {
          // OK(GoroutineLeak): breaks on a sentinel
          for (;;) {
            Integer n = nums.receive();
            if (n == null || n < 0) {
              break;
            }
            System.out.println(n);
          }
        });
  }
}
