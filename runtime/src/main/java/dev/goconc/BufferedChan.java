package dev.goconc;

/** A buffered channel, {@code make(chan T, n)} with n > 0 (see {@link Chan}). */
final class BufferedChan<T> extends Chan<T> {
  /*
   * Implementation overview
   *
   * State. The values are in a Ring, a bounded lock-free queue that can be closed (its closed
   * bit is the channel's closed flag; see Ring for its own algorithm and memory model). The lock
   * guards only the two FIFO queues of parked goroutines: sendq (blocked senders, each entry with
   * its value) and recvq (blocked receivers). Sends and receives that need not wait take no lock.
   *
   * Fast path. A send (offerNow) offers to the ring unless a sender is queued (queued senders come
   * first, so blocked senders enter the buffer in the order they blocked); if it stored the value
   * and a receiver is queued, it serves (below). A receive (pollNow) is the mirror image: it polls
   * unless a receiver is queued, and serves if a sender is queued. The queues' emptiness is read
   * without the lock through WaitQueue.hasWaiters, a volatile flag.
   *
   * Slow path. A send that finds the ring full, or a receive that finds it empty, first gives its
   * carrier away once and tries again (stepAside). Then it queues its entry and parks; the queued
   * entry is completed by a server, never by the waiter itself.
   *
   * Serving (serveLocked, under the lock) moves values between the queues and the ring, oldest
   * first, as Go's runtime does: the oldest queued sender's value goes into a free slot, the
   * oldest queued receiver takes the oldest value (or learns of the close), repeated until neither
   * can move. A server first reserves the entry's waiter (Waiter.tryReserve: WAITING -> RESERVED,
   * during which no other channel's server or completer and no interrupt can take it), then tries
   * the ring; if the ring cannot serve it (a lock-free send or receive got there first), it gives
   * the waiter back (release) and stops, and the entry stays first in line. Otherwise it commits
   * the waiter to the entry's case and wakes it after unlocking. So an entry is completed exactly
   * when its value moved, and a value is never lost or delivered twice: the ring's compare-and-set
   * decides each slot, and only the server holding the reservation decides the entry.
   *
   * No lost wake-up. The ring can change without the lock, so a parked goroutine could miss the
   * change that would have let it proceed. Each waiter publishes its entry (a volatile write of
   * WaitQueue's flag, under the lock) and then, still under the lock, serves (enqueue), which reads
   * the ring; each party that changes the ring (a compare-and-set of its counter) reads the flag
   * afterwards, and serves if it is set. So one of the two sees the other's write: either the
   * waiter is served at once, or the changer serves it.
   *
   * Close, under the lock, sets the ring's closed bit (a second close finds it set and throws) and
   * serves: queued senders fail (tryOffer reports CLOSED_ON_SEND), queued receivers drain the
   * values still in the ring and then learn of the close. Later sends see the bit and throw; later
   * receives drain what is left, then get CLOSED.
   *
   * Interruption. A parked waiter whose thread is interrupted claims itself CANCELLED (it waits
   * while a server holds it RESERVED), then dequeues its entry under the lock; if a server
   * committed it first, it returns the result normally.
   *
   * Memory model. The ring gives it (Ring's comment): a value's send happens-before its receive,
   * and the k-th receive happens-before the send that reuses its slot, the (k+C)-th. A value moved
   * for a parked goroutine adds the server's commit, which the waiter reads after waking.
   *
   * Select (see Chan's contract). A buffered channel is never locked in a select's locked phase:
   * its attempts (tryNow, tryLocked) are the lock-free offerNow and pollNow, and a select with a
   * default over several channels repeats its attempt until no buffered channel's stamp changed
   * during it, so the default means that at one instant no case could proceed. A select that
   * blocks queues its buffered entries only after releasing every unbuffered channel's lock, each
   * under this channel's lock alone (queue = enqueue, which serves at once if the ring changed
   * since the attempt). This lock is thus only ever taken last, held for a few queue and ring
   * operations and never while waiting for another lock (a reserved waiter is committed or
   * released within a few instructions), so it adds no deadlock to the select's lock order. A
   * select's waiter on a buffered channel parks without spinning (see Waiter).
   */

  private final Ring ring;

  BufferedChan(int capacity) {
    super(capacity);
    this.ring = new Ring(capacity);
  }

  @Override
  void sendBlocking(Object value) {
    if (offerNow(value) || (stepAside() && offerNow(value))) {
      return;
    }
    if (awaitServed(sendq, value).closed) {
      throw closedOnSend();
    }
  }

  @Override
  Object receiveBlocking() {
    Object v = pollNow();
    if (v == null && stepAside()) {
      v = pollNow();
    }
    if (v == null) {
      WaitEntry e = awaitServed(recvq, null);
      return e.closed ? CLOSED : e.value;
    }
    return v;
  }

  @Override
  void closeOnce() {
    Wakeups woken = new Wakeups();
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
  }

  @Override
  int size() {
    return ring.len();
  }

  /**
   * Before a sender parks on a full ring (or a receiver on an empty one), it gives its carrier to
   * the other goroutines once, then tries again: a counterpart queued on this carrier usually frees
   * a slot (or fills one) meanwhile, and a goroutine that never parked needs no serving and no
   * wake-up. A select without a default that may park on a buffered channel does the same. The
   * yield is not repeated (that would be polling), and not done on one carrier, where parking
   * already hands the carrier over and the yield only costs. docs/benchmarks.md has the figures;
   * yielding on one side only, or twice, gained little or nothing.
   *
   * @return whether it yielded, so that trying again may succeed
   */
  @SuppressWarnings("ThreadPriorityCheck") // yielding the carrier is the point (see above)
  static boolean stepAside() {
    if (!Carriers.SEVERAL) {
      return false;
    }
    Thread.yield();
    return true;
  }

  /**
   * Queues a sender ({@code q} is {@link #sendq}, {@code value} its value) or receiver and parks
   * until a server has completed its entry (see {@link #serveLocked}).
   *
   * @throws GoInterruptedException if interrupted first
   */
  private WaitEntry awaitServed(WaitQueue q, Object value) {
    WaitEntry e = new WaitEntry(value, null);
    enqueue(q, e);
    if (e.waiter.await() == Waiter.CANCELLED) {
      dequeue(e, q == sendq);
      throw new GoInterruptedException();
    }
    return e;
  }

  /**
   * A send without waiting: false if the ring is full or senders are queued (they come first);
   * serves a queued receiver with the new value.
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
   * A receive without waiting: the value, {@link Ring#CLOSED}, or null if the ring is empty or
   * receivers are queued (they come first); serves a queued sender into the freed slot.
   */
  private Object pollNow() {
    Object v = recvq.hasWaiters() ? null : ring.poll();
    if (v != null && v != Ring.CLOSED && sendq.hasWaiters()) {
      serve();
    }
    return v;
  }

  /** Serves the parked goroutines after a change to the ring made without the lock. */
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
   * Completes the queued entries that the ring can serve now, oldest first (see the overview);
   * each completed waiter is added to {@code woken}, to wake once the lock is released. The caller
   * holds the lock.
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
   * Queues {@code e} and serves the queues at once: the ring may have changed (without the lock)
   * after the waiter found it full or empty and before its entry was visible (see the overview).
   */
  private void enqueue(WaitQueue q, WaitEntry e) {
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

  // ---- Select's contract (see Chan) ----

  /** The ring needs no lock; a buffered channel wakes whom it serves itself. */
  @Override
  boolean tryNow(WaitEntry e, boolean send) {
    if (send) {
      return offerNow(e.value);
    }
    Object v = pollNow();
    if (v == null) {
      return false;
    }
    e.closed = v == Ring.CLOSED;
    e.value = e.closed ? null : v;
    return true;
  }

  /** The same as {@link #tryNow}: a select's locked phase does not lock a buffered channel. */
  @Override
  boolean tryLocked(WaitEntry e, boolean send) {
    return tryNow(e, send);
  }

  /** Only the queues are guarded: no gate to shut. */
  @Override
  void lockQueues() {
    lock.lock();
  }

  @Override
  void unlockQueues() {
    lock.unlock();
  }

  /** Takes this channel's lock itself (the caller holds none) and serves at once. */
  @Override
  void queue(WaitEntry e, boolean send) {
    enqueue(send ? sendq : recvq, e);
  }

  @Override
  long stamp() {
    return ring.stamp();
  }

  /** Waiters on a buffered channel park at once (see {@link Waiter}). */
  @Override
  SpinWindow spinWindow() {
    return null;
  }
}
