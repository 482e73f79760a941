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
 * <p>Two kinds of channel share one shape: a {@link ChannelLock} (virtual threads park on it
 * without pinning a carrier) and two FIFO queues of waiting entries, blocked senders and blocked
 * receivers. A blocked goroutine is a {@link Waiter}; it has one {@link WaitEntry} per channel it
 * waits on (one for a send or receive, one per case for a select). Completing or notifying a
 * parked entry means winning its waiter's atomic claim (a compare-and-set from waiting to the
 * entry's case index); an entry whose waiter is already claimed (another case of its select won,
 * or it was interrupted) is dropped and the next one is tried.
 *
 * <p><b>Unbuffered</b> channels hand values over under the lock, as Go's runtime/chan.go does:
 * a send gives its value straight to the oldest waiting receiver, else queues with the value and
 * parks; a receive takes the oldest waiting sender's value, else queues and parks. The claim is
 * the completion: the completer writes the entry's result first, so a woken waiter never takes
 * a lock to learn it. One goroutine at a time may instead wait in the channel's
 * {@linkplain ChannelLock#gate gate}, without the lock, when nothing is queued; its counterpart
 * takes it from there with one compare-and-set. That is the whole of a rendezvous between two
 * goroutines (ping-pong went from about 990 to 810 ns a round trip, docs/journal/2026-11-benchmarks.md). Whoever
 * takes the lock first moves the goroutine in the gate into its queue and keeps the gate shut
 * while anything is queued, so every locked operation (select, close, a third goroutine) sees
 * all waiting goroutines in the queues, in the order they came.
 *
 * <p><b>Buffered</b> channels keep their values in a {@link Ring} that sends and receives use
 * without the lock; the lock only guards the queues. A send that finds the ring full (or other
 * senders queued: they come first) queues an entry with its value and parks; a receive that
 * frees a slot and sees senders queued takes the lock and moves the oldest queued sender's value
 * into the ring, completing that send, as Go's receive does; receivers blocked on an empty ring
 * are served the same way by sends. So blocked senders enter the buffer, and blocked receivers
 * get values, in the order they blocked. Because the ring can change without the lock, a
 * goroutine serves the queues once more right after queueing itself (the change it missed is
 * served then), and a server {@linkplain Waiter#tryReserve reserves} a waiter before touching the
 * ring for it and gives it back if a lock-free send or receive took the slot or value first.
 * Without a lock on the values, one producer and one consumer never wait for each other's
 * critical sections. Before queueing, a sender, receiver or select that would park on a buffered
 * channel gives its carrier to the other goroutines once and tries again ({@link #stepAside}).
 *
 * <p><b>select</b> ({@link Select}) over an unbuffered channel first tries its cases one at a
 * time in a uniformly random order, each as {@code trySend} or {@code tryReceive} would (a
 * goroutine waiting in a gate is taken without any lock), and commits the first that can
 * proceed. If none can, it locks its unbuffered channels in ascending channel id (one global
 * order, so two selects cannot deadlock), tries the cases again in a random order and commits the
 * first that can proceed; if none can and there is no default, it queues one entry
 * per unbuffered case (in that same random order, so that one event making several cases ready
 * completes each as likely as the others), unlocks, queues one entry per buffered case (each under that channel's
 * lock alone, served at once if its ring changed meanwhile), and parks. Whoever completes one of
 * its entries first commits that case; after waking, the select unlinks its other entries. A
 * buffered channel's lock is only ever taken last and held for a few queue and ring operations,
 * never while waiting for another lock (a reserved waiter is given back within a few
 * instructions), so it adds no deadlock to the order. A blocked operation never polls:
 * it parks, after a spin of a few microseconds when it waits for a rendezvous and its
 * counterpart may be running on another carrier (see {@link Waiter}).
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
  /** A buffered channel's values; null for an unbuffered channel. */
  private final Ring ring;
  /** How long an unbuffered channel's waiters spin while others are ready; null if buffered. */
  final SpinWindow spinWindow;
  /** An unbuffered channel's closed flag (a buffered one's is in its ring); under the lock. */
  private boolean closed;
  final WaitQueue sendq = new WaitQueue();
  final WaitQueue recvq = new WaitQueue();

  private Chan(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("negative channel capacity: " + capacity);
    }
    this.capacity = capacity;
    this.lock = new ChannelLock();
    this.ring = capacity == 0 ? null : new Ring(capacity);
    this.spinWindow = capacity == 0 ? new SpinWindow() : null;
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
   * This channel's receiving end as a timer's channel (Go's {@code t.C}): {@code len} and
   * {@code cap} report 0, as for Go 1.23's timer channels, whose one buffered value is an
   * implementation detail that {@code stop} and {@code reset} discard.
   */
  RecvChan<T> timerEnd() {
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
  public void send(T value) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    if (ring != null) {
      sendBuffered(value);
      return;
    }
    WaitEntry e = new WaitEntry(value, spinWindow);
    rendezvous(e, true);
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
  public void close() {
    Wakeups woken = new Wakeups();
    if (ring != null) {
      lock.lock();
      try {
        if (!ring.close()) {
          throw new ChannelClosedException("close of closed channel");
        }
        serveLocked(woken); // senders fail, receivers drain what is left, then learn of the close
      } finally {
        lock.unlock();
      }
      woken.wakeAll();
      return;
    }
    lockQueues();
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
      unlockQueues();
    }
    woken.wakeAll();
  }

  /**
   * Go's {@code <-ch}: blocks until a value is available and returns it, or returns {@code null}
   * once the channel is closed and drained.
   *
   * @throws GoInterruptedException if interrupted while blocked, before a value was handed over
   */
  @Override
  @SuppressWarnings("unchecked")
  public T receive() {
    if (ring != null) {
      Object v = receiveBuffered();
      return v == Ring.CLOSED ? null : (T) v;
    }
    WaitEntry e = receiveEntry();
    return e.closed ? null : value(e);
  }

  /**
   * Go's {@code v, ok := <-ch}: like {@link #receive()}, and {@code ok} is false exactly when the
   * channel is closed and drained.
   */
  @Override
  @SuppressWarnings("unchecked")
  public Received<T> receiveOk() {
    if (ring != null) {
      Object v = receiveBuffered();
      return v == Ring.CLOSED ? new Received<>(null, false) : new Received<>((T) v, true);
    }
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
    return ring == null ? 0 : ring.len();
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

  /** A buffered channel's send. */
  private void sendBuffered(Object value) {
    if (offerNow(value) || (stepAside() && offerNow(value))) {
      return;
    }
    if (awaitServed(sendq, value).closed) {
      throw closedOnSend();
    }
  }

  /** A buffered channel's receive: the value, or {@link Ring#CLOSED}. */
  private Object receiveBuffered() {
    Object v = pollNow();
    if (v == null && stepAside()) {
      v = pollNow();
    }
    if (v == null) {
      WaitEntry e = awaitServed(recvq, null);
      return e.closed ? Ring.CLOSED : e.value;
    }
    return v;
  }

  /**
   * Before a buffered channel's sender parks on a full ring (or a receiver on an empty one), it
   * gives its carrier to the other goroutines once, then tries again: a counterpart queued on
   * this carrier usually frees a slot (or fills one) meanwhile, and a goroutine that never parked
   * needs no serving and no wake-up. A select without a default that may park on a buffered
   * channel does the same. The yield is not repeated (that would be polling), and not done on
   * one carrier, where parking already hands the carrier over and the yield only costs. Measured
   * (docs/journal/2026-11-benchmarks.md): four producers and four consumers over 16 slots 272 against 194 ns per
   * element without and with it, one and one 148 against 136, a select over four channels of 16
   * slots 187 against 171; yielding on one side only, or twice, gained little or nothing.
   *
   * @return whether it yielded, so that trying again may succeed
   */
  static boolean stepAside() {
    if (!Carriers.SEVERAL) {
      return false;
    }
    Thread.yield();
    return true;
  }

  /** An unbuffered channel's receive. */
  private WaitEntry receiveEntry() {
    WaitEntry e = new WaitEntry(null, spinWindow);
    rendezvous(e, false);
    return e;
  }

  /**
   * An unbuffered channel's send ({@code send}, with {@code e.value}) or receive: completes at
   * once through the {@linkplain ChannelLock#gate gate} or under the lock, else waits (in the
   * gate or queued) until a counterpart or close completes {@code e}.
   *
   * @throws GoInterruptedException if interrupted before a counterpart completed it
   */
  private void rendezvous(WaitEntry e, boolean send) {
    WaitQueue q = send ? sendq : recvq;
    int r = passGate(e, send, true);
    if (r == LOCKED_PATH) {
      r = completeOrQueue(e, send, q);
    }
    if (r == DONE) {
      wake(e);
      return;
    }
    if (e.waiter.await() == Waiter.CANCELLED) {
      if (!lock.casGate(e, null)) {
        dequeue(q, e); // a lock holder moved it into the queue, or a counterpart took it and failed
      }
      throw new GoInterruptedException();
    }
  }

  /**
   * {@link #rendezvous}'s step under the lock: {@link #DONE}, or {@link #QUEUED} with {@code e}
   * added to {@code q}.
   */
  private int completeOrQueue(WaitEntry e, boolean send, WaitQueue q) {
    lockQueues();
    try {
      if (send ? sendNow(e) : receiveNow(e)) {
        return DONE;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new GoInterruptedException();
      }
      q.add(e);
      return QUEUED;
    } finally {
      unlockQueues();
    }
  }

  // ---- an unbuffered channel's gate: one goroutine may wait without the lock ----

  /** {@link #passGate}: completed with the goroutine waiting in the gate. */
  private static final int DONE = 0;
  /** {@link #passGate}: now waiting in the gate. */
  private static final int WAITING_IN_GATE = 1;
  /** {@link #passGate}: nobody waits in the gate and waiting there was not asked for. */
  private static final int NOBODY_WAITING = 2;
  /** {@link #passGate}: the gate is shut; use the lock. */
  private static final int LOCKED_PATH = 3;
  /** {@link #completeOrQueue}: queued, to wait. */
  private static final int QUEUED = 4;

  /**
   * The {@linkplain ChannelLock#gate gate}'s value while it is shut: the lock is held, entries
   * are queued, or the channel is closed.
   */
  private static final Object SHUT = new Object();

  /**
   * Passes the gate: completes {@code e} with the goroutine of the other kind waiting in it, or
   * (if {@code mayWait}) makes {@code e} the one waiting there. Needs no lock, and cannot see a
   * half-done change: the gate is {@link #SHUT} whenever the lock is held.
   *
   * @return {@link #DONE}, {@link #WAITING_IN_GATE}, {@link #NOBODY_WAITING} or {@link
   *     #LOCKED_PATH}; with {@code DONE}, the caller wakes {@code e.toWake}
   * @throws GoInterruptedException if it would wait and the thread is interrupted
   */
  private int passGate(WaitEntry e, boolean send, boolean mayWait) {
    while (true) {
      Object g = lock.gate;
      if (g == null) {
        if (!mayWait) {
          return NOBODY_WAITING;
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new GoInterruptedException();
        }
        e.sends = send;
        if (lock.casGate(null, e)) {
          return WAITING_IN_GATE;
        }
      } else if (g instanceof WaitEntry w && w.sends != send) {
        if (lock.casGate(w, null)) {
          if (send) {
            w.value = e.value;
          }
          if (w.waiter.tryClaim(w.caseIndex)) {
            if (!send) {
              e.value = w.value;
            }
            e.toWake = w.waiter;
            return DONE;
          }
          // its goroutine was interrupted and is leaving: look again
        }
      } else {
        return LOCKED_PATH;
      }
    }
  }

  /**
   * Takes an unbuffered channel's lock and shuts its gate, queueing the goroutine that waited
   * there (it came after everything already queued: the gate is open only while both queues are
   * empty). Every locked operation on an unbuffered channel goes through here, so under the lock
   * the queues hold every waiting goroutine, as Go's channel does.
   */
  void lockQueues() {
    lock.lock();
    if (ring == null && lock.shutGate(SHUT) instanceof WaitEntry w) {
      (w.sends ? sendq : recvq).add(w);
    }
  }

  /** Opens the gate again if nothing is queued and the channel is open, and unlocks. */
  void unlockQueues() {
    if (ring == null && !closed && sendq.isEmpty() && recvq.isEmpty()) {
      lock.gate = null;
    }
    lock.unlock();
  }

  /**
   * Queues a buffered channel's sender ({@code q} is {@link #sendq}, {@code value} its value) or
   * receiver and parks until a server has completed its entry (see {@link #serveLocked}).
   *
   * @throws GoInterruptedException if interrupted first
   */
  private WaitEntry awaitServed(WaitQueue q, Object value) {
    WaitEntry e = new WaitEntry(value, null);
    enqueue(q, e);
    if (e.waiter.await() == Waiter.CANCELLED) {
      dequeue(q, e);
      throw new GoInterruptedException();
    }
    return e;
  }

  // ---- one step of the state machine: an unbuffered channel's caller holds `lock` ----

  /** Whether this channel is buffered, so that its values need no lock. */
  boolean buffered() {
    return ring != null;
  }

  /** See {@link Ring#stamp()}; 0 for an unbuffered channel, whose state its lock holder owns. */
  long stamp() {
    return ring == null ? 0 : ring.stamp();
  }

  /**
   * {@code trySend} ({@code send}) or {@code tryReceive}, also a select's first attempt at a
   * case: for an unbuffered channel, through the gate if it is open, else {@link #sendNow} or
   * {@link #receiveNow} under the lock; a buffered channel's ring needs no lock. The caller wakes
   * {@code e.toWake} afterwards.
   */
  boolean tryNow(WaitEntry e, boolean send) {
    if (ring != null) {
      return send ? sendNow(e) : receiveNow(e);
    }
    int r = passGate(e, send, false);
    if (r != LOCKED_PATH) {
      return r == DONE;
    }
    lockQueues();
    try {
      return send ? sendNow(e) : receiveNow(e);
    } finally {
      unlockQueues();
    }
  }

  /**
   * Sends {@code e.value} if that needs no waiting; for an unbuffered channel, sets
   * {@code e.toWake} to the receiver to unpark (a buffered channel wakes whom it serves itself).
   */
  boolean sendNow(WaitEntry e) {
    if (ring != null) {
      return offerNow(e.value);
    }
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
    return false;
  }

  /**
   * Receives into {@code e.value} / {@code e.closed} if that needs no waiting; sets
   * {@code e.toWake} to the sender to unpark (a buffered channel wakes whom it serves itself).
   */
  boolean receiveNow(WaitEntry e) {
    if (ring != null) {
      Object v = pollNow();
      if (v == null) {
        return false;
      }
      e.closed = v == Ring.CLOSED;
      e.value = e.closed ? null : v;
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

  /**
   * A buffered channel's send without waiting: false if the ring is full or senders are queued
   * (they come first); serves a queued receiver with the new value.
   *
   * @throws ChannelClosedException if the channel is closed
   */
  private boolean offerNow(Object value) {
    if (sendq.hasWaiters() || !ring.offer(value)) {
      return false;
    }
    if (recvq.hasWaiters()) {
      serve();
    }
    return true;
  }

  /**
   * A buffered channel's receive without waiting: the value, {@link Ring#CLOSED}, or null if the
   * ring is empty or receivers are queued (they come first); serves a queued sender into the
   * freed slot.
   */
  private Object pollNow() {
    Object v = recvq.hasWaiters() ? null : ring.poll();
    if (v != null && v != Ring.CLOSED && sendq.hasWaiters()) {
      serve();
    }
    return v;
  }

  /** Serves a buffered channel's parked goroutines after a change to the ring made without the lock. */
  private void serve() {
    Wakeups woken = new Wakeups();
    lock.lock();
    try {
      serveLocked(woken);
    } finally {
      lock.unlock();
    }
    woken.wakeAll();
  }

  /**
   * Completes a buffered channel's queued entries that the ring can serve now, oldest first, as
   * Go's runtime does: a queued sender's value goes into a free slot, a queued receiver takes the
   * oldest value (or learns of the close); each completed waiter is added to {@code woken}, to
   * wake once the lock is released. The caller holds the lock. A waiter is {@link Waiter#tryReserve reserved} before the ring is touched for it and
   * given back if the ring cannot serve it (a send or receive that took no lock got there first),
   * so an entry is completed exactly when its value moved, and stays first in line otherwise.
   */
  private void serveLocked(Wakeups woken) {
    boolean moved = true;
    while (moved) {
      moved = false;
      WaitEntry e;
      while ((e = sendq.peek()) != null) {
        if (!e.waiter.tryReserve()) {
          sendq.remove(e); // interrupted, or another case of its select won
          continue;
        }
        int r = ring.tryOffer(e.value);
        if (r == Ring.FULL) {
          e.waiter.release();
          break;
        }
        sendq.remove(e);
        e.closed = r == Ring.CLOSED_ON_SEND;
        moved |= !e.closed;
        e.waiter.commit(e.caseIndex);
        woken.add(e.waiter);
      }
      while ((e = recvq.peek()) != null) {
        if (!e.waiter.tryReserve()) {
          recvq.remove(e);
          continue;
        }
        Object v = ring.poll();
        if (v == null) {
          e.waiter.release();
          break;
        }
        recvq.remove(e);
        e.closed = v == Ring.CLOSED;
        e.value = e.closed ? null : v;
        moved |= !e.closed;
        e.waiter.commit(e.caseIndex);
        woken.add(e.waiter);
      }
    }
  }

  /**
   * Queues an entry of a buffered channel's waiter and serves the queues at once: the ring may
   * have changed (without the lock) after the waiter found it full or empty and before its entry
   * was visible. (The waiter publishes its entry, then reads the ring; whoever changes the ring
   * reads {@link WaitQueue#hasWaiters()} after: one of the two sees the other.)
   */
  void enqueue(WaitQueue q, WaitEntry e) {
    Wakeups woken = new Wakeups();
    lock.lock();
    try {
      q.add(e);
      serveLocked(woken);
    } finally {
      lock.unlock();
    }
    woken.wakeAll();
  }

  /** Removes an entry that its own waiter gave up on (interrupt, or another select case won). */
  void dequeue(WaitQueue q, WaitEntry e) {
    lockQueues();
    try {
      q.remove(e);
    } finally {
      unlockQueues();
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

  /** A timer's receiving end: the buffer that holds its one value is not shown (see {@link #timerEnd}). */
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
