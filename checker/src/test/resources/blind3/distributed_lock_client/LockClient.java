import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.Optional;

/** A client for a lease-less lock service: holds a key while a keep-alive goroutine renews it. */
class LockClient {
  interface Coordinator {
    boolean tryLock(Context ctx, String key, Duration ttl);

    void renew(Context ctx, String key, Duration ttl);

    void unlock(String key);
  }

  /** A held lock; unlocking stops the keep-alive. */
  record Held(String key, CancelFunc stopKeepAlive, Coordinator coordinator) implements AutoCloseable {
    @Override
    public void close() {
      stopKeepAlive.cancel();
      coordinator.unlock(key);
    }
  }

  private final Coordinator coordinator;

  LockClient(Coordinator coordinator) {
    this.coordinator = coordinator;
  }

  Optional<Held> acquire(Context ctx, String key, Duration ttl) {
    if (!coordinator.tryLock(ctx, key, ttl)) {
      return Optional.empty();
    }
    // OK(LostCancel): its cancel function is handed to the returned Held, whose close() calls it
    CancelContext keepAlive = Context.withCancel(ctx);
    Go.go(() -> {
      while (keepAlive.err() == null) {
        coordinator.renew(keepAlive, key, ttl);
        Select.<Void>select()
            .recv(Time.after(ttl.dividedBy(3)), t -> null)
            .recv(keepAlive.done(), x -> null)
            .run();
      }
    });
    return Optional.of(new Held(key, keepAlive.cancelFunc(), coordinator));
  }

  /** Tries for a bounded time, then gives up. */
  Optional<Held> acquireWithin(Context ctx, String key, Duration ttl, Duration patience) {
    // BUG(LostCancel): the retry context is not cancelled when the lock is granted (the return inside the loop)
    CancelContext attempt = Context.withTimeout(ctx, patience);
    while (attempt.err() == null) {
      Optional<Held> held = acquire(ctx, key, ttl);
      if (held.isPresent()) {
        return held;
      }
      Select.<Void>select()
          .recv(Time.after(Duration.ofMillis(50)), t -> null)
          .recv(attempt.done(), x -> null)
          .run();
    }
    attempt.cancel();
    return Optional.empty();
  }

  Optional<Held> acquireWithinFixed(Context ctx, String key, Duration ttl, Duration patience) {
    CancelContext attempt = Context.withTimeout(ctx, patience);
    try {
      while (attempt.err() == null) {
        Optional<Held> held = acquire(ctx, key, ttl);
        if (held.isPresent()) {
          return held;
        }
        Select.<Void>select()
            .recv(Time.after(Duration.ofMillis(50)), t -> null)
            .recv(attempt.done(), x -> null)
            .run();
      }
      return Optional.empty();
    } finally {
      // OK(LostCancel): cancel in finally covers both returns
      attempt.cancel();
    }
  }
}
