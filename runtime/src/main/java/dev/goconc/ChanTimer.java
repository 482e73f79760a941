package dev.goconc;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link Timer} on the shared scheduler. A generation number, bumped under the lock by stop and
 * reset, lets a firing that raced with them know it is stale and send nothing.
 */
final class ChanTimer implements Timer {
  private final Chan<Instant> c = Chan.make(1);
  private final RecvChan<Instant> view = c.recvOnly();
  private final ReentrantLock lock = new ReentrantLock();
  private ScheduledFuture<?> pending;
  private long generation;

  ChanTimer(Duration d) {
    Objects.requireNonNull(d, "duration");
    lock.lock();
    try {
      start(d);
    } finally {
      lock.unlock();
    }
  }

  private void start(Duration d) {
    long gen = ++generation;
    pending = SharedScheduler.schedule(() -> fire(gen), d);
  }

  private void fire(long gen) {
    lock.lock();
    try {
      if (gen == generation && pending != null) {
        pending = null;
        boolean unused = c.trySend(Instant.now());
      }
    } finally {
      lock.unlock();
    }
  }

  private boolean stopLocked() {
    boolean wasPending = pending != null;
    if (wasPending) {
      pending.cancel(false);
      pending = null;
    }
    generation++;
    var unused = c.tryReceive();
    return wasPending;
  }

  @Override
  public RecvChan<Instant> c() {
    return view;
  }

  @Override
  public boolean stop() {
    lock.lock();
    try {
      return stopLocked();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean reset(Duration d) {
    Objects.requireNonNull(d, "duration");
    lock.lock();
    try {
      boolean wasPending = stopLocked();
      start(d);
      return wasPending;
    } finally {
      lock.unlock();
    }
  }
}
