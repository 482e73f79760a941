// Program: request-scoped helpers; a record and a handler class carry a Context in a field, and a session keeps only its CancelFunc.
import dev.goconc.*;
import java.util.function.Function;

// BUG(ContextInField): a record component of type Context hides the request's lifetime
record RequestScope(Context ctx, String user, String traceId) {
  String describe() {
    return user + "@" + traceId;
  }
}

final class Handler {
  // BUG(ContextInField): the handler outlives requests but keeps the first request's context
  private Context current;
  private final Function<Context, String> backend;

  Handler(Function<Context, String> backend) {
    this.backend = backend;
  }

  String handle(Context ctx, String body) {
    current = ctx;
    return backend.apply(current) + body;
  }
}

final class Session implements AutoCloseable {
  // OK(ContextInField): a CancelFunc field is the owner keeping the power to cancel
  private final CancelFunc cancel;
  private final Function<Context, String> backend;

  Session(Context parent, Function<Context, String> backend) {
    CancelContext ctx = Context.withCancel(parent);
    this.cancel = ctx.cancelFunc();
    this.backend = backend;
  }

  String call(Context ctx) {
    return backend.apply(ctx);
  }

  @Override
  public void close() {
    cancel.cancel();
  }
}
