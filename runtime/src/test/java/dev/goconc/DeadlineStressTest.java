package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A deadline over a huge tree must not hold up the timers due after it (-Plong-tests only). */
@Timeout(120)
final class DeadlineStressTest {
  private static final int CHILDREN = 1_000_000;

  @Test
  void aDeadlineOverAHugeTreeDoesNotDelayAnUnrelatedTimer() {
    assumeTrue(LincheckConfig.LONG, "a stress run: -Plong-tests");
    Instant deadline = Instant.now().plusSeconds(10);
    CancelContext root = Context.withDeadline(Context.background(), deadline);
    List<CancelContext> children = new ArrayList<>(CHILDREN);
    for (int i = 0; i < CHILDREN; i++) {
      children.add(Context.withCancel(root));
    }
    Duration untilDue = Duration.between(Instant.now(), deadline.plusMillis(20));
    assumeTrue(!untilDue.isNegative(), "the tree took longer to build than the deadline");
    Instant due = Instant.now().plus(untilDue);

    Instant fired = Time.newTimer(untilDue).c().receive();

    // 33 ms late measured on 2 busy cores once the cancel left the timer thread (4.1 s before).
    Duration late = Duration.between(due, fired);
    assertTrue(late.compareTo(Duration.ofMillis(500)) < 0, "the timer fired " + late + " late");
    assertTrue(TimeTest.within(Duration.ofSeconds(60), () -> children.get(CHILDREN - 1).err() != null));
  }
}
