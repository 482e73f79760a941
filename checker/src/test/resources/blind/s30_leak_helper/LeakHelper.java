import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.SendChan;
import dev.goconc.Time;
import java.time.Duration;

class LeakHelper {
  private static void deliver(SendChan<Long> out, long v) {
    out.send(v);
  }

  private static long slowSquare(long x) {
    return x * x;
  }

  static Long squareOrGiveUp(long x) {
    Chan<Long> result = Chan.make();
    // BUG(GoroutineLeak): the helper's send on the unbuffered channel blocks forever once the timeout wins
    Go.go(() -> deliver(result, slowSquare(x)));
    return Select.<Long>select().recv(result, v -> v).recv(Time.after(Duration.ofMillis(10)), t -> null).run();
  }

  static Long squareOrGiveUpBuffered(long x) {
    Chan<Long> result = Chan.make(1);
    // OK(GoroutineLeak): one slot for the one send made by the helper
    Go.go(() -> deliver(result, slowSquare(x)));
    return Select.<Long>select().recv(result, v -> v).recv(Time.after(Duration.ofMillis(10)), t -> null).run();
  }
}
