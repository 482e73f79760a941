import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.List;

/** generator -> square -> sum, each stage closing its output and honouring cancellation. */
public class Pipeline {
  static RecvChan<Integer> generate(Context ctx, List<Integer> nums) {
    Chan<Integer> out = Chan.make();
    Go.go(
        () -> {
          try {
            for (int n : nums) {
              boolean sent =
                  Select.<Boolean>select().send(out, n, () -> true).recv(ctx.done(), d -> false).run();
              if (!sent) {
                return;
              }
            }
          } finally {
            out.close();
          }
        });
    return out;
  }

  static RecvChan<Integer> square(Context ctx, RecvChan<Integer> in) {
    Chan<Integer> out = Chan.make();
    Go.go(
        () -> {
          try {
            // OK(IgnoredCancellation): each send selects on ctx.done()
            for (int n : in) {
              int sq = n * n;
              if (!Select.<Boolean>select().send(out, sq, () -> true).recv(ctx.done(), d -> false).run()) {
                return;
              }
            }
          } finally {
            // OK(UnclosedChannel): closed in finally on every path, including the cancellation return
            out.close();
          }
        });
    return out;
  }

  static int sum(Context ctx, List<Integer> nums) {
    int total = 0;
    for (int v : square(ctx, generate(ctx, nums))) {
      total += v;
    }
    return total;
  }

  public static void main(String[] args) {
    System.out.println(sum(Context.background(), List.of(1, 2, 3, 4)));
  }
}
