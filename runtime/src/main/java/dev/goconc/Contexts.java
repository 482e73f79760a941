package dev.goconc;

import java.time.Instant;
import java.util.Optional;

/** The contexts that cannot be cancelled by themselves, and how a canceller joins a tree. */
final class Contexts {
  private Contexts() {}

  /** The done channel of every context that is never cancelled: never closed. */
  static final RecvChan<Void> NEVER = Chan.<Void>make().recvOnly();

  /*
   * Go's sentinel errors, one instance each (created without a stack trace). They live here,
   * not in ContextException: a superclass whose initializer creates its subclasses can deadlock
   * when two threads initialize the two classes at once.
   */
  @SuppressWarnings("StaticAssignmentOfThrowable")
  static final ContextException.Canceled CANCELED = new ContextException.Canceled();

  @SuppressWarnings("StaticAssignmentOfThrowable")
  static final ContextException.DeadlineExceeded DEADLINE_EXCEEDED =
      new ContextException.DeadlineExceeded();

  static final Context BACKGROUND = new Root("context.Background");
  static final Context TODO = new Root("context.TODO");

  /**
   * Makes {@code parent}'s cancellation reach {@code child}: at once if the parent is already
   * done; through the parent's child set if it is one of ours; through a goroutine waiting on a
   * foreign context's done channel otherwise (as Go does); not at all if it is never cancelled.
   * Returns the context {@code child} was registered on, or null.
   */
  static CancellableContext link(Context parent, Canceler child) {
    RecvChan<Void> parentDone = parent.done();
    if (parentDone == NEVER) {
      return null;
    }
    ContextException err = parent.err();
    if (err != null) {
      child.cancel(false, err, parent.cause());
      return null;
    }
    CancellableContext owner = nearestCancellable(parent);
    if (owner != null && owner.done() == parentDone) {
      return owner.addChild(child) ? owner : null;
    }
    Go.go(
        () ->
            Select.<Void>select()
                .recv(
                    parentDone,
                    v -> {
                      child.cancel(false, parent.err(), parent.cause());
                      return null;
                    })
                .recv(stopSignal(child), v -> null)
                .run());
    return null;
  }

  private static RecvChan<Void> stopSignal(Canceler child) {
    if (child instanceof CancellableContext c) {
      return c.done();
    }
    return ((AfterFunc) child).stopped();
  }

  private static CancellableContext nearestCancellable(Context c) {
    while (true) {
      if (c instanceof CancellableContext cc) {
        return cc;
      } else if (c instanceof ValueContext v) {
        c = v.parent;
      } else {
        return null;
      }
    }
  }

  /**
   * One of goconc's contexts made from a parent. Lookups and names walk up through these in a
   * loop, never by recursion, so a chain of any depth answers on any stack.
   */
  interface Derived {
    Context parent();

    /** What this level adds to its parent's name, as in {@code .WithValue(Key(user))}. */
    String step();
  }

  /** Go's {@code ctx.Value(key)}: the nearest value bound to {@code key} from {@code c} up. */
  @SuppressWarnings("unchecked")
  static <T> T lookUp(Context c, Context.Key<T> key) {
    while (c instanceof Derived d) {
      if (c instanceof ValueContext v && v.key == key) {
        return (T) v.value;
      }
      c = d.parent();
    }
    return c.value(key); // a root, or a context of another implementation
  }

  /** The name of {@code c}: its root's, then each level's step, outermost first. */
  static String describe(Context c) {
    java.util.ArrayDeque<String> steps = new java.util.ArrayDeque<>();
    while (c instanceof Derived d) {
      steps.push(d.step());
      c = d.parent();
    }
    StringBuilder name = new StringBuilder(String.valueOf(c));
    steps.forEach(name::append);
    return name.toString();
  }

  /** Background and TODO. */
  private record Root(String name) implements Context {
    @Override
    public RecvChan<Void> done() {
      return NEVER;
    }

    @Override
    public ContextException err() {
      return null;
    }

    @Override
    public <T> T value(Context.Key<T> key) {
      return null;
    }

    @Override
    public Optional<Instant> deadline() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * Go's valueCtx: one key-value pair on top of its parent. Cancellation and deadline are those of
   * the nearest ancestor that is not a value context, kept here so that they answer at once.
   */
  static final class ValueContext implements Context, Derived {
    final Context parent;
    private final Context governing;
    private final Context.Key<?> key;
    private final Object value;

    ValueContext(Context parent, Context.Key<?> key, Object value) {
      this.parent = parent;
      this.governing = parent instanceof ValueContext v ? v.governing : parent;
      this.key = key;
      this.value = value;
    }

    @Override
    public RecvChan<Void> done() {
      return governing.done();
    }

    @Override
    public ContextException err() {
      return governing.err();
    }

    @Override
    public Throwable cause() {
      return governing.cause();
    }

    @Override
    public <T> T value(Context.Key<T> k) {
      return lookUp(this, k);
    }

    @Override
    public Optional<Instant> deadline() {
      return governing.deadline();
    }

    @Override
    public Context parent() {
      return parent;
    }

    @Override
    public String step() {
      return ".WithValue(" + key + ")";
    }

    @Override
    public String toString() {
      return describe(this);
    }
  }

  /** Go's withoutCancelCtx: the parent's values, none of its cancellation. */
  static final class WithoutCancel implements Context, Derived {
    private final Context parent;

    WithoutCancel(Context parent) {
      this.parent = parent;
    }

    @Override
    public RecvChan<Void> done() {
      return NEVER;
    }

    @Override
    public ContextException err() {
      return null;
    }

    @Override
    public <T> T value(Context.Key<T> key) {
      return lookUp(parent, key);
    }

    @Override
    public Optional<Instant> deadline() {
      return Optional.empty();
    }

    @Override
    public Context parent() {
      return parent;
    }

    @Override
    public String step() {
      return ".WithoutCancel";
    }

    @Override
    public String toString() {
      return describe(this);
    }
  }
}
