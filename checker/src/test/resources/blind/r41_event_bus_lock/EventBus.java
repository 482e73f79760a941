import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Dispatches an event to every listener on its own goroutine and waits for all. */
public class EventBus {
  private final List<Consumer<String>> listeners = new ArrayList<>();
  private final List<String> delivered = new ArrayList<>();

  public synchronized void register(Consumer<String> l) {
    listeners.add(l);
  }

  public synchronized void publish(String event) {
    WaitGroup wg = new WaitGroup();
    for (Consumer<String> l : listeners) {
      wg.add(1);
      Go.go(
          () -> {
            try {
              l.accept(event);
              record(event);
            } finally {
              wg.done();
            }
          });
    }
    // BUG(WaitGroupAwaitHoldingLock): waits holding the bus lock that each goroutine's record() needs: deadlock
    wg.await();
  }

  private synchronized void record(String event) {
    delivered.add(event);
  }

  public synchronized int deliveredCount() {
    return delivered.size();
  }
}
