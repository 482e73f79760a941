import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Phaser;

/** A concert setlist sync: pushes tonight's setlist to lighting, sound and the lyrics screens. */
public class SetlistSync {
  public record Song(int position, String title, int bpm, String key) {}

  public interface Desk {
    String name();

    void load(List<Song> setlist);
  }

  private final ExecutorService pool;
  private final Map<String, Integer> loaded = new ConcurrentHashMap<>();

  public SetlistSync(ExecutorService pool) {
    this.pool = pool;
  }

  /** Loads every desk, rehearsal section by section. */
  public void loadInSections(List<Desk> desks, List<List<Song>> sections) {
    Phaser phaser = new Phaser(1);
    for (List<Song> section : sections) {
      for (Desk d : desks) {
        pool.execute(() -> {
          // BUG(RegisterInsideTask): registered by the task itself; the advance below may not wait for it
          phaser.register();
          try {
            d.load(section);
            loaded.merge(d.name(), section.size(), Integer::sum);
          } finally {
            phaser.arriveAndDeregister();
          }
        });
      }
      phaser.arriveAndAwaitAdvance();
    }
    phaser.arriveAndDeregister();
  }

  /** The fixed version: bulk-registered by the submitter. */
  public void loadInSectionsFixed(List<Desk> desks, List<List<Song>> sections) {
    Phaser phaser = new Phaser(1);
    for (List<Song> section : sections) {
      // OK(RegisterInsideTask): the submitter registers the parties before submitting
      phaser.bulkRegister(desks.size());
      for (Desk d : desks) {
        pool.execute(() -> {
          try {
            d.load(section);
          } finally {
            phaser.arriveAndDeregister();
          }
        });
      }
      phaser.arriveAndAwaitAdvance();
    }
    phaser.arriveAndDeregister();
  }

  /** Doors open when every desk has the full setlist. */
  public void loadBeforeDoors(List<Desk> desks, List<Song> setlist) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(desks.size());
    for (Desk d : desks) {
      pool.execute(() -> {
        d.load(setlist);
        // BUG(CountDownNotInFinally): a desk that throws on load never counts down; doors never open
        ready.countDown();
      });
    }
    ready.await();
  }

  public void loadBeforeDoorsFixed(List<Desk> desks, List<Song> setlist) throws InterruptedException {
    CountDownLatch ready = new CountDownLatch(desks.size());
    for (Desk d : desks) {
      pool.execute(() -> {
        try {
          d.load(setlist);
        } catch (RuntimeException e) {
          System.err.println(d.name() + " failed to load: " + e.getMessage());
        } finally {
          // OK(CountDownNotInFinally): in finally
          ready.countDown();
        }
      });
    }
    ready.await();
  }
}
