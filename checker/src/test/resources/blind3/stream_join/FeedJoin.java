import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Joins a click feed with an impression feed on the ad id. */
class FeedJoin {
  record Event(String adId, String kind, long at) {}

  record Joined(String adId, long impressionAt, long clickAt) {}

  interface FeedReader {
    Optional<Event> next() throws IOException;
  }

  /** Reads a feed into a channel until it ends. */
  static RecvChan<Event> stream(Context ctx, FeedReader reader) {
    Chan<Event> out = Chan.make(32);
    Go.go(() -> {
      // BUG(IgnoredCancellation): the read loop blocks on sends into out and never looks at ctx
      while (true) {
        Optional<Event> e;
        try {
          e = reader.next();
        } catch (IOException io) {
          // BUG(UnclosedChannel): on a read error the goroutine leaves without closing out; the joiner's loop waits for ever
          return;
        }
        if (e.isEmpty()) {
          out.close();
          return;
        }
        out.send(e.get());
      }
    });
    return out.recvOnly();
  }

  static RecvChan<Event> streamFixed(Context ctx, FeedReader reader) {
    Chan<Event> out = Chan.make(32);
    Go.go(() -> {
      // OK(UnclosedChannel): every way out of the goroutine goes through the finally that closes out
      try {
        for (Optional<Event> e = reader.next(); e.isPresent(); e = reader.next()) {
          boolean sent = Select.<Boolean>select()
              .send(out, e.get(), () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            return;
          }
        }
      } catch (IOException io) {
        throw new UncheckedIOException(io);
      } finally {
        out.close();
      }
    });
    return out.recvOnly();
  }

  static List<Joined> join(Context ctx, FeedReader impressions, FeedReader clicks) {
    Map<String, Long> seen = new HashMap<>();
    for (Event imp : stream(ctx, impressions)) {
      seen.put(imp.adId(), imp.at());
    }
    List<Joined> out = new java.util.ArrayList<>();
    for (Event c : streamFixed(ctx, clicks)) {
      Long at = seen.get(c.adId());
      if (at != null) {
        out.add(new Joined(c.adId(), at, c.at()));
      }
    }
    return out;
  }
}
