import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Debounces file-system events and hands batches of changed paths to a listener. */
final class DirectoryWatcher implements AutoCloseable {
  enum Kind { CREATED, MODIFIED, DELETED }

  record Change(Path path, Kind kind) {}

  private final Chan<Void> quit = Chan.make();
  private final Chan<Boolean> stopped = Chan.make(1);
  private final Set<Path> pending = ConcurrentHashMap.newKeySet();

  DirectoryWatcher(RecvChan<Change> events, Consumer<List<Path>> listener) {
    // OK(GoroutineLeak): the loop leaves when quit is closed
    Go.go(() -> {
      try {
        boolean running = true;
        while (running) {
          running = Select.<Boolean>select()
              .recv(events, c -> {
                if (c == null) {
                  return false;
                }
                pending.add(c.path());
                if (pending.size() >= 16) {
                  flush(listener);
                }
                return true;
              })
              .recv(quit, x -> false)
              .run();
        }
        flush(listener);
      } finally {
        stopped.send(Boolean.TRUE);
      }
    });
  }

  private void flush(Consumer<List<Path>> listener) {
    List<Path> batch = List.copyOf(pending);
    pending.removeAll(batch);
    if (!batch.isEmpty()) {
      listener.accept(batch);
    }
  }

  @Override
  public void close() {
    // OK(ReceiverSideClose): quit carries no values; closing it is its owner's stop signal
    quit.close();
    stopped.receive();
  }
}
