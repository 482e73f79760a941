import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;

final class Rounds {
  static void run(List<Runnable> players, int rounds) {
    Phaser phaser = new Phaser(1);
    try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Runnable player : players) {
        // OK(RegisterInsideTask): registered by the coordinator before the task starts
        phaser.register();
        ex.submit(
            () -> {
              try {
                for (int r = 0; r < rounds; r++) {
                  player.run();
                  phaser.arriveAndAwaitAdvance();
                }
              } finally {
                phaser.arriveAndDeregister();
              }
            });
      }
      for (int r = 0; r < rounds; r++) {
        phaser.arriveAndAwaitAdvance();
      }
      phaser.arriveAndDeregister();
    }
  }

  static void bulk(List<Runnable> tasks) {
    Phaser phaser = new Phaser(1);
    // OK(RegisterInsideTask): bulkRegister before launching
    phaser.bulkRegister(tasks.size());
    tasks.forEach(
        t ->
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        t.run();
                      } finally {
                        phaser.arriveAndDeregister();
                      }
                    }));
    phaser.arriveAndAwaitAdvance();
  }
}
