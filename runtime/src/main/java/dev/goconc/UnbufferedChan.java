package dev.goconc;

/** An unbuffered channel, {@code make(chan T)}: a send and a receive meet (see {@link Chan}). */
final class UnbufferedChan<T> extends Chan<T> {
  /*
   * Implementation overview
   *
   * State. The lock guards the two FIFO queues (sendq: parked senders with their values; recvq:
   * parked receivers) and the closed flag. Beside the lock word, in ChannelLock.gate, is the
   * gate: null (open, nobody waiting), the WaitEntry of one plain send or receive waiting without
   * the lock, or SHUT. A waiting goroutine is a Waiter; a plain send or receive is one WaitEntry
   * that is its own waiter, a select has one entry per case and one waiter for all of them.
   *
   * Completion is a claim. Completing an entry means winning its waiter's claim (a
   * compare-and-set of its state from WAITING to the entry's case index); the completer writes
   * the entry's result (the value handed over, or closed) before the claim, so the waiter that sees
   * itself claimed sees the result without taking a lock. An entry whose claim fails belongs to a
   * waiter that is leaving (interrupted, or another case of its select won): it is dropped and the
   * next one is tried. A waiter that gives up claims itself (CANCELLED), so exactly one of a
   * completer, a close and the waiter's own interrupt decides every entry.
   *
   * Invariants.
   *  1. The gate is SHUT while the lock is held: lockQueues shuts it (one atomic exchange) right
   *     after taking the lock, before the holder looks at anything, and moves the entry that
   *     waited there, if any, to the tail of its queue.
   *  2. unlockQueues opens the gate (null) only if both queues are empty and the channel is open.
   *     So an entry waits in the gate only while nobody is queued, and every locked operation
   *     (select, close, a third goroutine, an interrupted waiter leaving) sees every waiting
   *     goroutine in the queues, in the order they came, as Go's channel does.
   *  3. Only a plain send or receive waits in the gate, never a select's entry: a select's entries
   *     are only ever queued, under the lock.
   *
   * Send and receive (rendezvous). passGate reads the gate without the lock. Open with a
   * counterpart in it: take it with one compare-and-set (gate -> null), write the value and claim
   * it; done, no lock. Open and empty: wait there with one compare-and-set (null -> e). Shut: take
   * the lock (completeOrQueue): sendNow hands the value to the oldest claimable receiver,
   * receiveNow takes the oldest claimable sender's value (or learns of the close); else the entry
   * is queued, and the goroutine waits (Waiter.await: it spins within the channel's SpinWindow,
   * then parks). Why this is correct: a compare-and-set that takes the entry out of the gate gives
   * one passer the right to claim it, and the gate can only hold an entry while the queues are
   * empty (invariant 2), so taking it from there is taking the oldest waiter, as the locked path
   * would. Two goroutines of one kind never both wait in the gate (the second finds it taken, and
   * a goroutine of its own kind there is not its counterpart, so it takes the lock, which shuts the
   * gate and queues the first ahead of it).
   *
   * Close, under the lock, sets closed and claims every queued receiver with (null, closed) and
   * every queued sender with closed; the gate's entry was queued by lockQueues first. The gate
   * stays SHUT from then on (invariant 2), so every later operation takes the lock and sees
   * closed: sends throw, receives return closed.
   *
   * Interruption. A waiter that finds its thread interrupted before a claim claims itself
   * CANCELLED, takes its entry out of the gate (compare-and-set e -> null) or else out of its queue
   * under the lock (a no-op if a passer took it from the gate and failed to claim it), and throws.
   * One already interrupted throws instead of starting to wait (passGate, completeOrQueue); one
   * that can complete without waiting completes whatever the interrupt flag.
   *
   * Memory model. The result is written before the claim's compare-and-set and read after the
   * waiter sees the claim, and the waiter's entry was published by a compare-and-set or under the
   * lock before its counterpart took it: actions before a send happen-before the receive that gets
   * the value returns, and a receive happens-before the send it completes returns. A close
   * happens-before a receive that sees it by the lock, or by the claim of a parked receiver.
   *
   * Select (see Chan's contract): its attempt alone is tryNow, which takes a goroutine waiting in
   * the gate but never waits there itself; its locked phase holds the lock (gate shut, invariant
   * 1), so tryLocked and queue work on queues that hold everybody. After waking, the select
   * dequeues its other entries under each channel's lock. A select's waiter spins within the first
   * of its channels' windows (in lock order) when all its channels are unbuffered.
   */

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
   * The {@linkplain ChannelLock#gate gate}'s value while it is shut: the lock is held, entries are
   * queued, or the channel is closed.
   */
  private static final Object SHUT = new Object();

  /** How long this channel's waiters spin while others are ready. */
  private final SpinWindow spinWindow = new SpinWindow();

  /** Under the lock. */
  private boolean closed;

  UnbufferedChan() {
    super(0);
  }

  @Override
  void sendBlocking(Object value) {
    WaitEntry e = new WaitEntry(value, spinWindow);
    rendezvous(e, true);
    if (e.closed) {
      throw closedOnSend();
    }
  }

  @Override
  Object receiveBlocking() {
    WaitEntry e = new WaitEntry(null, spinWindow);
    rendezvous(e, false);
    return e.closed ? CLOSED : e.value;
  }

  @Override
  void closeOnce() {
    Wakeups woken = new Wakeups();
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

  @Override
  int size() {
    return 0;
  }

  /**
   * A send ({@code send}, with {@code e.value}) or receive: completes at once through the gate or
   * under the lock, else waits (in the gate or queued) until a counterpart or close completes
   * {@code e}.
   *
   * @throws GoInterruptedException if interrupted before a counterpart completed it
   */
  private void rendezvous(WaitEntry e, boolean send) {
    int r = passGate(e, send, true);
    if (r == LOCKED_PATH) {
      r = completeOrQueue(e, send);
    }
    if (r == DONE) {
      wake(e);
      return;
    }
    if (e.waiter.await() == Waiter.CANCELLED) {
      if (!lock.casGate(e, null)) {
        dequeue(e, send); // a lock holder moved it into the queue, or a passer took it and failed
      }
      throw new GoInterruptedException();
    }
  }

  /** {@link #rendezvous}'s step under the lock: {@link #DONE}, or {@link #QUEUED} with e queued. */
  private int completeOrQueue(WaitEntry e, boolean send) {
    lockQueues();
    try {
      if (send ? sendNow(e) : receiveNow(e)) {
        return DONE;
      }
      if (Thread.currentThread().isInterrupted()) {
        throw new GoInterruptedException();
      }
      (send ? sendq : recvq).add(e);
      return QUEUED;
    } finally {
      unlockQueues();
    }
  }

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
   * Sends {@code e.value} to the oldest claimable receiver and sets {@code e.toWake} to it; false
   * if none is queued. The caller holds the lock.
   */
  private boolean sendNow(WaitEntry e) {
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
   * Receives into {@code e.value} / {@code e.closed} from the oldest claimable sender (setting
   * {@code e.toWake} to it) or from the close; false if neither. The caller holds the lock.
   */
  private boolean receiveNow(WaitEntry e) {
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

  // ---- Select's contract (see Chan) ----

  /** Through the gate if a counterpart waits there, else under the lock; never waits. */
  @Override
  boolean tryNow(WaitEntry e, boolean send) {
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

  @Override
  boolean tryLocked(WaitEntry e, boolean send) {
    return send ? sendNow(e) : receiveNow(e);
  }

  /**
   * Takes the lock and shuts the gate, queueing the goroutine that waited there (it came after
   * everything already queued: the gate is open only while both queues are empty). Every locked
   * operation goes through here, so under the lock the queues hold every waiting goroutine.
   */
  @Override
  void lockQueues() {
    lock.lock();
    if (lock.shutGate(SHUT) instanceof WaitEntry w) {
      (w.sends ? sendq : recvq).add(w);
    }
  }

  /** Opens the gate again if nothing is queued and the channel is open, and unlocks. */
  @Override
  void unlockQueues() {
    if (!closed && sendq.isEmpty() && recvq.isEmpty()) {
      lock.gate = null;
    }
    lock.unlock();
  }

  /** The caller holds the lock; unlocking leaves the gate shut, as {@code e} is queued. */
  @Override
  void queue(WaitEntry e, boolean send) {
    (send ? sendq : recvq).add(e);
  }

  @Override
  long stamp() {
    return 0;
  }

  @Override
  SpinWindow spinWindow() {
    return spinWindow;
  }
}
