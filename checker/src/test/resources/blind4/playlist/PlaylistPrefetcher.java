import dev.goconc.*;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/** A music player's shuffle queue that prefetches the next tracks' audio in the background. */
public class PlaylistPrefetcher implements AutoCloseable {
  public record Track(String id, String title, int seconds) {}
  public record Loaded(Track track, byte[] audio) {}

  public interface Store {
    byte[] fetch(Context ctx, Track t);
  }

  // OK(ContextInField): the player keeps the power to cancel (a CancelFunc), not the context
  private final CancelFunc cancel;
  private final Chan<Loaded> ready = Chan.make(3);
  private final Chan<Void> stopped = Chan.make();

  /** The prefetcher keeps three tracks ahead; closing the player stops it. */
  public PlaylistPrefetcher(Context parent, List<Track> tracks, Store store, long seed) {
    // OK(LostCancel): its cancel function is kept in a field and called by close()
    CancelContext c = Context.withCancel(parent);
    this.cancel = c.cancelFunc();
    Deque<Track> order = shuffled(tracks, seed);
    Go.go(() -> {
      try {
        while (!order.isEmpty()) {
          Track t = order.poll();
          Loaded l = new Loaded(t, store.fetch(c, t));
          boolean stop = Select.<Boolean>select().send(ready, l, () -> false).recv(c.done(), d -> true).run();
          if (stop) {
            return;
          }
        }
      } finally {
        ready.close();
        stopped.close();
      }
    });
  }

  static Deque<Track> shuffled(List<Track> tracks, long seed) {
    List<Track> copy = new java.util.ArrayList<>(tracks);
    java.util.Collections.shuffle(copy, new Random(seed));
    return new ArrayDeque<>(copy);
  }

  /** Next track, or null when the playlist is over. */
  public Loaded next() {
    return ready.receive();
  }

  @Override
  public void close() {
    cancel.cancel();
    stopped.receive();
  }
}
