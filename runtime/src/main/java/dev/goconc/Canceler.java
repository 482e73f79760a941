package dev.goconc;

import java.util.ArrayDeque;
import java.util.Collection;

/** Something a cancellable context cancels with itself: a child context, or an after-func. */
interface Canceler {
  /**
   * Cancels this node alone with {@code err} and {@code cause} (idempotent) and hands back the
   * children it held, for the caller to cancel next; none if it had none or was already done.
   * With {@code removeFromParent}, it also unlinks itself from the context it was registered on.
   */
  Collection<Canceler> cancelNode(boolean removeFromParent, ContextException err, Throwable cause);

  /**
   * Cancels this node and everything below it with {@code err} and {@code cause}; idempotent.
   * A loop over a work list, not a recursion, so a tree of any depth is cancelled whole on any
   * stack (Go's recursion is safe only because goroutine stacks grow). Only this node unlinks
   * itself from its parent, if asked: its descendants' parents have already dropped them.
   */
  default void cancel(boolean removeFromParent, ContextException err, Throwable cause) {
    Collection<Canceler> children = cancelNode(removeFromParent, err, cause);
    if (children.isEmpty()) {
      return;
    }
    ArrayDeque<Canceler> toCancel = new ArrayDeque<>(children);
    for (Canceler c; (c = toCancel.poll()) != null; ) {
      toCancel.addAll(c.cancelNode(false, err, cause));
    }
  }
}
