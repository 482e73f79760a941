import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/** Splits a file into chunks, hashes them on workers, and collects the hashes. */
public class Chunks {
  public List<Integer> hashAll(byte[] data, int chunk) {
    Chan<byte[]> tasks = Chan.make(8);
    Chan<Integer> hashes = Chan.make(data.length / chunk + 1);
    Go.go(
        () -> {
          for (byte[] c : tasks) {
            hashes.send(java.util.Arrays.hashCode(c));
          }
          // BUG(ReceiverSideClose): the worker only receives from tasks yet closes it; the producer's next send (or close) throws
          tasks.close();
          hashes.close();
        });
    for (int off = 0; off < data.length; off += chunk) {
      tasks.send(java.util.Arrays.copyOfRange(data, off, Math.min(data.length, off + chunk)));
    }
    tasks.close();
    List<Integer> out = new ArrayList<>();
    for (int h : hashes) {
      out.add(h);
    }
    return out;
  }

  public List<String> validate(List<String> names) {
    Chan<String> errors = Chan.make(names.size());
    WaitGroup wg = new WaitGroup();
    for (String n : names) {
      wg.go(
          () -> {
            if (n.contains("..")) {
              errors.send("path traversal: " + n);
            }
          });
    }
    wg.await();
    errors.close();
    if (errors.len() > names.size() / 2) {
      // BUG(SendOnClosedChannel): errors was closed above; this second close throws
      errors.close();
      return List.of("too many errors");
    }
    List<String> out = new ArrayList<>();
    errors.forEach(out::add);
    return out;
  }
}
