package dev.goconc;

/** The power to cancel a context, without the context: Go's {@code cancel}. Idempotent. */
@FunctionalInterface
public interface CancelFunc {
  void cancel();
}
