import dev.goconc.Chan;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A fixed set of workers that run submitted jobs; drain() finishes the queue. */
public final class JobQueue {
  private static final Runnable POISON = () -> {};
  private final Chan<Runnable> jobs = Chan.make(100);
  private final WaitGroup workers = new WaitGroup();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();

  public JobQueue(int n) {
    for (int i = 0; i < n; i++) {
      workers.go(this::work);
    }
  }

  private void work() {
    for (Runnable job : jobs) {
      if (job == POISON) {
        continue;
      }
      try {
        job.run();
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
  }

  public void submit(Runnable job) {
    jobs.send(job);
  }

  public List<Throwable> drain() {
    jobs.close();
    // BUG(SendOnClosedChannel): a "wake-up" job sent after close() throws ChannelClosedException
    jobs.send(POISON);
    workers.await();
    return List.copyOf(failures);
  }

  public static void main(String[] args) {
    JobQueue q = new JobQueue(2);
    for (int i = 0; i < 5; i++) {
      int n = i;
      q.submit(() -> System.out.println("job " + n));
    }
    System.out.println(q.drain());
  }
}
