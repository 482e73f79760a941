import java.util.List;
import java.util.concurrent.Phaser;

class Register {
  static void inside(List<Runnable> tasks) {
    Phaser p = new Phaser(1);
    for (Runnable t : tasks) {
      Thread.ofVirtual()
          .start(
              () -> {
                // BUG(RegisterInsideTask): register inside the task races the coordinator's advance
                p.register();
                try {
                  t.run();
                } finally {
                  p.arriveAndDeregister();
                }
              });
    }
    p.arriveAndAwaitAdvance();
  }

  static void before(List<Runnable> tasks) {
    Phaser p = new Phaser(1);
    for (Runnable t : tasks) {
      // OK(RegisterInsideTask): registered before the start
      p.register();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  t.run();
                } finally {
                  p.arriveAndDeregister();
                }
              });
    }
    p.arriveAndAwaitAdvance();
  }
}
