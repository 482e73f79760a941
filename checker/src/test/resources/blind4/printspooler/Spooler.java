import dev.goconc.*;
import java.util.ArrayDeque;
import java.util.Deque;

/** A print spooler: clients submit jobs, one goroutine feeds the printer. */
public class Spooler {
  public record Job(String owner, String document, int pages) {}

  public interface Printer {
    void print(Job job);
  }

  private final Printer printer;
  private Chan<Job> queue;
  private Chan<Void> finished;

  public Spooler(Printer printer) {
    this.printer = printer;
  }

  public void start() {
    queue = Chan.make(32);
    finished = Chan.make();
    Chan<Job> q = queue;
    Chan<Void> f = finished;
    Go.go(() -> {
      try {
        for (Job j : q) {
          printer.print(j);
        }
      } finally {
        f.close();
      }
    });
  }

  public void submit(Job job) {
    queue.send(job);
  }

  /** Old shutdown: closed the queue, then pushed a banner page so operators see the end. */
  public void stopBroken() {
    Chan<Job> q = queue;
    q.close();
    // BUG(SendOnClosedChannel): the banner is sent on the queue that was just closed
    q.send(new Job("spooler", "END OF RUN", 1));
    finished.receive();
  }

  public void stop() {
    Chan<Job> q = queue;
    // OK(SendOnClosedChannel): banner first, then the close
    q.send(new Job("spooler", "END OF RUN", 1));
    q.close();
    finished.receive();
  }

  /** Reprints a batch: a local queue, drained by a helper goroutine. */
  public void reprint(Deque<Job> batch) {
    Chan<Job> local = Chan.make(batch.size());
    Chan<Void> done = Chan.make();
    Go.go(() -> {
      for (Job j : local) {
        printer.print(j);
      }
      done.close();
    });
    Deque<Job> copy = new ArrayDeque<>(batch);
    while (!copy.isEmpty()) {
      local.send(copy.poll());
    }
    local.close();
    if (batch.size() > 100) {
      // BUG(SendOnClosedChannel): second close of local on the large-batch path
      local.close();
    }
    done.receive();
  }
}
