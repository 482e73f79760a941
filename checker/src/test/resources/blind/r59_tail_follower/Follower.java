import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Follows a log and stops following at the first FATAL line. */
public final class Follower {
  private final List<String> seen = new CopyOnWriteArrayList<>();

  public void follow(Chan<String> lines) {
    Go.go(
        () -> {
          for (String l : lines) {
            seen.add(l);
            if (l.startsWith("FATAL")) {
              // BUG(ReceiverSideClose): the follower only reads lines but closes the channel; the tailer's next send throws
              lines.close();
              return;
            }
          }
        });
  }

  public static void tail(List<String> file, Chan<String> lines) {
    try {
      for (String l : file) {
        lines.send(l);
      }
    } finally {
      // OK(ReceiverSideClose): the tailer is the sender
      lines.close();
    }
  }

  public List<String> seen() {
    return seen;
  }
}
