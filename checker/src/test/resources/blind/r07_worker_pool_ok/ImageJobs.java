import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/** A classic worker pool: jobs channel closed by the producer, results closed after the workers. */
public final class ImageJobs {
  record Job(int id, String path) {}

  record Result(int id, long bytes) {}

  private final int workers;

  ImageJobs(int workers) {
    this.workers = workers;
  }

  List<Result> run(List<String> paths) {
    Chan<Job> jobs = Chan.make();
    Chan<Result> results = Chan.make(paths.size());
    WaitGroup wg = new WaitGroup();
    for (int w = 0; w < workers; w++) {
      // OK(WaitGroupAddInGoroutine): add happens before the launch
      wg.add(1);
      Go.go(
          () -> {
            try {
              for (Job j : jobs) {
                results.send(new Result(j.id(), j.path().length() * 1024L));
              }
            } finally {
              // OK(WaitGroupDoneNotInFinally): done is in finally
              wg.done();
            }
          });
    }
    Go.go(
        () -> {
          try {
            for (int i = 0; i < paths.size(); i++) {
              jobs.send(new Job(i, paths.get(i)));
            }
          } finally {
            jobs.close();
          }
        });
    wg.await();
    results.close();
    List<Result> out = new ArrayList<>();
    for (Result r : results) {
      out.add(r);
    }
    return out;
  }

  public static void main(String[] args) {
    System.out.println(new ImageJobs(3).run(List.of("a.png", "bb.png", "ccc.png")));
  }
}
