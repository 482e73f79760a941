import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Uploads changed files of a snapshot to object storage, several at a time. */
class BackupAgent {
  interface Store {
    long put(Context ctx, Path file);
  }

  record Report(int files, long bytes, Map<Path, String> failures) {}

  private final Store store;

  BackupAgent(Store store) {
    this.store = store;
  }

  Report backup(Context ctx, List<Path> changed) {
    WaitGroup wg = new WaitGroup();
    LongAdder bytes = new LongAdder();
    Map<Path, String> failures = new ConcurrentHashMap<>();
    for (Path file : changed) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): the add runs inside the goroutine, so await() below can return before it
        wg.add(1);
        try {
          bytes.add(store.put(ctx, file));
        } catch (RuntimeException e) {
          failures.put(file, e.getMessage());
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    return new Report(changed.size(), bytes.sum(), failures);
  }

  Report backupVerified(Context ctx, List<Path> changed) {
    WaitGroup wg = new WaitGroup();
    LongAdder bytes = new LongAdder();
    Map<Path, String> failures = new ConcurrentHashMap<>();
    for (Path file : changed) {
      // OK(WaitGroupAddInGoroutine): add before the launch
      wg.add(1);
      Go.go(() -> {
        long n = store.put(ctx, file);
        bytes.add(n);
        // BUG(WaitGroupDoneNotInFinally): a failing put skips done() and await() hangs for ever
        wg.done();
      });
    }
    wg.await();
    return new Report(changed.size(), bytes.sum(), failures);
  }

  Report backupFixed(Context ctx, List<Path> changed) {
    WaitGroup wg = new WaitGroup();
    LongAdder bytes = new LongAdder();
    Map<Path, String> failures = new ConcurrentHashMap<>();
    for (Path file : changed) {
      wg.add(1);
      Go.go(() -> {
        try {
          bytes.add(store.put(ctx, file));
        } catch (RuntimeException e) {
          failures.put(file, String.valueOf(e.getMessage()));
        } finally {
          // OK(WaitGroupDoneNotInFinally): done in finally
          wg.done();
        }
      });
    }
    wg.await();
    return new Report(changed.size(), bytes.sum(), failures);
  }
}
