package dev.goconc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link Ticker} on the shared scheduler; ticks try-send, so a slow receiver drops ticks. */
final class ChanTicker implements Ticker {
  private final Chan<Instant> c = Chan.make(1);
  private final RecvChan<Instant> view = c.recvOnly();
  private final ReentrantLock lock = new ReentrantLock();
  private ScheduledFuture<?> pending;
  private long generation;

  ChanTicker(Duration d) {
    reset(d);
  }

  private void tick(long gen) {
    lock.lock();
    try {
      if (gen == generation) {
        boolean unused = c.trySend(Instant.now());
      }
    } finally {
      lock.unlock();
    }
  }

  private void stopLocked() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
    generation++;
    var unused = c.tryReceive();
  }

  @Override
  public RecvChan<Instant> c() {
    return view;
  }

  @Override
  public void stop() {
    lock.lock();
    try {
      stopLocked();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void reset(Duration d) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("non-positive interval for ticker: " + d);
    }
    lock.lock();
    try {
      stopLocked();
      long gen = generation;
      pending = SharedScheduler.scheduleAtFixedRate(() -> tick(gen), d);
    } finally {
      lock.unlock();
    }
  }
}
