package mistakes;

import dev.goconc.SendChan;
import java.util.List;

/**
 * A send on a closed channel throws {@code ChannelClosedException} (in Go, the panic "send on
 * closed channel"), and so does a second {@code close()}. Once a method has closed a channel,
 * any later send or close on the same path is a certain failure, not a race: the channel never
 * reopens.
 *
 * @goanalyzer None; the Go runtime panics ("send on closed channel", "close of closed channel")
 */
public final class SendOnClosedChannel {
  private SendOnClosedChannel() {}

  /** The trailer is sent after the {@code finally} closed the channel: it throws every time. */
  static final class Mistake {
    static void emit(SendChan<String> out, List<String> lines) {
      try {
        for (String line : lines) {
          out.send(line);
        }
      } finally {
        out.close();
      }
      out.send("-- end --"); // goconc: expect SendOnClosedChannel
    }
  }

  /** Every send happens before the close. */
  static final class Fix {
    static void emit(SendChan<String> out, List<String> lines) {
      try {
        for (String line : lines) {
          out.send(line);
        }
        out.send("-- end --");
      } finally {
        out.close();
      }
    }
  }
}
