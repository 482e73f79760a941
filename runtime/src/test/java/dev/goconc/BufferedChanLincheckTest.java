package dev.goconc;

import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;
import org.jetbrains.lincheck.datastructures.StressOptions;
import org.junit.jupiter.api.Test;

/**
 * Linearizability of a buffered channel's operations that complete without waiting for another
 * party: Lincheck checks every concurrent history against a sequential run of the same channel.
 * Blocking sends and receives are model-checked in {@link ChanModelCheckingTest}, since a
 * sequential history cannot express a rendezvous.
 */
public final class BufferedChanLincheckTest {
  private final Chan<Integer> ch = Chan.make(2);

  public BufferedChanLincheckTest() {}

  @Operation
  public String trySend(int v) {
    try {
      return ch.trySend(v) ? "sent" : "full";
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  @Operation
  public String tryReceive() {
    return ch.tryReceive().map(r -> r.ok() ? "got " + r.value() : "drained").orElse("empty");
  }

  @Operation
  public String close() {
    try {
      ch.close();
      return "closed";
    } catch (ChannelClosedException e) {
      return "closed twice";
    }
  }

  @Operation
  public int len() {
    return ch.len();
  }

  /** A select whose only case is a receive, with a default: Go's non-blocking receive. */
  @Operation
  public String selectReceive() {
    return Select.<String>select()
        .recvOk(ch, r -> r.ok() ? "got " + r.value() : "drained")
        .otherwise(() -> "default")
        .run();
  }

  /** A select whose only case is a send, with a default: Go's non-blocking send. */
  @Operation
  public String selectSend(int v) {
    try {
      return Select.<String>select().send(ch, v, () -> "sent").otherwise(() -> "default").run();
    } catch (ChannelClosedException e) {
      return "closed";
    }
  }

  @Test
  void modelChecking() {
    new ModelCheckingOptions()
        .iterations(LincheckConfig.iterations())
        .invocationsPerIteration(LincheckConfig.invocationsPerIteration())
        .threads(LincheckConfig.threads())
        .actorsPerThread(3)
        .check(BufferedChanLincheckTest.class);
  }

  @Test
  void stress() {
    new StressOptions()
        .iterations(LincheckConfig.iterations())
        .invocationsPerIteration(LincheckConfig.invocationsPerIteration())
        .threads(LincheckConfig.threads())
        .actorsPerThread(3)
        .check(BufferedChanLincheckTest.class);
  }
}
