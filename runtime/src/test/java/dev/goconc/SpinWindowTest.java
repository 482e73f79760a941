package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SpinWindow}'s learning: a channel whose waits are answered late widens its window to the
 * long one, one whose long waits go unanswered narrows it to the short one and still tries the long
 * one now and then. One wait in eight is a probe at the long window, so the tests read the window through many
 * draws of {@link SpinWindow#limit()}.
 */
final class SpinWindowTest {
  private static final int DRAWS = 8_000;

  @Test
  void aNewChannelSpinsLong() {
    assertEquals(Map.of(SpinWindow.LONG, DRAWS), draws(new SpinWindow()));
  }

  @Test
  void unansweredLongWaitsShrinkTheWindowStepByStepToShort() {
    SpinWindow w = new SpinWindow();
    w.cutAt(SpinWindow.LONG);
    assertTrue(draws(w).containsKey(SpinWindow.LONG - SpinWindow.STEP), "one step down");
    w.cutAt(SpinWindow.LONG);
    w.cutAt(SpinWindow.LONG);
    w.cutAt(SpinWindow.LONG);
    w.cutAt(SpinWindow.LONG);
    Map<Integer, Integer> d = draws(w);
    assertEquals(2, d.size(), "short, or long when probing: " + d);
    int probes = d.get(SpinWindow.LONG);
    assertTrue(probes > DRAWS / 16 && probes < DRAWS / 4, "about one probe in eight: " + probes);
  }

  @Test
  void waitsAnsweredBeyondTheShortWindowWidenItStepByStepToLong() {
    SpinWindow w = shortened();
    w.answeredAt(SpinWindow.SHORT + 1);
    assertTrue(draws(w).containsKey(SpinWindow.SHORT + SpinWindow.STEP), "one step up");
    w.answeredAt(SpinWindow.LONG);
    w.answeredAt(SpinWindow.LONG);
    w.answeredAt(SpinWindow.LONG);
    assertEquals(Map.of(SpinWindow.LONG, DRAWS), draws(w));
  }

  @Test
  void waitsAnsweredWithinTheShortWindowOrAfterTheLongOneTeachNothing() {
    SpinWindow w = shortened();
    w.answeredAt(3);
    w.answeredAt(SpinWindow.SHORT);
    w.answeredAt(SpinWindow.LONG + 1); // spun on because nobody else was ready
    assertTrue(draws(w).containsKey(SpinWindow.SHORT));
  }

  @Test
  void aWaitCutAtTheShortWindowTeachesNothing() {
    SpinWindow w = new SpinWindow();
    w.cutAt(SpinWindow.SHORT);
    assertEquals(Map.of(SpinWindow.LONG, DRAWS), draws(w));
  }

  private static SpinWindow shortened() {
    SpinWindow w = new SpinWindow();
    for (int i = 0; i < 10; i++) {
      w.cutAt(SpinWindow.LONG);
    }
    return w;
  }

  /** How often each limit comes up in {@link #DRAWS} waits. */
  private static Map<Integer, Integer> draws(SpinWindow w) {
    Map<Integer, Integer> counts = new HashMap<>();
    for (int i = 0; i < DRAWS; i++) {
      counts.merge(w.limit(), 1, Integer::sum);
    }
    return counts;
  }
}
