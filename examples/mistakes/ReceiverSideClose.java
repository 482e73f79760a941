package mistakes;

import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.RecvChan;

/**
 * Only the sender closes a channel. A receiver that closes it to say "stop" makes the sender's
 * next {@code send} throw {@code ChannelClosedException} — in Go, the panic "send on closed
 * channel" — and a sender that closes it afterwards throws on the second close. The receiver
 * cannot know whether a send is in flight, so there is no safe moment for it to close. To stop
 * a producer, cancel the context it observes.
 *
 * @goanalyzer None; the Go runtime panics at run time ("send on closed channel")
 */
public final class ReceiverSideClose {
  private ReceiverSideClose() {}

  /**
   * The consumer found what it wanted and closes its input to stop the producer, which throws
   * on its next send.
   */
  static final class Mistake {
    static String firstError(Chan<String> lines) {
      for (String line : lines) {
        if (line.startsWith("ERROR")) {
          lines.close(); // goconc: expect ReceiverSideClose
          return line;
        }
      }
      return null;
    }
  }

  /**
   * Narrow the parameter to {@code RecvChan}, where {@code close} cannot be written, and stop
   * the producer by cancelling the context it observes.
   */
  static final class Fix {
    static String firstError(RecvChan<String> lines, CancelFunc stopProducer) {
      for (String line : lines) {
        if (line.startsWith("ERROR")) {
          stopProducer.cancel();
          return line;
        }
      }
      return null;
    }
  }
}
