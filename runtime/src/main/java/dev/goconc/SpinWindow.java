package dev.goconc;

/**
 * How long a goroutine waiting for a rendezvous on one unbuffered channel keeps spinning while
 * other goroutines are {@linkplain ReadyGoroutines ready}, learned from how that channel's waits
 * end. (While none is ready a waiter spins its full {@link Waiter#SPINS} whatever this says.)
 *
 * <p>Two kinds of channel want opposite answers. Where the ready goroutine is the counterpart
 * itself, just unparked (ping-pong, a select fed by producers, many senders and receivers that do
 * nothing else), the wait should outlast its wake-up: from unpark to running again took 0.5–2 µs
 * here, longer than a {@link #SHORT} window, and a waiter that parks before its counterpart
 * answers makes the next hand-off a park too, so the exchange stays where every hand-off parks.
 * Where the ready goroutines need the carrier for work of their own (consumers that compute
 * between receives), every extra round delays them. Measured with a fixed window (plain harness,
 * docs/journal/2026-11-benchmarks.md): {@link #LONG} instead of {@code SHORT} took ping-pong from 1,367 to 757 ns,
 * a select over four unbuffered channels from 979 to 718 ns and eight producers and consumers
 * from 549 to 427 ns, but made eight and eight that compute ~1 µs per element 25% slower.
 *
 * <p>So each channel learns, as HotSpot's adaptive spinning does per monitor. It starts at
 * {@code SHORT}. A wait answered after {@code SHORT} rounds and within {@code LONG} shows that
 * longer waits pay here and widens the window by {@value #STEP} rounds; a wait cut off at a window
 * above {@code SHORT} (others ready, nobody answered) narrows it by as much; and after every
 * {@value #CUTS_BEFORE_PROBE} waits cut off at {@code SHORT} the next may spin {@code LONG}, so that
 * a channel at {@code SHORT} finds out when its waits would pay again. (A probe drawn at random per
 * wait, one in eight, measured the same on these patterns, but with {@code ThreadLocalRandom},
 * which seeds itself on a thread's first use, starting and parking 1,000,000 goroutines took
 * 20–40% longer.) In the plain harness, against the fixed {@code SHORT} window, the learned window
 * took ping-pong from 1,301 to 815 ns, the select from 1,045 to 699 and eight and eight from 523
 * to 481, and cost the computing eight and eight 6% (1,818 against 1,920 ns).
 *
 * <p>The window is a plain field, read and written without synchronization: a stale read or a
 * lost update only changes how long one wait spins, never what it returns.
 */
final class SpinWindow {
  /** About half a microsecond: time for an idle carrier to take the goroutine just woken. */
  static final int SHORT = 16;

  /** About 1.8 µs: outlasts most wake-ups measured (see the class comment). */
  static final int LONG = 64;

  static final int STEP = 16;
  static final int CUTS_BEFORE_PROBE = 16;

  private int rounds = SHORT;
  /** Waits cut off at {@code SHORT} since the last probe. */
  private int cutsAtShort;

  /** The rounds the next wait may spin while others are ready. */
  int limit() {
    return rounds;
  }

  /** A wait on this channel was answered in spin round {@code round}. */
  void answeredAt(int round) {
    if (round > SHORT && round <= LONG && rounds < LONG) {
      rounds = Math.min(LONG, rounds + STEP);
    }
  }

  /** A wait that could spin {@code limit} rounds while others were ready was not answered. */
  void cutAt(int limit) {
    if (limit > SHORT) {
      rounds = Math.max(SHORT, limit - STEP);
    } else if (++cutsAtShort >= CUTS_BEFORE_PROBE) {
      cutsAtShort = 0;
      rounds = LONG;
    }
  }
}
