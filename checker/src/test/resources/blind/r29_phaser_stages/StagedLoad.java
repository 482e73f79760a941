import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;

/** Loads partitions in parallel, in two phases: fetch then verify. */
public final class StagedLoad {
  private final ExecutorService executor;

  public StagedLoad(ExecutorService executor) {
    this.executor = executor;
  }

  public void load(List<String> partitions) {
    Phaser phaser = new Phaser(1);
    for (String p : partitions) {
      executor.submit(
          () -> {
            // BUG(RegisterInsideTask): registers inside the task: the coordinator may advance before this party exists
            phaser.register();
            try {
              fetch(p);
              phaser.arriveAndAwaitAdvance();
              verify(p);
            } finally {
              phaser.arriveAndDeregister();
            }
          });
    }
    phaser.arriveAndAwaitAdvance();
    phaser.arriveAndDeregister();
  }

  private static void fetch(String p) {
    System.out.println("fetch " + p);
  }

  private static void verify(String p) {
    System.out.println("verify " + p);
  }
}
