package mistakes;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;

/**
 * {@code phaser.arriveAndAwaitAdvance()} returns as soon as every registered party has arrived.
 * When each task registers itself, the parent can arrive before any task has started, find itself
 * the only party, and go on while the work is still to come: results are read half-written. The
 * race is rare on a quiet machine and common under load. Registering for each task before
 * starting it counts the task from the moment it exists.
 *
 * @goanalyzer staticcheck SA2000 (its WaitGroup.Add twin)
 */
public final class RegisterInsideTask {
  private RegisterInsideTask() {}

  static void process(String job) {
    if (job.isEmpty()) {
      throw new IllegalArgumentException("empty job");
    }
  }

  /** The parent can pass {@code arriveAndAwaitAdvance()} before any task has registered. */
  static final class Mistake {
    static void processAll(ExecutorService pool, List<String> jobs) {
      Phaser phaser = new Phaser(1);
      for (String job : jobs) {
        pool.execute(
            () -> {
              phaser.register(); // goconc: expect RegisterInsideTask
              try {
                process(job);
              } finally {
                phaser.arriveAndDeregister();
              }
            });
      }
      phaser.arriveAndAwaitAdvance();
    }
  }

  /** {@code register()} before the launch: the task counts before it can be missed. */
  static final class Fix {
    static void processAll(ExecutorService pool, List<String> jobs) {
      Phaser phaser = new Phaser(1);
      for (String job : jobs) {
        phaser.register();
        pool.execute(
            () -> {
              try {
                process(job);
              } finally {
                phaser.arriveAndDeregister();
              }
            });
      }
      phaser.arriveAndAwaitAdvance();
    }
  }
}
