import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A 3D-print farm queue: jobs are sliced, then sent to the first idle printer. */
public class PrintFarm {
  public record Job(String id, String stlPath, Material material, double grams) {}

  public enum Material {
    PLA { double costPerGram() { return 0.02; } },
    PETG { double costPerGram() { return 0.03; } },
    RESIN { double costPerGram() { return 0.09; } };

    abstract double costPerGram();
  }

  public interface Printer {
    String name();

    void print(Job job);
  }

  private final Chan<Job> queue = Chan.make(32);
  private final AtomicInteger printed = new AtomicInteger();
  // BUG(LostCancel): a private CancelFunc field no method ever calls
  private final CancelFunc slicerCancel;

  /** Starts one goroutine per printer, each taking jobs off the shared queue. */
  public PrintFarm(Context parent, List<Printer> printers) {
    CancelContext slicing = Context.withCancel(parent);
    this.slicerCancel = slicing.cancelFunc();
    for (Printer p : printers) {
      Go.go(() -> printerLoop(p));
    }
  }

  private void printerLoop(Printer p) {
    // BUG(GoroutineLeak): loops forever, no exit and no cancellation observed
    while (true) {
      Job job = queue.receive();
      if (job != null) {
        p.print(job);
        printed.incrementAndGet();
      }
    }
  }

  public void submit(Job job) {
    queue.send(job);
  }

  public int printed() {
    return printed.get();
  }

  /** A well-behaved farm: printers leave when the queue closes or the farm is stopped. */
  public static final class StoppableFarm implements AutoCloseable {
    private final Chan<Job> jobs = Chan.make(32);
    // OK(LostCancel): close() calls it
    private final CancelFunc cancel;
    private final List<String> log = new ArrayList<>();

    public StoppableFarm(Context parent, List<Printer> printers) {
      CancelContext ctx = Context.withCancel(parent);
      this.cancel = ctx.cancelFunc();
      for (Printer p : printers) {
        Go.go(() -> runPrinter(ctx, p));
      }
    }

    private void runPrinter(Context ctx, Printer p) {
      // OK(GoroutineLeak): leaves on a closed queue or a cancelled farm
      do {
        Job job = Select.<Job>select().recv(jobs, j -> j).recv(ctx.done(), d -> null).run();
        if (job == null) {
          break;
        }
        p.print(job);
        synchronized (log) {
          log.add(p.name() + " printed " + job.id() + " for " + job.grams() * job.material().costPerGram());
        }
      } while (true);
    }

    public void submit(Job job) {
      jobs.send(job);
    }

    @Override
    public void close() {
      jobs.close();
      cancel.cancel();
    }
  }
}
