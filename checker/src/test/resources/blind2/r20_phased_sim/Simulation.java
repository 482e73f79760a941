// Program: particle simulation stepped in phases with a Phaser; one variant registers parties inside the tasks.
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;

final class Simulation {
  static final class Particle {
    double x;
    double v;
  }

  static void run(ExecutorService pool, List<Particle> particles, int steps) {
    Phaser phaser = new Phaser(1);
    for (Particle p : particles) {
      pool.execute(() -> {
        // BUG(RegisterInsideTask): the task registers itself late; the main thread can advance before it joined
        phaser.register();
        for (int s = 0; s < steps; s++) {
          p.x += p.v;
          phaser.arriveAndAwaitAdvance();
        }
        phaser.arriveAndDeregister();
      });
    }
    for (int s = 0; s < steps; s++) {
      phaser.arriveAndAwaitAdvance();
    }
    phaser.arriveAndDeregister();
  }

  static void runFixed(ExecutorService pool, List<Particle> particles, int steps) {
    Phaser phaser = new Phaser(1);
    for (Particle p : particles) {
      // OK(RegisterInsideTask): registered before the task is submitted
      phaser.register();
      pool.execute(() -> {
        try {
          for (int s = 0; s < steps; s++) {
            p.x += p.v;
            phaser.arriveAndAwaitAdvance();
          }
        } finally {
          phaser.arriveAndDeregister();
        }
      });
    }
    for (int s = 0; s < steps; s++) {
      phaser.arriveAndAwaitAdvance();
    }
    phaser.arriveAndDeregister();
  }
}
