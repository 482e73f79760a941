import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;

/** Restores a backup into a scratch database and compares table checksums, table by table in parallel. */
final class RestoreVerifier {
  record Table(String name) {}

  record Diff(String table, String expected, String actual) {}

  interface Db {
    String checksum(Context ctx, Table t);
  }

  static RecvChan<Diff> compare(Context ctx, Db source, Db restored, List<Table> tables) {
    Chan<Diff> diffs = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (Table t : tables) {
      wg.go(() -> {
        String a = source.checksum(ctx, t);
        String b = restored.checksum(ctx, t);
        if (!a.equals(b)) {
          // OK(GoroutineLeak): the send sits in a select with ctx.done()
          Select.<Void>select()
              .send(diffs, new Diff(t.name(), a, b), () -> null)
              .recv(ctx.done(), x -> null)
              .run();
        }
      });
    }
    Go.go(() -> {
      wg.await();
      // OK(ReceiverSideClose): this goroutine only closes, after every sender finished
      diffs.close();
    });
    return diffs;
  }

  static List<Diff> verify(Context ctx, Db source, Db restored, List<Table> tables) {
    List<Diff> out = new ArrayList<>();
    // OK(UnclosedChannel): compare's closer goroutine closes the channel after the wait group
    for (Diff d : compare(ctx, source, restored, tables)) {
      out.add(d);
    }
    return out;
  }
}
