package dev.goconc;

import com.google.errorprone.annotations.CheckReturnValue;
import com.google.errorprone.annotations.ThreadSafe;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * <p>Go's own (runtime/chan.go and select.go), on virtual threads. Each channel has one lock (a
 * {@link ChannelLock}: virtual threads park on it without pinning a carrier), a ring buffer of
 * {@code cap} slots, and two FIFO queues of waiting entries: blocked senders (each holding its
 * value) and blocked receivers. A blocked goroutine is a {@link Waiter}; it has one
 * {@link WaitEntry} per channel it waits on (one for send/receive, one per case for a select).
 *
 * <ul>
 *   <li><b>send</b>: under the lock, if a receiver waits, hand the value straight to it
 *       (rendezvous, even on a buffered channel, whose buffer is then empty); else if the buffer
 *       has room, append; else queue an entry and park.
 *   <li><b>receive</b>: under the lock, if the buffer has values, take the oldest and move the
 *       oldest waiting sender's value into the freed slot (so FIFO order holds across buffer and
 *       queue); else if a sender waits (unbuffered), take its value; else if closed, return
 *       {@code null} / not ok; else queue an entry and park.
 *   <li><b>close</b>: under the lock, mark closed and complete every queued receiver (closed) and
 *       sender (which then throws).
 * </ul>
 *
 * <p>Completing a parked entry means winning its waiter's atomic claim: the completer writes
 * the entry's result, then compare-and-sets the waiter from waiting to the entry's case index.
 * An entry whose waiter is already claimed (another case of its select won, or it was
 * interrupted) is dropped from the queue and the next one is tried, so a value is handed to
 * exactly one party. The claim is the completion: a woken waiter never takes a lock to learn
 * its result.
 *
 * <p><b>select</b> ({@link Select}) uses the same state machine: it locks all its channels in
 * ascending channel id (one global order, so two selects cannot deadlock), tries the cases in a
 * uniformly random order and commits the first that can proceed; if none can and there is no
 * default, it queues one entry per case on its channels, unlocks and parks. Whoever completes one
 * entry first wins the claim; after waking, the select unlinks its other entries. A blocked
 * operation never polls: it parks, after a spin of a few microseconds when it waits for a
 * rendezvous and its counterpart may be running on another carrier (see {@link Waiter}).
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
public final class Chan<T> implements SendChan<T>, RecvChan<T> {
  private static final AtomicLong ids = new AtomicLong();

  /** The global lock order for select. */
  final long id = ids.incrementAndGet();

  final ChannelLock lock;
  private final int capacity;
  private final Object[] buf;
  private int head;
  private int count;
  private boolean closed;
  final WaitQueue sendq = new WaitQueue();
  final WaitQueue recvq = new WaitQueue();

  private Chan(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative channel capacity: " + capacity);
    }
    this.capacity = capacity;
    this.lock = new ChannelLock(capacity == 0);
    this.buf = capacity == 0 ? null : new Object[capacity];
  }

  /** Go's {@code make(chan T)}: an unbuffered channel, where a send waits for its receiver. */
  @CheckReturnValue
  public static <T> Chan<T> make() {
    return new Chan<>(0);
  }

  /**
   * Go's {@code make(chan T, n)}: a buffered channel of {@code capacity} slots (0 is unbuffered).
   *
   * @throws IllegalArgumentException if {@code capacity} is negative
   */
  @CheckReturnValue
  public static <T> Chan<T> make(int capacity) {
    return new Chan<>(capacity);
  }

  /** This channel's sending end only, Go's {@code chan<- T}; a view, not a copy. */
  @CheckReturnValue
  public SendChan<T> sendOnly() {
    return new SendView<>(this);
  }

  /** This channel's receiving end only, Go's {@code <-chan T}; a view, not a copy. */
  @CheckReturnValue
  public RecvChan<T> recvOnly() {
    return new RecvView<>(this);
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
  public void send(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    WaitEntry e = new WaitEntry(null, 0, value);
    lock.lock();
    try {
      if (!sendLocked(e)) {
        if (Thread.currentThread().isInterrupted()) {
          throw new GoInterruptedException();
        }
        e.waiter = new Waiter(Thread.currentThread(), capacity == 0);
        sendq.add(e);
      }
    } finally {
      lock.unlock();
    }
    if (e.waiter == null) {
      wake(e);
      return;
    }
    if (e.waiter.await() == Waiter.CANCELLED) {
      dequeue(sendq, e);
      throw new GoInterruptedException();
    }
    if (e.closed) {
      throw closedOnSend();
    }
  }

  /**
   * Sends if that completes without blocking: a receiver is waiting or a buffer slot is free.
   *
   * @return whether the value was sent
   * @throws NullPointerException if {@code value} is null
   * @throws ChannelClosedException if the channel is closed (as a Go select's send case panics)
   */
  @Override
  public boolean trySend(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    WaitEntry e = new WaitEntry(null, 0, value);
    boolean sent;
    lock.lock();
    try {
      sent = sendLocked(e);
    } finally {
      lock.unlock();
    }
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
  public void close() {
    List<Waiter> woken = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        throw new ChannelClosedException("close of closed channel");
      }
      closed = true;
      WaitEntry e;
      while ((e = recvq.poll()) != null) {
        e.value = null;
        e.closed = true;
        if (e.waiter.tryClaim(e.caseIndex)) {
          woken.add(e.waiter);
        }
      }
      while ((e = sendq.poll()) != null) {
        e.closed = true;
        if (e.waiter.tryClaim(e.caseIndex)) {
          woken.add(e.waiter);
        }
      }
    } finally {
      lock.unlock();
    }
    for (Waiter w : woken) {
      w.wake();
    }
  }

  /**
   * Go's {@code <-ch}: blocks until a value is available and returns it, or returns {@code null}
   * once the channel is closed and drained.
   *
   * @throws GoInterruptedException if interrupted while blocked, before a value was handed over
   */
  @Override
  public T receive() {
    WaitEntry e = receiveEntry();
    return e.closed ? null : value(e);
  }

  /**
   * Go's {@code v, ok := <-ch}: like {@link #receive()}, and {@code ok} is false exactly when the
   * channel is closed and drained.
   */
  @Override
  public Received<T> receiveOk() {
    WaitEntry e = receiveEntry();
    return e.closed ? new Received<>(null, false) : new Received<>(value(e), true);
  }

  /**
   * Receives if that completes without blocking: a value is buffered, a sender is waiting, or the
   * channel is closed (then {@code ok} is false).
   *
   * @return the result, or empty if receiving would block
   */
  @Override
  public Optional<Received<T>> tryReceive() {
    WaitEntry e = new WaitEntry(null, 0, null);
    boolean done;
    lock.lock();
    try {
      done = recvLocked(e);
    } finally {
      lock.unlock();
    }
    if (!done) {
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
  public Iterator<T> iterator() {
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
  public int len() {
    lock.lock();
    try {
      return count;
    } finally {
      lock.unlock();
    }
  }

  /** Go's {@code cap(ch)}: the buffer's size, 0 for an unbuffered channel. */
  @Override
  public int cap() {
    return capacity;
  }

  @Override
  public String toString() {
    return "Chan#" + id + "(cap " + capacity + ")";
  }

  private WaitEntry receiveEntry() {
    WaitEntry e = new WaitEntry(null, 0, null);
    lock.lock();
    try {
      if (!recvLocked(e)) {
        if (Thread.currentThread().isInterrupted()) {
          throw new GoInterruptedException();
        }
        e.waiter = new Waiter(Thread.currentThread(), capacity == 0);
        recvq.add(e);
      }
    } finally {
      lock.unlock();
    }
    if (e.waiter == null) {
      wake(e);
    } else if (e.waiter.await() == Waiter.CANCELLED) {
      dequeue(recvq, e);
      throw new GoInterruptedException();
    }
    return e;
  }

  // ---- the state machine; every method below needs the caller to hold `lock` ----

  /**
   * Sends {@code e.value} if that needs no waiting; sets {@code e.toWake} to a receiver to unpark.
   */
  boolean sendLocked(WaitEntry e) {
    if (closed) {
      throw closedOnSend();
    }
    WaitEntry r;
    while ((r = recvq.poll()) != null) {
      r.value = e.value;
      r.closed = false;
      if (r.waiter.tryClaim(r.caseIndex)) {
        e.toWake = r.waiter;
        return true;
      }
    }
    if (count < capacity) {
      int tail = head + count;
      buf[tail >= capacity ? tail - capacity : tail] = e.value;
      count++;
      return true;
    }
    return false;
  }

  /**
   * Receives into {@code e.value} / {@code e.closed} if that needs no waiting; sets
   * {@code e.toWake} to a sender to unpark.
   */
  boolean recvLocked(WaitEntry e) {
    if (count > 0) {
      e.value = buf[head];
      e.closed = false;
      buf[head] = null;
      head = head + 1 == capacity ? 0 : head + 1;
      count--;
      WaitEntry s;
      while ((s = sendq.poll()) != null) {
        if (s.waiter.tryClaim(s.caseIndex)) {
          int tail = head + count;
          buf[tail >= capacity ? tail - capacity : tail] = s.value;
          count++;
          e.toWake = s.waiter;
          break;
        }
      }
      return true;
    }
    WaitEntry s;
    while ((s = sendq.poll()) != null) {
      if (s.waiter.tryClaim(s.caseIndex)) {
        e.value = s.value;
        e.closed = false;
        e.toWake = s.waiter;
        return true;
      }
    }
    if (closed) {
      e.value = null;
      e.closed = true;
      return true;
    }
    return false;
  }

  /** Removes an entry that its own waiter gave up on (interrupt, or another select case won). */
  void dequeue(WaitQueue q, WaitEntry e) {
    lock.lock();
    try {
      q.remove(e);
    } finally {
      lock.unlock();
    }
  }

  static void wake(WaitEntry e) {
    if (e.toWake != null) {
      e.toWake.wake();
      e.toWake = null;
    }
  }

  static ChannelClosedException closedOnSend() {
    return new ChannelClosedException("send on closed channel");
  }

  @SuppressWarnings("unchecked")
  private static <T> T value(WaitEntry e) {
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
}
