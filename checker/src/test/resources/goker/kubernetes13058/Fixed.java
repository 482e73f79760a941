import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * kubernetes#13058, fixed: the informer calls the delete handler once per deletion. Each test
 * queues its deletion, and each informer round processes the deletions queued so far, so
 * {@code testDoneWG} is counted down exactly as often as it was counted up.
 */
final class Kubernetes13058 {
  interface ResourceEventHandler {
    void onDelete(Object obj);
  }

  record ResourceEventHandlerFuncs(Consumer<Object> deleteFunc) implements ResourceEventHandler {
    @Override
    public void onDelete(Object obj) {
      if (deleteFunc != null) {
        deleteFunc.accept(obj);
      }
    }
  }

  static final class Controller {
    private final Consumer<Object> process;
    final Chan<Object> deletions = Chan.make(16);

    Controller(Consumer<Object> process) {
      this.process = process;
    }

    void processLoop() {
      while (true) {
        // FIX (GoKer): one call per queued deletion, none when nothing was deleted
        Object deleted = Select.<Object>select()
            .recv(deletions, obj -> obj)
            .otherwise(() -> null)
            .run();
        if (deleted == null) {
          break;
        }
        process.accept(deleted);
      }
    }

    void run(RecvChan<Void> stopCh) {
      until(this::processLoop, Duration.ofMillis(10), stopCh);
    }
  }

  static Controller newInformer(ResourceEventHandler h) {
    return new Controller(obj -> h.onDelete(obj));
  }

  static void until(Runnable f, Duration period, RecvChan<Void> stopCh) {
    while (true) {
      boolean stopped = Select.<Boolean>select()
          .recv(stopCh, v -> true)
          .otherwise(() -> false)
          .run();
      if (stopped) {
        return;
      }
      f.run();
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static void testKubernetes13058() {
    WaitGroup testDoneWG = new WaitGroup();

    Controller controller = newInformer(new ResourceEventHandlerFuncs(obj -> {
      testDoneWG.done();
    }));

    Chan<Void> stop = Chan.make();
    Go.go(() -> controller.run(stop));

    List<Consumer<String>> tests = List.of(name -> controller.deletions.send(name));

    int threads = 3;
    WaitGroup wg = new WaitGroup();
    wg.add(threads * tests.size());
    testDoneWG.add(threads * tests.size());
    for (int i = 0; i < threads; i++) {
      for (int j = 0; j < tests.size(); j++) {
        String name = i + "-" + j;
        Consumer<String> f = tests.get(j);
        Go.go(() -> {
          try {
            f.accept(name);
          } finally {
            wg.done();
          }
        });
      }
    }
    wg.await();
    testDoneWG.await();
    stop.close();
  }
}
