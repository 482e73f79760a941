package mistakes;

import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.List;

/**
 * A loop over a channel ends only when the channel is closed and drained. If no sender closes
 * it, the receiver blocks forever after the last value: the method never returns, and the
 * goroutine that runs it leaks. Only the sender knows when there is nothing more to send, so the
 * sender closes, on every path — in {@code finally}, so that an exception closes it too. With
 * several senders, a closer goroutine closes after {@code WaitGroup.await()}.
 *
 * @goanalyzer None in go vet; the Go runtime reports it only when every goroutine is asleep
 *     ("all goroutines are asleep - deadlock!")
 */
public final class UnclosedChannel {
  private UnclosedChannel() {}

  /** The producer sends every size and returns; the loop then waits forever for a value that never comes. */
  static final class Mistake {
    static int totalSize(List<Integer> sizes) {
      Chan<Integer> ch = Chan.make();
      Go.go(
          () -> {
            for (int size : sizes) {
              ch.send(size);
            }
          });
      int total = 0;
      for (int size : ch) { // goconc: expect UnclosedChannel
        total += size;
      }
      return total;
    }
  }

  /** The single sender closes the channel in {@code finally}, so the loop ends on every path. */
  static final class Fix {
    static int totalSize(List<Integer> sizes) {
      Chan<Integer> ch = Chan.make();
      Go.go(
          () -> {
            try {
              for (int size : sizes) {
                ch.send(size);
              }
            } finally {
              ch.close();
            }
          });
      int total = 0;
      for (int size : ch) {
        total += size;
      }
      return total;
    }
  }
}
