package dev.goconc;

/**
 * Thrown by a send on a closed channel and by a second close, where Go panics with
 * "send on closed channel" / "close of closed channel". Unchecked, and unrelated to
 * {@code java.nio.channels.ClosedChannelException}.
 */
public final class ChannelClosedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  public ChannelClosedException(String message) {
    super(message);
  }
}
