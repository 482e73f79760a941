package dev.goconc;

/**
 * A context its holder can cancel. {@link #close()} cancels, so try-with-resources is Go's
 * {@code defer cancel()}.
 */
public interface CancelContext extends Context, AutoCloseable {
  void cancel();

  /** Cancels; never throws. */
  @Override
  void close();

  /** The power to cancel this context, for an owner to keep. */
  CancelFunc cancelFunc();
}
