import dev.goconc.*;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds an index (object id -> offset) for a git-like packfile, hashing objects in parallel. */
public class PackIndexer {
  public record PackedObject(long offset, String type, byte[] body) {}
  public record Entry(String oid, long offset) {}

  private final int workers;

  public PackIndexer(int workers) {
    this.workers = workers;
  }

  public Map<String, Long> index(Context ctx, List<PackedObject> objects) {
    Chan<PackedObject> todo = Chan.make(workers);
    Chan<Entry> entries = Chan.make(workers);
    WaitGroup hashers = new WaitGroup();
    for (int i = 0; i < workers; i++) {
      hashers.go(() -> {
        // OK(IgnoredCancellation): the range ends when the feeder closes todo, and sends select on ctx.done()
        for (PackedObject o : todo) {
          Entry e = new Entry(oid(o), o.offset());
          Select.<Void>select().send(entries, e, () -> null).recv(ctx.done(), d -> null).run();
        }
      });
    }
    Go.go(() -> {
      try {
        for (PackedObject o : objects) {
          boolean stop = Select.<Boolean>select()
              .send(todo, o, () -> false)
              .recv(ctx.done(), d -> true)
              .run();
          if (stop) {
            break;
          }
        }
      } finally {
        // OK(UnclosedChannel): the feeder closes todo in finally
        todo.close();
      }
    });
    Go.go(() -> {
      hashers.await();
      entries.close();
    });
    Map<String, Long> idx = new TreeMap<>();
    // OK(UnclosedChannel): entries is closed after all hashers finished
    for (Entry e : entries) {
      idx.put(e.oid(), e.offset());
    }
    return idx;
  }

  static String oid(PackedObject o) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-1");
      sha.update((o.type() + " " + o.body().length + "\0").getBytes(StandardCharsets.US_ASCII));
      sha.update(o.body());
      return HexFormat.of().formatHex(sha.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
