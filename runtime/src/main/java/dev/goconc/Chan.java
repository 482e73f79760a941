package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import com.google.errorprone.annotations.ThreadSafe;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Go channel, both ends: {@code make(chan T)} is {@link #make()}, {@code make(chan T, n)} is
 * {@link #make(int)}.
 *
 * <h2>Algorithm</h2>
 *
 * <p>Every channel has a lock (virtual threads park on it without pinning a carrier) and two FIFO
 * queues of parked goroutines, blocked senders and blocked receivers. Completing a parked
 * operation means winning an atomic claim on its goroutine, so a goroutine blocked in a select on
 * several channels is completed by exactly one of them; a claimed goroutine's other entries are
 * skipped. A blocked operation never polls: it parks and is woken by whoever completes it.
 *
 * <p><b>Unbuffered</b> channels hand values over as Go's runtime/chan.go does: a send gives its
 * value straight to the oldest waiting receiver, else waits; a receive takes the oldest waiting
 * sender's value, else waits. While nothing is queued, one goroutine may wait without the lock,
 * and its counterpart completes it with one compare-and-set, so a rendezvous of two goroutines
 * takes no lock; whoever takes the lock first moves that goroutine into its queue, so every
 * locked operation (select, close, a third goroutine) sees all waiting goroutines in the order
 * they came.
 *
 * <p><b>Buffered</b> channels keep their values in a lock-free ring, so one producer and one
 * consumer never wait for each other's critical sections; the lock guards only the queues. As in
 * Go, a receive that frees a slot moves the oldest blocked sender's value into the buffer, and a
 * send gives its value to the oldest blocked receiver, so blocked senders enter the buffer, and
 * blocked receivers get values, in the order they blocked.
 *
 * <p><b>select</b> ({@link Select}) tries its cases in a uniformly random order and commits the
 * first that can proceed. If none can, it locks its unbuffered channels in ascending channel id
 * (one global order, so two selects cannot deadlock) and tries again; if still none can and there
 * is no default, it queues one entry per case, in a random order (so one event that makes
 * several cases ready completes each as likely as the others), and parks. Whoever completes one
 * of its entries first commits that case; after waking, the select withdraws its other entries.
 * A buffered channel's lock is only ever taken last and held for a few queue operations, so it
 * adds no deadlock to the order.
 *
 * <p>With more than one carrier, a goroutine that waits for a rendezvous spins for a few
 * microseconds before it parks (a counterpart on another carrier then answers without either side
 * parking), and one that finds a buffered channel full (to send) or empty (to receive) gives its
 * carrier to the other goroutines once and tries again before it parks. The implementation, its
 * invariants and why it is correct are described at the top of {@code UnbufferedChan.java} and
 * {@code BufferedChan.java}; the measurements behind these choices are in the project's
 * {@code docs/benchmarks.md}.
 *
 * <h2>Memory consistency</h2>
 *
 * <p>As in Go's memory model: actions in a goroutine before a send happen-before the receive
 * that gets that value completes; a close happens-before a receive that returns because the
 * channel is closed; for an unbuffered channel, the receive happens-before the matching send
 * completes; and the k-th receive on a channel of capacity C happens-before the (k+C)-th send
 * completes.
 *
 * <h2>Interruption</h2>
 *
 * <p>An operation that can complete without blocking completes, whatever the interrupt flag. An
 * operation that must block and is (or gets) interrupted before a counterpart completes it leaves
 * the queue and throws {@link GoInterruptedException}, with the interrupt flag still set. If a
 * counterpart completed it first, it returns normally (a received value is delivered, a sent
 * value was taken) and the flag stays set.
 *
 * @param <T> the element type; {@code null} cannot be sent (it is what a closed channel yields)
 */
@ThreadSafe
public abstract sealed class Chan<T> implements SendChan<T>, RecvChan<T>
    permits UnbufferedChan, BufferedChan {
  private static final AtomicLong ids = new AtomicLong();

  /**
   * What {@link #receiveBlocking()} returns once the channel is closed and drained: the ring's own
   * marker, so that a buffered receive passes on what its ring returned.
   */
  static final Object CLOSED = Ring.CLOSED;

  /** The global lock order for select. */
  final long id = ids.incrementAndGet();

  // Allocated in this order (the queues, the lock, then a subclass's own objects), as the single
  // class did, so that the split left the channel's objects where they were on the heap.

  /** Parked senders' entries, oldest first, each with its value; under {@link #lock}. */
  final WaitQueue sendq = new WaitQueue();

  /** Parked receivers' entries, oldest first; under {@link #lock}. */
  final WaitQueue recvq = new WaitQueue();

  /** Guards the queues (and an unbuffered channel's closed flag); see the subclasses. */
  final ChannelLock lock = new ChannelLock();

  private final int capacity;

  Chan(int capacity) {
    this.capacity = capacity;
  }

  /** Go's {@code make(chan T)}: an unbuffered channel, where a send waits for its receiver. */
  @CheckReturnValue
  public static <T> Chan<T> make() {
    return new UnbufferedChan<>();
  }

  /**
   * Go's {@code make(chan T, n)}: a buffered channel of {@code capacity} slots (0 is unbuffered).
   *
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  @CheckReturnValue
  public static <T> Chan<T> make(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative channel capacity: " + capacity);
    }
    return capacity == 0 ? new UnbufferedChan<>() : new BufferedChan<>(capacity);
  }

  /** This channel's sending end only, Go's {@code chan<- T}; a view, not a copy. */
  @CheckReturnValue
  public final SendChan<T> sendOnly() {
    return new SendView<>(this);
  }

  /** This channel's receiving end only, Go's {@code <-chan T}; a view, not a copy. */
  @CheckReturnValue
  public final RecvChan<T> recvOnly() {
    return new RecvView<>(this);
  }

  /**
   * This channel's receiving end as a timer's channel (Go's {@code t.C}): {@code len} and
   * {@code cap} report 0, as for Go 1.23's timer channels, whose one buffered value is an
   * implementation detail that {@code stop} and {@code reset} discard.
   */
  final RecvChan<T> timerEnd() {
    return new TimerView<>(this);
  }

  /**
   * Go's {@code ch <- value}. Blocks until a receiver takes the value (unbuffered) or a buffer
   * slot is free (buffered).
   *
   * @throws NullPointerException if {@code value} is null
   * @throws ChannelClosedException if the channel is closed, or is closed while this waits
   * @throws GoInterruptedException if interrupted while blocked, before the value was taken
   */
  @Override
  public final void send(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    sendBlocking(value);
  }

  /**
   * Sends if that completes without blocking: a receiver is waiting or a buffer slot is free.
   *
   * @return whether the value was sent
   * @throws NullPointerException if {@code value} is null
   * @throws ChannelClosedException if the channel is closed (as a Go select's send case panics)
   */
  @Override
  public final boolean trySend(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    WaitEntry e = new WaitEntry(null, 0, value);
    boolean sent = tryNow(e, true);
    wake(e);
    return sent;
  }

  /**
   * Go's {@code close(ch)}: no more values will be sent. Buffered values stay receivable; then
   * receives return {@code null} (ok false) at once. Every blocked receiver wakes with
   * {@code null}, every blocked sender throws {@link ChannelClosedException}. The close
   * happens-before every receive that returns because the channel is closed. Never blocks.
   *
   * @throws ChannelClosedException if the channel was already closed
   */
  @Override
  public final void close() {
    closeOnce();
  }

  /**
   * Go's {@code <-ch}: blocks until a value is available and returns it, or returns {@code null}
   * once the channel is closed and drained.
   *
   * @throws GoInterruptedException if interrupted while blocked, before a value was handed over
   */
  @Override
  @SuppressWarnings("unchecked")
  public final T receive() {
    Object v = receiveBlocking();
    return v == CLOSED ? null : (T) v;
  }

  /**
   * Go's {@code v, ok := <-ch}: like {@link #receive()}, and {@code ok} is false exactly when the
   * channel is closed and drained.
   */
  @Override
  @SuppressWarnings("unchecked")
  public final Received<T> receiveOk() {
    Object v = receiveBlocking();
    return v == CLOSED ? new Received<>(null, false) : new Received<>((T) v, true);
  }

  /**
   * Receives if that completes without blocking: a value is buffered, a sender is waiting, or the
   * channel is closed (then {@code ok} is false).
   *
   * @return the result, or empty if receiving would block
   */
  @Override
  public final Optional<Received<T>> tryReceive() {
    WaitEntry e = new WaitEntry(null, 0, null);
    if (!tryNow(e, false)) {
      return Optional.empty();
    }
    wake(e);
    return Optional.of(e.closed ? new Received<>(null, false) : new Received<>(value(e), true));
  }

  /**
   * Go's {@code for v := range ch}: each {@code next()} receives (blocking in {@code hasNext()});
   * the iteration ends when the channel is closed and drained.
   */
  @Override
  public final Iterator<T> iterator() {
    return new Iterator<>() {
      private T next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = receive();
        }
        return next != null;
      }

      @Override
      public T next() {
        if (!hasNext()) {
          throw new NoSuchElementException("channel closed and drained");
        }
        T v = next;
        next = null;
        return v;
      }
    };
  }

  /** Go's {@code len(ch)}: the number of buffered values, a snapshot. */
  @Override
  public final int len() {
    return size();
  }

  /** Go's {@code cap(ch)}: the buffer's size, 0 for an unbuffered channel. */
  @Override
  public final int cap() {
    return capacity;
  }

  @Override
  public final String toString() {
    return "Chan#" + id + "(cap " + capacity + ")";
  }

  // ---- the public operations' blocking halves, one per algorithm ----

  /** {@link #send}'s work once {@code value} is known to be non-null. */
  abstract void sendBlocking(Object value);

  /** {@link #receive}'s work: the value, or {@link #CLOSED} once closed and drained. */
  abstract Object receiveBlocking();

  /** {@link #close}'s work. */
  abstract void closeOnce();

  /** {@link #len}'s answer: the values buffered now. */
  abstract int size();

  // ---- Select's contract: everything a select does to a channel goes through these ----
  //
  // A select (1) tries each case alone (tryNow); (2) if none was ready, takes the lock of every
  // channel that is not buffered(), in ascending id, through lockQueues(); tries the cases again
  // (tryLocked), and with no default queues an entry per unbuffered case (queue) before
  // unlockQueues(); (3) queues an entry per buffered case (queue, each under that channel's lock
  // alone), parks, and withdraws what is still queued (dequeue). stamp() lets a select with a
  // default see that no buffered channel changed during its attempt; spinWindow() says how its
  // waiter may spin. The plain operations use the same methods, so a select case behaves exactly
  // as the operation it names.

  /**
   * Whether this channel's values move without its lock (a buffered channel's ring): a select
   * then does not lock it for its attempt, queues on it only after releasing the other locks,
   * gives its carrier away once before parking on it ({@link BufferedChan#stepAside}) and, with a
   * default, watches its {@link #stamp()}.
   */
  final boolean buffered() {
    return this instanceof BufferedChan;
  }

  /**
   * Completes {@code e} now if it can (a send of {@code e.value}, or a receive into {@code
   * e.value} / {@code e.closed}), taking and releasing whatever lock it needs: {@code trySend},
   * {@code tryReceive}, and a select's first attempt at a case. The caller holds no channel lock
   * and wakes {@code e.toWake} afterwards ({@link #wake}).
   *
   * @throws ChannelClosedException if {@code send} and the channel is closed
   */
  abstract boolean tryNow(WaitEntry e, boolean send);

  /**
   * As {@link #tryNow}, inside a select's locked phase: the caller holds this channel's lock if it
   * is not {@link #buffered()} (taken by {@link #lockQueues()}).
   */
  abstract boolean tryLocked(WaitEntry e, boolean send);

  /**
   * Takes the lock for a locked phase: afterwards {@link #sendq} and {@link #recvq} hold every
   * goroutine waiting on this channel. A select takes it only on channels that are not
   * {@link #buffered()}, in ascending {@link #id}.
   */
  abstract void lockQueues();

  /** Ends a locked phase begun by {@link #lockQueues()}. */
  abstract void unlockQueues();

  /**
   * Queues a blocked select's entry {@code e} (case {@code e.caseIndex} of waiter {@code
   * e.waiter}) to be completed by a counterpart or a close. On a channel that is not {@link
   * #buffered()} the caller holds the lock ({@link #lockQueues()}); a buffered channel takes its
   * own lock and completes {@code e} at once if its ring changed since the select's attempt.
   */
  abstract void queue(WaitEntry e, boolean send);

  /**
   * Removes an entry that its own waiter gave up on (interrupt, or another select case won); a
   * no-op if it is no longer queued. The caller holds no channel lock.
   */
  final void dequeue(WaitEntry e, boolean send) {
    lockQueues();
    try {
      (send ? sendq : recvq).remove(e);
    } finally {
      unlockQueues();
    }
  }

  /**
   * A number that grows whenever a value moves without the lock ({@link Ring#stamp()}); 0 for an
   * unbuffered channel, whose state does not change while a select holds its lock.
   */
  abstract long stamp();

  /**
   * How long a goroutine waiting on this channel alone may spin (see {@link Waiter}); null if it
   * parks at once (a buffered channel).
   */
  abstract SpinWindow spinWindow();

  // ---- shared helpers ----

  /** Wakes the waiter an operation completed ({@code e.toWake}), outside any channel lock. */
  static void wake(WaitEntry e) {
    if (e.toWake != null) {
      e.toWake.wake();
      e.toWake = null;
    }
  }

  static ChannelClosedException closedOnSend() {
    return new ChannelClosedException("send on closed channel");
  }

  @SuppressWarnings("unchecked") // an entry of this channel holds one of its values or null
  private T value(WaitEntry e) {
    return (T) e.value;
  }

  /** The channel behind a goconc channel or view, or null for Go's nil channel. */
  static Chan<?> unwrap(Object ch) {
    if (ch == null) {
      return null;
    }
    if (ch instanceof Chan<?> c) {
      return c;
    }
    if (ch instanceof SendView<?> v) {
      return v.chan;
    }
    if (ch instanceof RecvView<?> v) {
      return v.chan;
    }
    if (ch instanceof TimerView<?> v) {
      return v.chan;
    }
    throw new IllegalArgumentException(
        "select works on goconc channels only, not " + ch.getClass().getName());
  }

  /** The sending end alone. */
  private record SendView<T>(Chan<T> chan) implements SendChan<T> {
    @Override
    public void send(T value) {
      chan.send(value);
    }

    @Override
    public boolean trySend(T value) {
      return chan.trySend(value);
    }

    @Override
    public void close() {
      chan.close();
    }

    @Override
    public int len() {
      return chan.len();
    }

    @Override
    public int cap() {
      return chan.cap();
    }
  }

  /** The receiving end alone. */
  private record RecvView<T>(Chan<T> chan) implements RecvChan<T> {
    @Override
    public T receive() {
      return chan.receive();
    }

    @Override
    public Received<T> receiveOk() {
      return chan.receiveOk();
    }

    @Override
    public Optional<Received<T>> tryReceive() {
      return chan.tryReceive();
    }

    @Override
    public Iterator<T> iterator() {
      return chan.iterator();
    }

    @Override
    public int len() {
      return chan.len();
    }

    @Override
    public int cap() {
      return chan.cap();
    }
  }

  /** A timer's receiving end: the buffer holding its one value is not shown ({@link #timerEnd}). */
  private record TimerView<T>(Chan<T> chan) implements RecvChan<T> {
    @Override
    public T receive() {
      return chan.receive();
    }

    @Override
    public Received<T> receiveOk() {
      return chan.receiveOk();
    }

    @Override
    public Optional<Received<T>> tryReceive() {
      return chan.tryReceive();
    }

    @Override
    public Iterator<T> iterator() {
      return chan.iterator();
    }

    @Override
    public int len() {
      return 0;
    }

    @Override
    public int cap() {
      return 0;
    }
  }
}
