// Program: file-change debouncer; events are coalesced and emitted on quiet periods; shutdown paths send or close after close.
import dev.goconc.*;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

final class Debouncer {
  static RecvChan<Set<String>> debounce(RecvChan<String> changes, Duration quiet) {
    Chan<Set<String>> out = Chan.make(1);
    Go.go(() -> {
      Set<String> pending = new LinkedHashSet<>();
      while (true) {
        String changed = Select.<String>select()
            .recvOk(changes, r -> r.ok() ? r.value() : "")
            .recv(Time.after(quiet), t -> null)
            .run();
        if (changed == null) {
          if (!pending.isEmpty()) {
            out.send(Set.copyOf(pending));
            pending.clear();
          }
        } else if (changed.isEmpty()) {
          out.close();
          if (!pending.isEmpty()) {
            // BUG(SendOnClosedChannel): the last batch is sent after out was closed
            out.send(Set.copyOf(pending));
          }
          return;
        } else {
          pending.add(changed);
        }
      }
    });
    return out.recvOnly();
  }

  static void flushAndClose(Chan<Set<String>> out, Set<String> last, boolean failed) {
    out.send(last);
    out.close();
    if (failed) {
      // BUG(SendOnClosedChannel): a second close on the failure path throws
      out.close();
    }
  }

  static void flushAndCloseFixed(Chan<Set<String>> out, Set<String> last) {
    try {
      if (!last.isEmpty()) {
        // OK(SendOnClosedChannel): the send comes before the close in finally
        out.send(last);
      }
    } finally {
      out.close();
    }
  }
}
