package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Context trees far deeper than a call stack: cancellation and lookups must not recurse. */
@Timeout(30)
final class DeepContextTest {
  private static final int CANCEL_DEPTH = 5_000;
  private static final int VALUE_DEPTH = 10_000;

  /** {@code depth} contexts, each made with {@code withCancel} from the one before. */
  private static List<CancelContext> chain(Context root, int depth) {
    List<CancelContext> levels = new ArrayList<>(depth);
    Context parent = root;
    for (int i = 0; i < depth; i++) {
      CancelContext c = Context.withCancel(parent);
      levels.add(c);
      parent = c;
    }
    return levels;
  }

  private static int uncancelled(List<CancelContext> levels) {
    int n = 0;
    for (CancelContext c : levels) {
      n += c.err() == null ? 1 : 0;
    }
    return n;
  }

  @Test
  void cancellingTheRootOfADeepChainCancelsEveryLevel() {
    CancelContext root = Context.withCancel(Context.background());
    List<CancelContext> levels = chain(root, CANCEL_DEPTH);

    assertDoesNotThrow(root::close);

    assertEquals(0, uncancelled(levels));
    CancelContext leaf = levels.get(levels.size() - 1);
    assertInstanceOf(ContextException.Canceled.class, leaf.err());
    assertTrue(leaf.done().tryReceive().isPresent(), "the leaf's done channel is closed");
  }

  @Test
  void theCauseReachesEveryLevel() {
    CancelContext root = Context.withCancel(Context.background());
    List<CancelContext> levels = chain(root, CANCEL_DEPTH);
    IllegalStateException why = new IllegalStateException("shutting down");

    root.cancel(why);

    assertEquals(why, levels.get(levels.size() - 1).cause());
  }

  @Test
  void aDeadlineOverADeepChainCancelsEveryLevel() {
    CancelContext root = Context.withTimeout(Context.background(), Duration.ofMillis(50));
    List<CancelContext> levels = chain(root, CANCEL_DEPTH);
    CancelContext leaf = levels.get(levels.size() - 1);

    // Expected a few ms after the deadline; the bound is a hundred times that.
    assertTrue(TimeTest.within(Duration.ofSeconds(10), () -> leaf.err() != null), "leaf not cancelled");

    assertEquals(0, uncancelled(levels));
    assertInstanceOf(ContextException.DeadlineExceeded.class, leaf.err());
    assertEquals(root.deadline(), leaf.deadline());
  }

  @Test
  void aValueIsFoundThroughTenThousandLevels() {
    Context.Key<String> deep = Context.Key.of("deep");
    Context.Key<String> missing = Context.Key.of("missing");
    CancelContext cancellable = Context.withCancel(Context.withValue(Context.background(), deep, "found"));
    Context ctx = cancellable;
    for (int i = 0; i < VALUE_DEPTH; i++) {
      ctx = Context.withValue(Context.withoutCancel(ctx), Context.Key.of("level"), i);
    }

    assertEquals("found", ctx.value(deep));
    assertNull(ctx.value(missing));
    assertTrue(ctx.toString().endsWith(".WithValue(Key(level))"), "named without recursion");
  }

  @Test
  void doneErrAndDeadlineAnswerThroughTenThousandValueLevels() {
    CancelContext root = Context.withTimeout(Context.background(), Duration.ofHours(1));
    Context ctx = root;
    for (int i = 0; i < VALUE_DEPTH; i++) {
      ctx = Context.withValue(ctx, Context.Key.of("level"), i);
    }
    CancelContext leaf = Context.withCancel(ctx);

    assertEquals(root.deadline(), leaf.deadline());
    assertEquals(root.done(), ctx.done());
    root.cancel();
    assertInstanceOf(ContextException.Canceled.class, ctx.err());
    assertInstanceOf(ContextException.Canceled.class, leaf.err());
  }
}
