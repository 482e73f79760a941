import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.WaitGroup;
import java.util.List;

class ErrGroupAdd {
  static void audit(Context ctx, List<String> xs) throws Throwable {
    ErrGroup g = ErrGroup.withContext(ctx);
    WaitGroup audits = new WaitGroup();
    for (String x : xs) {
      g.go(
          () -> {
            // BUG(WaitGroupAddInGoroutine): an ErrGroup task adds to a group awaited outside it
            audits.add(1);
            try {
              System.out.println("audit " + x);
            } finally {
              audits.done();
            }
          });
    }
    audits.await();
    g.await();
  }
}
