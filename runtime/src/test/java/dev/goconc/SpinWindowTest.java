package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * {@link SpinWindow}'s learning: a channel whose waits are answered late widens its window step by
 * step to the long one, one whose long waits go unanswered narrows it to the short one, and a
 * channel at the short window still tries the long one now and then.
 */
final class SpinWindowTest {
  private static final int SHORT = SpinWindow.SHORT;
  private static final int LONG = SpinWindow.LONG;
  private static final int STEP = SpinWindow.STEP;

  @Test
  void aNewChannelStartsShort() {
    assertEquals(SHORT, new SpinWindow().limit());
  }

  @Test
  void waitsAnsweredBeyondTheShortWindowWidenItStepByStepToLong() {
    SpinWindow w = new SpinWindow();
    w.answeredAt(SHORT + 1);
    assertEquals(SHORT + STEP, w.limit());
    w.answeredAt(LONG);
    w.answeredAt(LONG);
    assertEquals(LONG, w.limit());
    w.answeredAt(LONG);
    assertEquals(LONG, w.limit(), "never beyond LONG");
  }

  @Test
  void waitsAnsweredWithinTheShortWindowOrAfterTheLongOneTeachNothing() {
    SpinWindow w = new SpinWindow();
    w.answeredAt(3);
    w.answeredAt(SHORT);
    w.answeredAt(LONG + 1); // spun on because nobody else was ready
    assertEquals(SHORT, w.limit());
  }

  @Test
  void unansweredLongWaitsNarrowItStepByStepToShort() {
    SpinWindow w = widened();
    w.cutAt(LONG);
    assertEquals(LONG - STEP, w.limit());
    w.cutAt(w.limit());
    w.cutAt(w.limit());
    assertEquals(SHORT, w.limit());
  }

  @Test
  void everySixteenthWaitCutAtTheShortWindowIsFollowedByALongProbe() {
    SpinWindow w = new SpinWindow();
    for (int probe = 0; probe < 3; probe++) {
      for (int i = 1; i < SpinWindow.CUTS_BEFORE_PROBE; i++) {
        w.cutAt(SHORT);
        assertEquals(SHORT, w.limit(), "after " + i + " cuts");
      }
      w.cutAt(SHORT);
      assertEquals(LONG, w.limit(), "the probe");
      w.cutAt(LONG); // the probe went unanswered
      w.cutAt(w.limit());
      w.cutAt(w.limit());
      assertEquals(SHORT, w.limit());
    }
  }

  @Test
  void anAnsweredProbeKeepsTheLongWindow() {
    SpinWindow w = new SpinWindow();
    for (int i = 0; i < SpinWindow.CUTS_BEFORE_PROBE; i++) {
      w.cutAt(SHORT);
    }
    w.answeredAt(40);
    assertEquals(LONG, w.limit());
  }

  private static SpinWindow widened() {
    SpinWindow w = new SpinWindow();
    for (int i = 0; i < LONG / STEP; i++) {
      w.answeredAt(LONG);
    }
    assertEquals(LONG, w.limit());
    return w;
  }
}
