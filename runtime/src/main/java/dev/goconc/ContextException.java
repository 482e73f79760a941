package dev.goconc;

/**
 * Why a context ended: {@link Canceled} or {@link DeadlineExceeded}, Go's {@code ctx.Err()}
 * values. Unchecked. Each kind is one shared instance without a stack trace, as Go's are
 * sentinel errors; test with {@code instanceof}. The detailed reason, if the canceller gave one,
 * is {@link Context#cause()}.
 */
public abstract sealed class ContextException extends RuntimeException
    permits ContextException.Canceled, ContextException.DeadlineExceeded {
  private static final long serialVersionUID = 1L;

  ContextException(String message) {
    super(message, null, false, false);
  }

  /** Go's {@code context.Canceled}. */
  public static final class Canceled extends ContextException {
    private static final long serialVersionUID = 1L;

    Canceled() {
      super("context canceled");
    }
  }

  /** Go's {@code context.DeadlineExceeded}. */
  public static final class DeadlineExceeded extends ContextException {
    private static final long serialVersionUID = 1L;

    DeadlineExceeded() {
      super("context deadline exceeded");
    }
  }
}
