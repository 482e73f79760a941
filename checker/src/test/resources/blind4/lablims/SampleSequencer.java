import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;

/** A lab's sequencing run: sample preparation in phases (extract, amplify, load), all plates in step. */
public class SampleSequencer {
  public record Plate(String barcode, int wells) {}

  public enum Stage { EXTRACT, AMPLIFY, LOAD }

  public interface Robot {
    void perform(Stage stage, Plate plate);
  }

  private final Robot robot;
  private final ConcurrentLinkedQueue<String> log = new ConcurrentLinkedQueue<>();

  public SampleSequencer(Robot robot) {
    this.robot = robot;
  }

  public void runBroken(List<Plate> plates) {
    Phaser phaser = new Phaser(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Plate p : plates) {
        pool.execute(() -> {
          // BUG(RegisterInsideTask): the plate registers from inside its task: the coordinator may advance a stage before it joined
          phaser.register();
          try {
            for (Stage s : Stage.values()) {
              robot.perform(s, p);
              phaser.arriveAndAwaitAdvance();
            }
          } finally {
            phaser.arriveAndDeregister();
          }
        });
      }
      for (Stage s : Stage.values()) {
        phaser.arriveAndAwaitAdvance();
        log.add("stage " + s + " complete");
      }
      phaser.arriveAndDeregister();
    }
  }

  public void run(List<Plate> plates) {
    Phaser phaser = new Phaser(1);
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Plate p : plates) {
        // OK(RegisterInsideTask): each party registers before its task is submitted
        phaser.register();
        pool.execute(() -> {
          try {
            for (Stage s : Stage.values()) {
              robot.perform(s, p);
              phaser.arriveAndAwaitAdvance();
            }
          } finally {
            phaser.arriveAndDeregister();
          }
        });
      }
      for (Stage s : Stage.values()) {
        phaser.arriveAndAwaitAdvance();
        log.add("stage " + s + " complete");
      }
      phaser.arriveAndDeregister();
    }
  }

  public List<String> log() {
    return List.copyOf(log);
  }
}
