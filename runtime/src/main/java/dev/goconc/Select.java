package dev.goconc;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import com.google.errorprone.annotations.CheckReturnValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Go's {@code select}, expression style:
 *
 * <pre>{@code
 * String r = Select.<String>select()
 *     .recv(jobs, job -> "got " + job)
 *     .send(results, 42, () -> "sent")
 *     .recv(ctx.done(), x -> "cancelled")
 *     .run();
 * }</pre>
 *
 * <p>{@link #run()} commits exactly one case and returns its handler's value. If several cases
 * can proceed, one is chosen uniformly at random, as in Go; so too when the select is blocked and
 * one event makes several of its cases ready (its cases are queued in a random order). A closed channel's receive case is
 * always ready (its handler gets {@code null}, or a not-ok {@link Received}); a send case on a
 * closed channel throws {@link ChannelClosedException} when chosen, as Go panics. A {@code null}
 * channel is Go's nil channel: its case is never ready. With no case ready, {@link #otherwise}
 * runs if given (Go's {@code default}); else the goroutine parks until one case can proceed
 * (without polling and without extra threads; see {@link Chan} for the algorithm). A select with
 * no cases and no default blocks until interrupted, as Go's {@code select {}} blocks forever.
 *
 * <p>Memory consistency is that of the channel operation the committed case performs. Handlers
 * run in the calling thread after every channel lock is released; only the chosen handler runs.
 * If the thread is interrupted while blocked and no case has completed, {@code run} throws
 * {@link GoInterruptedException} with the interrupt flag kept; if a case completed first, that
 * case's handler runs normally.
 *
 * <p>A builder is not thread-safe; it may be {@link #run()} more than once (send cases send the
 * same value each time).
 *
 * @param <R> the select's result type; use {@code Void} and return {@code null} for statements
 */
public final class Select<R> {
  private enum Kind {
    RECV,
    RECV_OK,
    SEND
  }

  /** One case; {@code chan} is used only through Chan's select contract (see {@link Chan}). */
  private record Case(Chan<?> chan, Kind kind, Object value, Object handler) {}

  private final List<Case> cases = new ArrayList<>(4);
  private Supplier<? extends R> otherwise;

  private Select() {}

  /** Starts a select. */
  @CheckReturnValue
  public static <R> Select<R> select() {
    return new Select<>();
  }

  /** A receive case ({@code case v := <-ch}); a closed channel's case is ready with {@code null}. */
  @CanIgnoreReturnValue
  public <T> Select<R> recv(RecvChan<T> ch, Function<? super T, ? extends R> handler) {
    cases.add(new Case(Chan.unwrap(ch), Kind.RECV, null, Objects.requireNonNull(handler)));
    return this;
  }

  /** A receive case that also tells whether the channel was closed ({@code v, ok := <-ch}). */
  @CanIgnoreReturnValue
  public <T> Select<R> recvOk(RecvChan<T> ch, Function<? super Received<T>, ? extends R> handler) {
    cases.add(new Case(Chan.unwrap(ch), Kind.RECV_OK, null, Objects.requireNonNull(handler)));
    return this;
  }

  /**
   * A send case ({@code case ch <- value}).
   *
   * @throws NullPointerException if {@code value} is null
   */
  @CanIgnoreReturnValue
  public <T> Select<R> send(SendChan<T> ch, T value, Supplier<? extends R> handler) {
    Objects.requireNonNull(value, "a channel cannot carry null");
    cases.add(new Case(Chan.unwrap(ch), Kind.SEND, value, Objects.requireNonNull(handler)));
    return this;
  }

  /**
   * Go's {@code default}: taken when no case is ready at once.
   *
   * @throws IllegalStateException if a default was already given
   */
  @CanIgnoreReturnValue
  public Select<R> otherwise(Supplier<? extends R> handler) {
    if (otherwise != null) {
      throw new IllegalStateException("select has more than one default");
    }
    otherwise = Objects.requireNonNull(handler);
    return this;
  }

  /**
   * Blocks until one case proceeds (or runs the default when none can at once), commits exactly
   * that case and returns its handler's value.
   *
   * @throws ChannelClosedException if the chosen case sends on a closed channel
   * @throws GoInterruptedException if interrupted while blocked, before any case completed
   */
  public R run() {
    int n = cases.size();
    int buffered = 0;
    int live = 0;
    for (Case c : cases) {
      if (c.chan != null) {
        live++;
        buffered += c.chan.buffered() ? 1 : 0;
      }
    }
    boolean mayParkOnBuffered = otherwise == null && buffered > 0;
    if (live > buffered || mayParkOnBuffered) {
      WaitEntry ready = tryEach(true, pollOrder(n));
      if (ready == null && mayParkOnBuffered && BufferedChan.stepAside()) {
        ready = tryEach(true, pollOrder(n));
      }
      if (ready != null) {
        Chan.wake(ready);
        return complete(ready);
      }
    }
    Chan<?>[] locks = lockOrder();
    boolean snapshot = otherwise != null && buffered > 0 && live > 1;
    WaitEntry[] entries = new WaitEntry[n];
    // One random order for the attempt and, if it finds nothing, for queueing the cases: so when
    // one event makes several of them ready (two receives on one channel), each is as likely to
    // be the one it completes, as in Go.
    int[] order = pollOrder(n);
    Waiter waiter = null;
    WaitEntry done;
    lockAll(locks);
    try {
      done = tryAll(snapshot, order);
      if (done == null && otherwise == null) {
        if (Thread.currentThread().isInterrupted()) {
          throw new GoInterruptedException();
        }
        waiter = new Waiter(Thread.currentThread(), spinWindow(locks, buffered));
        for (int i : order) {
          Case c = cases.get(i);
          if (c.chan != null && !c.chan.buffered()) {
            entries[i] = new WaitEntry(waiter, i, c.value);
            c.chan.queue(entries[i], c.kind == Kind.SEND);
          }
        }
      }
    } finally {
      unlockAll(locks);
    }
    if (done != null) {
      Chan.wake(done);
      return complete(done);
    }
    if (waiter == null) {
      return otherwise.get();
    }
    if (buffered > 0) {
      queueOnBufferedChannels(entries, waiter, order);
    }
    int won = waiter.await();
    for (int i = 0; i < n; i++) {
      WaitEntry e = entries[i];
      if (e != null && e.queued) {
        Case c = cases.get(i);
        c.chan.dequeue(e, c.kind == Kind.SEND);
      }
    }
    if (won == Waiter.CANCELLED) {
      throw new GoInterruptedException();
    }
    return complete(entries[won]);
  }

  /**
   * The first case, in {@code order} (a uniformly random one), that can proceed now, with its
   * result; else null. With {@code alone}, each case is tried as {@code trySend} or {@code tryReceive} would
   * try it (through an unbuffered channel's gate, or under that channel's lock): a case found
   * ready so proceeds at that instant, so committing it is what Go's select would do, and a
   * select over channels that each have a goroutine waiting in the gate takes no lock at all.
   * Without {@code alone}, the caller holds every unbuffered channel's lock.
   */
  private WaitEntry tryEach(boolean alone, int[] order) {
    for (int i : order) {
      Case c = cases.get(i);
      if (c.chan != null) {
        WaitEntry e = new WaitEntry(null, i, c.value);
        boolean send = c.kind == Kind.SEND;
        if (alone ? c.chan.tryNow(e, send) : c.chan.tryLocked(e, send)) {
          return e;
        }
      }
    }
    return null;
  }

  /**
   * Tries every case once under every unbuffered channel's lock (see {@link #tryEach}). With a
   * default over several channels, the attempt repeats until no buffered channel changed during
   * it (their rings take no lock): taking the default then means that at one instant no case
   * could proceed, as when Go's select holds every channel's lock.
   */
  private WaitEntry tryAll(boolean snapshot, int[] order) {
    while (true) {
      long before = snapshot ? stamp() : 0;
      WaitEntry e = tryEach(false, order);
      if (e != null || !snapshot || stamp() == before) {
        return e;
      }
    }
  }

  /**
   * Queues the buffered cases' entries in {@code order}, each under its own channel's lock (their
   * rings need none, so the attempt did not hold it); a channel whose ring changed since the
   * attempt serves the entry at once (see {@link Chan#queue}).
   */
  private void queueOnBufferedChannels(WaitEntry[] entries, Waiter waiter, int[] order) {
    for (int i : order) {
      Case c = cases.get(i);
      if (c.chan != null && c.chan.buffered()) {
        entries[i] = new WaitEntry(waiter, i, c.value);
        c.chan.queue(entries[i], c.kind == Kind.SEND);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private R complete(WaitEntry e) {
    Case c = cases.get(e.caseIndex);
    return switch (c.kind) {
      case RECV -> ((Function<Object, ? extends R>) c.handler).apply(e.closed ? null : e.value);
      case RECV_OK ->
          ((Function<Object, ? extends R>) c.handler)
              .apply(e.closed ? new Received<>(null, false) : new Received<>(e.value, true));
      case SEND -> {
        if (e.closed) {
          throw Chan.closedOnSend();
        }
        yield ((Supplier<? extends R>) c.handler).get();
      }
    };
  }

  /**
   * The window a blocked select spins in: over unbuffered channels only, the first one's in lock
   * order (one wait cannot learn for several channels; the order is fixed, so the same select
   * keeps learning on the same channel); none if a case is buffered (see {@link Waiter}) or no
   * channel is live ({@code select {}} waits for an interrupt only).
   */
  private static SpinWindow spinWindow(Chan<?>[] locks, int buffered) {
    return buffered == 0 && locks.length > 0 ? locks[0].spinWindow() : null;
  }

  /**
   * The distinct unbuffered channels, in ascending id: the one global order in which selects
   * lock. Buffered channels are not locked for the attempt (their rings need no lock). An
   * insertion sort, as a select has a handful of cases; the array is trimmed only when a channel
   * repeats, is nil or is buffered.
   */
  private Chan<?>[] lockOrder() {
    Chan<?>[] chans = new Chan<?>[cases.size()];
    int k = 0;
    for (Case c : cases) {
      Chan<?> ch = c.chan;
      if (ch == null || ch.buffered()) {
        continue;
      }
      int i = k;
      while (i > 0 && chans[i - 1].id > ch.id) {
        i--;
      }
      if (i > 0 && chans[i - 1] == ch) {
        continue;
      }
      System.arraycopy(chans, i, chans, i + 1, k - i);
      chans[i] = ch;
      k++;
    }
    return k == chans.length ? chans : Arrays.copyOf(chans, k);
  }

  /** A uniformly random permutation (Fisher-Yates), so every ready case is equally likely. */
  private static int[] pollOrder(int n) {
    int[] order = new int[n];
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    for (int i = 0; i < n; i++) {
      int j = rnd.nextInt(i + 1);
      order[i] = order[j];
      order[j] = i;
    }
    return order;
  }

  /** A number that grows whenever any of the cases' buffered channels changes. */
  private long stamp() {
    long sum = 0;
    for (Case c : cases) {
      if (c.chan != null) {
        sum += c.chan.stamp();
      }
    }
    return sum;
  }

  private static void lockAll(Chan<?>[] chans) {
    for (Chan<?> c : chans) {
      c.lockQueues();
    }
  }

  private static void unlockAll(Chan<?>[] chans) {
    for (int i = chans.length - 1; i >= 0; i--) {
      chans[i].unlockQueues();
    }
  }
}
