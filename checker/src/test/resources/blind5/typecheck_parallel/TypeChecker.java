import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A compiler's parallel type-checker: one goroutine per compilation unit, bounded. */
public final class TypeChecker {
  public record Unit(String path, List<String> imports, String body) {}

  public sealed interface Verdict permits Verdict.Ok, Verdict.Errors {
    String path();

    record Ok(String path, int symbols) implements Verdict {}

    record Errors(String path, List<String> messages) implements Verdict {}
  }

  private final Map<String, Integer> symbolTable = new ConcurrentHashMap<>();
  private final int parallelism;

  public TypeChecker(int parallelism) {
    this.parallelism = parallelism;
  }

  /** Checks every unit; the caller's context bounds the whole build. */
  public List<Verdict> checkAll(Context ctx, List<Unit> units) {
    ErrGroup group = ErrGroup.withContext(ctx);
    group.setLimit(parallelism);
    // OK(GoroutineLeak): room for one verdict per unit, so no checker blocks on send
    Chan<Verdict> verdicts = Chan.make(units.size());
    for (Unit unit : units) {
      group.go(() -> {
        Context gctx = group.context();
        if (gctx.err() != null) {
          return;
        }
        verdicts.send(check(gctx, unit));
      });
    }
    // OK(UnclosedChannel): the closer goroutine closes after every checker is done
    Go.go(() -> {
      group.await();
      verdicts.close();
    });
    List<Verdict> out = new ArrayList<>();
    for (Verdict v : verdicts) {
      out.add(v);
    }
    return out;
  }

  private Verdict check(Context ctx, Unit unit) {
    List<String> errors = new ArrayList<>();
    for (String imp : unit.imports()) {
      if (ctx.err() != null) {
        errors.add("cancelled");
        break;
      }
      if (!symbolTable.containsKey(imp) && !imp.startsWith("java.")) {
        errors.add(unit.path() + ": cannot resolve " + imp);
      }
    }
    int symbols = unit.body().split(";").length;
    symbolTable.merge(unit.path(), symbols, Integer::sum);
    return errors.isEmpty() ? new Verdict.Ok(unit.path(), symbols) : new Verdict.Errors(unit.path(), errors);
  }

  /** Warms the symbol table from the JDK index while the parser runs; waits at most the budget. */
  public boolean warmUp(Context ctx, List<String> packages, Duration budget) {
    // OK(GoroutineLeak): one slot, so the loader can finish after we stop waiting
    Chan<Integer> loaded = Chan.make(1);
    WaitGroup wg = new WaitGroup();
    wg.go(() -> {
      int n = 0;
      for (String p : packages) {
        symbolTable.putIfAbsent(p, 0);
        n++;
      }
      loaded.send(n);
    });
    return Select.<Boolean>select()
        .recv(loaded, n -> n == packages.size())
        .recv(ctx.done(), d -> false)
        .recv(dev.goconc.Time.after(budget), t -> false)
        .run();
  }

  /** Streams the unit paths to a consumer in declaration order. */
  public static RecvChan<String> paths(Context ctx, List<Unit> units) {
    Chan<String> out = Chan.make();
    Go.go(() -> {
      try {
        for (Unit u : units) {
          // OK(GoroutineLeak): the send sits in a select with a ctx.done() case
          boolean sent = Select.<Boolean>select()
              .send(out, u.path(), () -> true)
              .recv(ctx.done(), d -> false)
              .run();
          if (!sent) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): the single sender closes in finally
        out.close();
      }
    });
    return out;
  }
}
