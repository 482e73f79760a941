package dev.goconc;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A buffered channel's values: a bounded ring that any number of senders and receivers use
 * without a lock, and that can be closed.
 *
 * <p>Positions count up forever: {@code tail} is the number of sends that have claimed a slot,
 * {@code head} the number of receives. Position {@code p} lives in slot {@code p mod capacity},
 * whose sequence number says what the slot holds: {@code 2p} — free for the send at {@code p};
 * {@code 2p + 1} — filled by it; {@code 2(p + capacity)} — emptied by the receive at {@code p},
 * so free for the send one lap later. (Doubling keeps "filled at p" apart from "free at p + 1",
 * which would coincide for a capacity of 1.) A send claims its position by a compare-and-set of
 * {@code tail}, writes the value, then publishes the sequence number (release); a receive
 * claims by a compare-and-set of {@code head}, reads, then frees the slot the same way. So a
 * value's send happens-before its receive, and the k-th receive happens-before the send that
 * reuses its slot (Go's memory model for buffered channels).
 *
 * <p>Closing sets a bit in {@code tail}: a send's compare-and-set then fails and the send sees
 * the bit, so every send either claimed its slot before the close or throws. Receives drain what
 * was claimed before the close, then see the channel closed.
 *
 * <p>Between a claim and its publication (a few instructions) another party that needs that
 * slot waits for it ({@link Spin}). This is a wait for an operation already
 * under way, never for a counterpart: an empty or full ring is reported at once.
 *
 * <p>{@code head} and {@code tail} sit {@value #COUNTER_GAP} longs apart in one array, on
 * different cache lines, so senders and receivers do not invalidate each other's counter. The
 * cost: a sequence number (8 bytes) per slot and about 270 bytes of counters per channel.
 *
 * <p>A small ring ({@value #MIN_SPREAD_CAPACITY} to {@value #MAX_SPREAD_CAPACITY} slots) is
 * spread: {@value #SLOTS_PER_LINE} slots share a cache line, in both arrays. Packed, sixteen
 * slots' sequence numbers fill two lines and their values one, so when senders and receivers
 * work close together in the ring on two carriers, nearly every send and receive takes a line
 * away from the other carrier. JMH A/B against packed, 16 slots (docs/journal/2026-11-benchmarks.md): four
 * producers and four consumers 196 → 113 ns per element, one and one 139 → 82, a select over four
 * such channels 190 → 181. A line per slot gained as much on the first two but made the select
 * slower (218 against 168): a receiver draining a full ring gets fewer values from each line it
 * fetches. Four slots a line cost the select nothing but gained less on four and four (141). A
 * line per slot made no difference over 64 slots and was slower over 256 and 1,024 (one and one
 * 41 against 60 ns, 30 against 50), so larger rings stay packed. A spread ring costs 64 bytes a
 * slot, 2 KiB at most; a ring of one slot is not spread, as both sides use that slot anyway.
 */
final class Ring {
  /** What {@link #poll()} returns when the ring is closed and drained. */
  static final Object CLOSED = new Object();

  private static final long CLOSED_BIT = 1L << 62;
  private static final int COUNTER_GAP = 16;
  private static final int HEAD = COUNTER_GAP / 2;
  private static final int TAIL = HEAD + COUNTER_GAP;

  private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);

  private static final int MIN_SPREAD_CAPACITY = 2;
  private static final int MAX_SPREAD_CAPACITY = 32;
  /** Slots that share a 64-byte cache line in a spread ring. */
  private static final int SLOTS_PER_LINE = 2;
  /** Sequence numbers (longs) in a cache line. */
  private static final int LONGS_PER_LINE = 8;
  /** References in a cache line, with compressed references (without, 16 take two lines). */
  private static final int REFS_PER_LINE = 16;

  private final int capacity;
  /** {@code capacity - 1} when the capacity is a power of two, else -1. */
  private final int mask;
  private final long[] counters = new long[TAIL + COUNTER_GAP / 2];
  /** Slot {@code i}'s sequence number is at {@code i * sequenceStride}. */
  private final int sequenceStride;
  private final long[] sequence;
  /** Slot {@code i}'s value is at {@code i * valueStride}. */
  private final int valueStride;
  private final Object[] values;

  Ring(int capacity) {
    this.capacity = capacity;
    this.mask = (capacity & (capacity - 1)) == 0 ? capacity - 1 : -1;
    boolean spread = capacity >= MIN_SPREAD_CAPACITY && capacity <= MAX_SPREAD_CAPACITY;
    this.sequenceStride = spread ? LONGS_PER_LINE / SLOTS_PER_LINE : 1;
    this.valueStride = spread ? REFS_PER_LINE / SLOTS_PER_LINE : 1;
    this.sequence = new long[capacity * sequenceStride];
    for (int i = 0; i < capacity; i++) {
      sequence[i * sequenceStride] = 2L * i;
    }
    this.values = new Object[capacity * valueStride];
  }

  static final int STORED = 0;
  static final int FULL = 1;
  static final int CLOSED_ON_SEND = 2;

  /**
   * Stores {@code value} if a slot is free.
   *
   * @return false if the ring is full
   * @throws ChannelClosedException if the ring is closed
   */
  boolean offer(Object value) {
    int r = tryOffer(value);
    if (r == CLOSED_ON_SEND) {
      throw Chan.closedOnSend();
    }
    return r == STORED;
  }

  /** Stores {@code value} if a slot is free: {@link #STORED}, {@link #FULL} or {@link #CLOSED_ON_SEND}. */
  int tryOffer(Object value) {
    long t = tail();
    for (int waits = 0; ; ) {
      if ((t & CLOSED_BIT) != 0) {
        return CLOSED_ON_SEND;
      }
      int slot = slot(t);
      long seq = (long) LONGS.getAcquire(sequence, slot * sequenceStride);
      if (seq == 2 * t) {
        long witness = (long) LONGS.compareAndExchange(counters, TAIL, t, t + 1);
        if (witness == t) {
          values[slot * valueStride] = value;
          LONGS.setRelease(sequence, slot * sequenceStride, 2 * t + 1);
          return STORED;
        }
        t = witness;
      } else if (seq < 2 * t) {
        // The slot still holds the value from one lap ago: full, unless its receive is under way.
        if (head() + capacity == t) {
          return FULL;
        }
        waits = Spin.pause(waits);
        t = tail();
      } else {
        t = tail(); // another send took position t
      }
    }
  }

  /**
   * Takes the oldest value.
   *
   * @return the value, {@code null} if the ring is empty and open, or {@link #CLOSED} if it is
   *     closed and drained
   */
  Object poll() {
    long h = head();
    for (int waits = 0; ; ) {
      int slot = slot(h);
      long seq = (long) LONGS.getAcquire(sequence, slot * sequenceStride);
      if (seq == 2 * h + 1) {
        long witness = (long) LONGS.compareAndExchange(counters, HEAD, h, h + 1);
        if (witness == h) {
          Object value = values[slot * valueStride];
          values[slot * valueStride] = null;
          LONGS.setRelease(sequence, slot * sequenceStride, 2 * (h + capacity));
          return value;
        }
        h = witness;
      } else if (seq < 2 * h + 1) {
        // No value at h yet: empty, unless its send has claimed it and is writing.
        long t = tail();
        if ((t & ~CLOSED_BIT) == h) {
          return (t & CLOSED_BIT) != 0 ? CLOSED : null;
        }
        waits = Spin.pause(waits);
        h = head();
      } else {
        h = head(); // another receive took position h
      }
    }
  }

  /** Sets the closed bit; false if it was already set. */
  boolean close() {
    long before = (long) LONGS.getAndBitwiseOr(counters, TAIL, CLOSED_BIT);
    return (before & CLOSED_BIT) == 0;
  }

  /**
   * A number that grows whenever a send or receive claims a position or the ring closes (both
   * counters and the closed bit only grow): equal readings around a series of failed attempts
   * mean the ring stayed as those attempts found it.
   */
  long stamp() {
    long t = tail();
    return head() + (t & ~CLOSED_BIT) + ((t & CLOSED_BIT) != 0 ? 1 : 0);
  }

  /**
   * The number of stored values at one instant: {@code tail} is read on both sides of
   * {@code head} until it did not move, and as it only grows, it then held that value when
   * {@code head} was read. (Reading each once, a receive and a send could both fall between the
   * two reads, and the difference could be a length the channel never had: with one value
   * stored, a receive and then a send between the reads made it 2 where the channel held 0 or 1
   * throughout; Lincheck's long run found it.) Within {@code [0, capacity]}, as a receive
   * claims a position only after its send did, and a send only once the receive a lap before it
   * has freed the slot.
   */
  int len() {
    while (true) {
      long t = tail() & ~CLOSED_BIT;
      long h = head();
      if ((tail() & ~CLOSED_BIT) == t) {
        return (int) (t - h);
      }
    }
  }

  private long head() {
    return (long) LONGS.getVolatile(counters, HEAD);
  }

  private long tail() {
    return (long) LONGS.getVolatile(counters, TAIL);
  }

  private int slot(long position) {
    return mask >= 0 ? (int) (position & mask) : (int) (position % capacity);
  }
}
