package dev.goconc.checker;

import com.google.errorprone.BugCheckerRefactoringTestHelper.TestMode;
import com.google.errorprone.BugCheckerRefactoringTestHelper;
import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

final class LostCancelTest {
  private final CompilationTestHelper helper =
      StrictRules.compilation(LostCancel.class, getClass());
  private final BugCheckerRefactoringTestHelper refactoring =
      StrictRules.refactoring(LostCancel.class, getClass());

  @Test
  void quietOnTheCorrectIdioms() {
    helper
        .addSourceLines(
            "Idioms.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.CancelFunc;
            import dev.goconc.Context;
            import dev.goconc.ErrGroup;
            import dev.goconc.Go;
            import dev.goconc.Select;
            import dev.goconc.Time;
            import dev.goconc.WaitGroup;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;

            class Idioms {
              static void worker(Context ctx, int id) {}

              // Go's defer cancel(): try-with-resources.
              void deferCancel(Context parent) {
                try (var ctx = Context.withTimeout(parent, Duration.ofSeconds(1))) {
                  Go.go(() -> worker(ctx, 1));
                  Select.<String>select()
                      .recv(ctx.done(), v -> "cancelled")
                      .recv(Time.after(Duration.ofSeconds(2)), t -> "done")
                      .run();
                }
              }

              // cancel() in finally, with early returns inside the try.
              String cancelInFinally(Context parent, boolean fast) {
                CancelContext ctx = Context.withCancel(parent);
                try {
                  if (fast) {
                    return "fast";
                  }
                  worker(ctx, 2);
                  return "slow";
                } finally {
                  ctx.cancel();
                }
              }

              // Workers selecting on ctx.done(), cancelled by the owner on its only path out.
              void workers(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                WaitGroup wg = new WaitGroup();
                for (int i = 0; i < 3; i++) {
                  int id = i;
                  wg.go(() -> worker(ctx, id));
                }
                ctx.cancel();
                wg.await();
              }

              // errgroup: the group's context belongs to the group; ours is closed.
              Throwable fetchAll(Context parent, List<String> urls) {
                try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(5))) {
                  ErrGroup group = ErrGroup.withContext(ctx);
                  for (String url : urls) {
                    group.go(() -> worker(group.context(), url.length()));
                  }
                  return group.await();
                }
              }

              // Hand-overs: returned, its cancelFunc returned, stored, collected, passed to an owner.
              CancelContext returned(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                worker(ctx, 3);
                return ctx;
              }

              CancelFunc cancelFuncReturned(Context parent) {
                var ctx = Context.withCancel(parent);
                Go.go(() -> worker(ctx, 4));
                return ctx.cancelFunc();
              }

              private CancelFunc stop;
              private final List<CancelContext> open = new ArrayList<>();

              void stored(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                this.stop = ctx.cancelFunc();
                Go.go(() -> worker(ctx, 5));
              }

              void collected(Context parent) {
                CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(3));
                open.add(ctx);
              }

              static void own(AutoCloseable resource) {}

              void passedToOwner(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                own(ctx);
              }

              void stopLater() {
                stop.cancel();
              }

              // A goroutine that cancels it owns it.
              void goroutineCancels(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                Go.go(() -> {
                  worker(ctx, 6);
                  ctx.cancel();
                });
              }

              // A select handler that cancels counts as cancelling.
              void selectHandlerCancels(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                Select.<Integer>select()
                    .recv(Time.after(Duration.ofMillis(10)), t -> { ctx.cancel(); return 1; })
                    .run();
              }

              // Go's ctx, cancel := ...: the CancelFunc alias is called on every path.
              void aliasCalled(Context parent, boolean early) {
                CancelContext ctx = Context.withCancel(parent);
                CancelFunc cancel = ctx.cancelFunc();
                if (early) {
                  cancel.cancel();
                  return;
                }
                worker(ctx, 7);
                cancel.cancel();
              }

              // A throw needs no cancel; an infinite loop has no exit.
              void throwsOnError(Context parent, boolean bad) {
                CancelContext ctx = Context.withCancel(parent);
                if (bad) {
                  throw new IllegalStateException("bad input");
                }
                ctx.cancel();
              }

              void serveForever(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                if (parent.err() != null) {
                  ctx.cancel();
                } else {
                  while (true) {
                    worker(ctx, 8);
                  }
                }
              }

              // try (ctx) on an existing local.
              void resourceOnLocal(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                try (ctx) {
                  worker(ctx, 9);
                }
              }

              // Java's null-guarded cancel in finally.
              void nullGuardedFinally(Context parent) {
                CancelContext ctx = null;
                try {
                  ctx = Context.withCancel(parent);
                  worker(ctx, 11);
                } finally {
                  if (ctx != null) {
                    ctx.cancel();
                  }
                }
              }

              // Suppressed on the local, as for Error Prone's own checks.
              void suppressedOnTheLocal(Context parent) {
                @SuppressWarnings("LostCancel")
                CancelContext ctx = Context.withCancel(parent);
                worker(ctx, 13);
              }

              // main is exempt: the process ends.
              public static void main(String[] args) {
                CancelContext ctx = Context.withCancel(Context.background());
                worker(ctx, 10);
                worker(Context.withTimeout(ctx, Duration.ofSeconds(10)), 12);
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietOnLostcancelsNegativeCases() {
    helper
        .addSourceLines(
            "VetNegatives.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.time.Duration;

            class VetNegatives {
              static Context bg = Context.background();
              static int someInt;
              static boolean condition;

              void deferred() {
                CancelContext ctx = Context.withCancel(bg);
                try {
                  System.out.println(ctx);
                } finally {
                  ctx.cancel();
                }
              }

              // Every case cancels, throws, or never returns.
              void switchAllPaths() {
                CancelContext ctx = Context.withCancel(bg);
                switch (someInt) {
                  case 0:
                    throw new AssertionError("fail now");
                  case 1:
                    ctx.cancel();
                    break;
                  case 2:
                    System.out.println("hi");
                    // fall through
                  default:
                    System.exit(1);
                }
              }

              // Issue 16230: the context is returned.
              CancelContext namedResult() {
                CancelContext ctx = Context.withTimeout(bg, Duration.ZERO);
                return ctx;
              }

              // Issue 31856: created in a lambda, handed to the enclosing method.
              void createdInLambda() {
                CancelContext[] holder = new CancelContext[1];
                Runnable r = () -> holder[0] = Context.withCancel(bg);
                r.run();
                holder[0].cancel();
              }

              // A switch expression whose every arm cancels.
              int switchExpression() {
                CancelContext ctx = Context.withCancel(bg);
                return switch (someInt) {
                  case 0 -> { ctx.cancel(); yield 0; }
                  default -> { ctx.cancel(); yield 1; }
                };
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsLostcancelsPositiveCases() {
    helper
        .addSourceLines(
            "VetPositives.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import dev.goconc.Go;
            import java.time.Duration;
            import java.time.Instant;

            class VetPositives {
              static Context bg = Context.background();
              static int someInt;
              static boolean condition;

              void unusedOnSomePath() {
                // BUG: Diagnostic contains: the end of the method on line 16 may be reached without cancelling 'ctx' (created on line 14)
                CancelContext ctx = Context.withCancel(bg);
                if (condition) { ctx.cancel(); }
              }

              void deadline() {
                // BUG: Diagnostic contains: without cancelling 'ctx2' (created on line 20)
                CancelContext ctx2 = Context.withDeadline(bg, Instant.EPOCH);
                if (condition) { ctx2.cancel(); }
              }

              void assignedLater() {
                CancelContext ctx3;
                // BUG: Diagnostic contains: without cancelling 'ctx3' (created on line 27)
                ctx3 = Context.withTimeout(bg, Duration.ZERO);
                if (condition) { ctx3.cancel(); }
              }

              void discarded() {
                // BUG: Diagnostic contains: the context from withCancel() is discarded
                Context.withCancel(bg);
              }

              void earlyReturn() {
                // BUG: Diagnostic contains: the return on line 40 may be reached without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(bg);
                if (condition) { ctx.cancel(); }
                return;
              }

              void finiteLoop() {
                // BUG: Diagnostic contains: may be reached without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(bg);
                if (condition) {
                  ctx.cancel();
                } else {
                  for (int i = 0; i < 10; i++) { System.out.println(i); }
                }
              }

              void switchFallsOffTheEnd() {
                // BUG: Diagnostic contains: the end of the method on line 62 may be reached
                CancelContext ctx = Context.withCancel(bg);
                switch (someInt) {
                  case 0: throw new AssertionError();
                  case 1: ctx.cancel(); break;
                  case 2: System.out.println("hi"); break;
                  default: System.exit(1);
                }
              }

              void inGoroutine() {
                Go.go(() -> {
                  // BUG: Diagnostic contains: the end of the lambda on line 69 may be reached without cancelling 'ctx'
                  CancelContext ctx = Context.withCancel(bg);
                  System.out.println(ctx);
                });
              }
            }
            """)
        .doTest();
  }

  @Test
  void matchesLostcancelsTypeParameterCases() {
    helper
        .addSourceLines(
            "TypeParams.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;

            class TypeParams {
              static Context bg = Context.background();
              static boolean condition;

              <T> void generic() {
                // BUG: Diagnostic contains: the end of the method on line 12 may be reached without cancelling 'ctx' (created on line 10)
                CancelContext ctx = Context.withCancel(bg);
                if (condition) { ctx.cancel(); }
              }

              <T> void genericDeferred() {
                try (CancelContext ctx = Context.withCancel(bg)) {
                  System.out.println(ctx);
                }
              }

              // A withCancel of another type is not the runtime's.
              interface Contexts<P> {
                AutoCloseable withCancel(P parent);
              }

              <P> void userDefined(Contexts<P> contexts, P parent) {
                AutoCloseable ctx = contexts.withCancel(parent);
                System.out.println(ctx);
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsEachShape() {
    helper
        .addSourceLines(
            "Shapes.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.CancelFunc;
            import dev.goconc.Context;
            import dev.goconc.Go;
            import java.time.Duration;
            import java.util.List;

            class Shapes {
              static void work(Context ctx) {}
              static void log(Object o) {}

              void passedStraight(Context parent) {
                // BUG: Diagnostic contains: is passed straight into a call that cannot release it
                work(Context.withTimeout(parent, Duration.ofSeconds(1)));
              }

              void droppedInline(Context parent) {
                // BUG: Diagnostic contains: is used once and dropped without cancelling it
                Context.withCancel(parent).done().receive();
              }

              void passedAsPlainContext(Context parent) {
                // BUG: Diagnostic contains: without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(parent);
                work(ctx);
              }

              void goroutineOnlyUsesIt(Context parent) {
                // BUG: Diagnostic contains: without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(parent);
                Go.go(() -> work(ctx));
              }

              int breakSkipsCancel(Context parent, List<String> items) {
                // BUG: Diagnostic contains: the return on line 41 may be reached
                CancelContext ctx = Context.withCancel(parent);
                for (String item : items) {
                  if (item.isEmpty()) { break; }
                  work(ctx);
                }
                return items.size();
              }

              void continueLoopsBack(Context parent, List<String> items) {
                for (String item : items) {
                  // BUG: Diagnostic contains: without cancelling 'ctx'
                  CancelContext ctx = Context.withCancel(parent);
                  if (item.isEmpty()) { continue; }
                  ctx.cancel();
                }
              }

              void aliasMissedOnOnePath(Context parent, boolean early) {
                // BUG: Diagnostic contains: the return on line 58 may be reached without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(parent);
                CancelFunc cancel = ctx.cancelFunc();
                if (early) {
                  return;
                }
                cancel.cancel();
              }

              void catchSwallowsAndReturns(Context parent) {
                // BUG: Diagnostic contains: the return on line 69 may be reached
                CancelContext ctx = Context.withCancel(parent);
                try {
                  throw new IllegalStateException();
                } catch (IllegalStateException e) {
                  return;
                }
              }

              void typedAsContext(Context parent) {
                // BUG: Diagnostic contains: without cancelling 'ctx'
                Context ctx = Context.withCancel(parent);
                work(ctx);
              }

              void cancelledOnlyInCatch(Context parent) {
                // BUG: Diagnostic contains: without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(parent);
                try {
                  work(ctx);
                } catch (RuntimeException e) {
                  ctx.cancel();
                  throw e;
                }
              }
            }
            """)
        .doTest();
  }

  /**
   * Values through expressions, a catch the body has for a call's exception, and a local
   * overwritten before its cancel.
   */
  @Test
  void expressionsCatchesAndOverwrites() {
    helper
        .addSourceLines(
            "Shapes2.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.io.IOException;
            import java.time.Duration;

            class Shapes2 {
              enum Priority { HIGH, LOW }
              static void send(Context ctx) throws IOException {}
              static void use(Context ctx) {}

              // Every arm makes one, and try-with-resources cancels it.
              void switchInTry(Context parent, Priority p) {
                try (CancelContext ctx = switch (p) {
                  case HIGH -> Context.withTimeout(parent, Duration.ofSeconds(1));
                  case LOW -> Context.withCancel(parent);
                }) {
                  use(ctx);
                }
              }

              // Every arm makes one, cancelled in finally.
              void ternaryCancelledInFinally(Context parent, boolean fast) {
                CancelContext ctx = fast
                    ? Context.withTimeout(parent, Duration.ofSeconds(1))
                    : Context.withCancel(parent);
                try {
                  use(ctx);
                } finally {
                  ctx.cancel();
                }
              }

              // One arm passes the parent through: which value it holds is not known.
              void oneArmIsTheParent(Context parent, boolean detached) {
                Context ctx = detached ? parent : Context.withCancel(parent);
                use(ctx);
              }

              // The catch cancels before it returns.
              boolean catchCancels(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                try {
                  send(ctx);
                } catch (IOException e) {
                  ctx.cancel();
                  return false;
                }
                ctx.cancel();
                return true;
              }

              // The catch falls through to the cancel.
              void catchFallsThrough(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                try {
                  send(ctx);
                } catch (IOException e) {
                  System.err.println(e);
                }
                ctx.cancel();
              }

              // Cancelled, then a new one made and cancelled in its turn.
              void renewed(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                use(ctx);
                ctx.cancel();
                ctx = Context.withCancel(parent);
                use(ctx);
                ctx.cancel();
              }
            }
            """)
        .addSourceLines(
            "Shapes2Bugs.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.io.IOException;
            import java.time.Duration;
            import java.util.List;

            class Shapes2Bugs {
              enum Priority { HIGH, LOW }
              static void send(Context ctx) throws IOException {}
              static void use(Context ctx) {}

              int switchArmsThenEarlyReturn(Context parent, Priority p, List<String> to) {
                // BUG: Diagnostic contains: the return on line 19 may be reached without cancelling 'ctx' (created on line 14)
                CancelContext ctx = switch (p) {
                  case HIGH -> Context.withTimeout(parent, Duration.ofSeconds(1));
                  case LOW -> Context.withTimeout(parent, Duration.ofSeconds(10));
                };
                if (to.isEmpty()) {
                  return 0;
                }
                use(ctx);
                ctx.cancel();
                return to.size();
              }

              void ternaryNeverCancelled(Context parent, boolean fast) {
                CancelContext ctx = fast
                    // BUG: Diagnostic contains: without cancelling 'ctx' (created on line 27)
                    ? Context.withTimeout(parent, Duration.ofSeconds(1))
                    : Context.withCancel(parent);
                use(ctx);
              }

              boolean catchReturns(Context parent) {
                // BUG: Diagnostic contains: the return on line 41 may be reached without cancelling 'ctx'
                CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(5));
                try {
                  send(ctx);
                } catch (IOException e) {
                  System.err.println("deferred: " + e);
                  return false;
                }
                ctx.cancel();
                return true;
              }

              void overwritten(Context parent) {
                // BUG: Diagnostic contains: the assignment on line 51 overwrites 'ctx'
                CancelContext ctx = Context.withCancel(parent);
                use(ctx);
                ctx = Context.withCancel(parent);
                use(ctx);
                ctx.cancel();
              }
            }
            """)
        .doTest();
  }

  /** A type variable the call site fixes as a plain Context is a Context parameter. */
  @Test
  void genericParametersAsTheCallSiteSeesThem() {
    helper
        .addSourceLines(
            "Generic.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.time.Duration;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import java.util.function.BiFunction;
            import java.util.function.Consumer;
            import java.util.function.Function;

            class Generic {
              private final List<CancelContext> open = new ArrayList<>();

              // Kept in a list of cancellable contexts: their owner cancels them later.
              void kept(Context parent) {
                CancelContext ctx = Context.withCancel(parent);
                open.add(ctx);
              }

              // The function is given the power to cancel: it may.
              int handedToACanceller(Context parent, Function<CancelContext, Integer> run) {
                return run.apply(Context.withTimeout(parent, Duration.ofSeconds(1)));
              }

              // A bag of objects may hand it back to someone who cancels it: not judged.
              void inABag(Context parent, Map<String, Object> attributes) {
                attributes.put("ctx", Context.withCancel(parent));
              }

              // Cancelled after the call.
              int cancelledAfter(Context parent, BiFunction<Context, String, Integer> backend) {
                try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1))) {
                  return backend.apply(ctx, "sku");
                }
              }
            }
            """)
        .addSourceLines(
            "GenericBugs.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.time.Duration;
            import java.util.function.BiFunction;
            import java.util.function.Consumer;

            class GenericBugs {
              int straightIntoAFunction(Context parent, BiFunction<Context, String, Integer> backend) {
                // BUG: Diagnostic contains: is passed straight into a call that cannot release it
                return backend.apply(Context.withTimeout(parent, Duration.ofSeconds(1)), "sku");
              }

              void toAConsumerOfContexts(Context parent, Consumer<Context> work) {
                // BUG: Diagnostic contains: without cancelling 'ctx'
                CancelContext ctx = Context.withCancel(parent);
                work.accept(ctx);
              }
            }
            """)
        .doTest();
  }

  @Test
  void flagsPrivateCancelFuncFieldNeverCalled() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import dev.goconc.CancelFunc;
            import dev.goconc.Context;

            class Server {
              // BUG: Diagnostic contains: private CancelFunc field 'stop' is never called by any code of Server
              private CancelFunc stop;
              // BUG: Diagnostic contains: private CancelFunc field 'logged' is never called
              private CancelFunc logged;
              private CancelFunc calledByNested;
              private CancelFunc handedOn;
              CancelFunc notPrivate;

              // A record component is public through its accessor.
              record Handle(CancelFunc cancel) {}

              void start(Context parent) {
                var ctx = Context.withCancel(parent);
                stop = ctx.cancelFunc();
                logged = ctx.cancelFunc();
                calledByNested = ctx.cancelFunc();
                handedOn = ctx.cancelFunc();
                notPrivate = ctx.cancelFunc();
                System.out.println(logged);
              }

              CancelFunc handOn() {
                return handedOn;
              }

              class Stopper {
                void stop() {
                  calledByNested.cancel();
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void quietWithoutTheRuntime() {
    helper
        .addSourceLines(
            "Plain.java",
            """
            class Plain {
              interface Ctx extends AutoCloseable { void close(); }
              static Ctx withCancel() { return () -> {}; }
              void run() {
                Ctx ctx = withCancel();
                System.out.println(ctx);
              }
            }
            """)
        .doTest();
  }

  @Test
  void fixDeclaresTheContextInTryWithResources() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              int run(Context parent, boolean early) {
                int before = 1;
                // keep this comment
                CancelContext ctx = Context.withCancel(parent);
                // and this one
                if (early) {
                  return 2;
                }
                work(ctx);
                return 3;
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              int run(Context parent, boolean early) {
                int before = 1;
                // keep this comment
                try (CancelContext ctx = Context.withCancel(parent)) {
                  // and this one
                  if (early) {
                    return 2;
                  }
                  work(ctx);
                  return 3;
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixRetypesAContextTypedLocal() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Context;
            import java.time.Duration;
            class In {
              static void work(Context ctx) {}
              void run(Context parent) {
                Context ctx = Context.withTimeout(parent, Duration.ofSeconds(4));
                work(ctx);
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.time.Duration;
            class In {
              static void work(Context ctx) {}
              void run(Context parent) {
                try (CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(4))) {
                  work(ctx);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixCancelsInFinallyWhenTheLocalIsAssigned() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              void run(Context parent) {
                CancelContext ctx;
                ctx = Context.withCancel(parent);
                work(ctx);
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              void run(Context parent) {
                CancelContext ctx;
                ctx = Context.withCancel(parent);
                try {
                  work(ctx);
                } finally {
                  ctx.cancel();
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void fixDeclaresAContextPassedStraightIntoACall() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Context;
            import java.time.Duration;
            class In {
              static void work(Context ctx, int n) {}
              void run(Context ctx) {
                work(Context.withTimeout(ctx, Duration.ofSeconds(5)), 7);
              }
            }
            """)
        .addOutputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            import java.time.Duration;
            class In {
              static void work(Context ctx, int n) {}
              void run(Context ctx) {
                try (CancelContext context = Context.withTimeout(ctx, Duration.ofSeconds(5))) {
                  work(context, 7);
                }
              }
            }
            """)
        .doTest(TestMode.TEXT_MATCH);
  }

  @Test
  void noFixForOneOfSeveralVariablesOfADeclaration() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              void run(Context parent) {
                CancelContext first = Context.withCancel(parent), second = Context.withCancel(parent);
                work(first);
                second.cancel();
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixForAnAssignedContextTypedLocal() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              void run(Context parent) {
                Context ctx;
                ctx = Context.withCancel(parent);
                work(ctx);
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  @Test
  void noFixWhereTheLocalIsReassigned() {
    refactoring
        .addInputLines(
            "In.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.Context;
            class In {
              static void work(Context ctx) {}
              void run(Context parent, boolean again) {
                CancelContext ctx = Context.withCancel(parent);
                work(ctx);
                if (again) {
                  ctx = Context.withCancel(parent);
                  ctx.cancel();
                }
              }
            }
            """)
        .expectUnchanged()
        .doTest();
  }

  /**
   * A method that makes an object, gives it the only power to cancel a context it created, and
   * starts the object's goroutine on it must end the object or hand it on, on every path. Correct
   * look-alikes first: returned, stored in a field, passed on, closed in finally, closed on the
   * error path, try-with-resources, a goroutine that can end its own object, an end method that
   * other code calls too.
   */
  @Test
  void objectHoldingTheOnlyCancel() {
    helper
        .addSourceLines(
            "Dials.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.CancelFunc;
            import dev.goconc.Context;
            import dev.goconc.Go;
            import java.util.ArrayList;
            import java.util.List;

            final class Dials {
              static final class Conn {
                Context ctx;
                CancelFunc cancel;

                void run() {
                  ctx.done().receive();
                }

                void close() {
                  cancel.cancel();
                }
              }

              private final List<Conn> open = new ArrayList<>();

              // Returned on every path: the caller owns it.
              static Conn returned(Context parent) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Go.go(c::run);
                return c;
              }

              // Stored in a field of the caller's object.
              void stored(Context parent) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Go.go(c::run);
                open.add(c);
              }

              // Closed in finally.
              static void closedInFinally(Context parent, Runnable work) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Go.go(() -> c.run());
                try {
                  work.run();
                } finally {
                  c.close();
                }
              }

              // Closed on the error path, returned on the other.
              static Conn closedOnError(Context parent, boolean failed) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Go.go(c::run);
                if (failed) {
                  c.close();
                  return null;
                }
                return c;
              }

              // A local that is only ever null: the branch that skips close() never runs.
              static Conn closedWhenNothingWasMade(Context parent) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Conn made = null;
                Go.go(c::run);
                if (made == null) {
                  c.close();
                }
                return made;
              }
            }

            // Dropped on purpose, and said so on the object's local.
            final class Deliberate {
              static final class Conn {
                CancelFunc cancel;

                void close() {
                  cancel.cancel();
                }
              }

              static void leakOnPurpose(Context parent) {
                @SuppressWarnings("LostCancel")
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.cancel = ctx.cancelFunc();
              }

              static void closed(Conn c) {
                c.close();
              }
            }

            // Passed to code of another unit, which may close it.
            final class Handed {
              static final class Conn {
                CancelFunc cancel;

                void close() {
                  cancel.cancel();
                }
              }

              static void handed(Context parent, java.util.function.Consumer<Object> owner) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.cancel = ctx.cancelFunc();
                owner.accept(c);
              }
            }

            // The object's own goroutine may end it: it calls close() itself.
            final class SelfEnding {
              static final class Conn {
                CancelContext ctx;

                void run() {
                  close();
                }

                private void close() {
                  ctx.cancel();
                }
              }

              static void start(Context parent) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                Go.go(c::run);
              }
            }

            // The object's own code registers it where other code can reach and close it.
            final class Registered {
              static final class Conn {
                static final List<Conn> ALL = new ArrayList<>();
                CancelFunc cancel;

                void register() {
                  ALL.add(this);
                }

                void close() {
                  cancel.cancel();
                }
              }

              static void start(Context parent) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.cancel = ctx.cancelFunc();
                c.register();
              }

              static void closeAll() {
                for (Conn c : Conn.ALL) {
                  c.close();
                }
              }
            }

            // A class with an interface: code elsewhere may end it through AutoCloseable.
            final class Closeable {
              static final class Conn implements AutoCloseable {
                CancelFunc cancel;

                @Override
                public void close() {
                  cancel.cancel();
                }
              }

              static void used(Context parent) {
                try (Conn c = new Conn()) {
                  CancelContext ctx = Context.withCancel(parent);
                  c.cancel = ctx.cancelFunc();
                }
              }
            }
            """)
        .addSourceLines(
            "Dropped.java",
            """
            import dev.goconc.CancelContext;
            import dev.goconc.CancelFunc;
            import dev.goconc.Context;
            import dev.goconc.Go;
            import java.time.Duration;

            final class Dropped {
              static final class Conn {
                Context ctx;
                CancelFunc cancel;

                void run() {
                  ctx.done().receive();
                }

                void close() {
                  cancel.cancel();
                }
              }

              // One error path closes the connection, the other forgets.
              static Conn dial(Context parent, boolean timedOut, boolean refused) {
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Go.go(c::run);
                if (timedOut) {
                  c.close();
                  return null;
                }
                if (refused) {
                  // BUG: Diagnostic contains: the return on line 34 may drop 'c' without calling close(): it holds the only cancel of the context from line 24, in its field 'cancel'
                  return null;
                }
                return c;
              }

              // The goroutine started as a lambda, the context a timeout: the method's end drops it.
              static void probe(Context parent, boolean ok) {
                // BUG: Diagnostic contains: the end of the method may drop 'c' without calling close()
                Conn c = new Conn();
                CancelContext ctx = Context.withTimeout(parent, Duration.ofSeconds(1));
                c.ctx = ctx;
                c.cancel = ctx.cancelFunc();
                Go.go(() -> c.run());
                if (ok) {
                  c.close();
                }
              }
            }

            // The object keeps the CancelContext itself and cancels it in a private end method.
            final class Session {
              static final class Worker {
                private CancelContext life;

                private void loop() {
                  life.done().receive();
                }

                private void stop() {
                  this.life.cancel();
                }
              }

              static Worker begin(Context parent, boolean valid) {
                Worker w = new Worker();
                CancelContext life = Context.withCancel(parent);
                w.life = life;
                Go.go(w::loop);
                if (!valid) {
                  // BUG: Diagnostic contains: may drop 'w' without calling stop()
                  return null;
                }
                return w;
              }

              static void end(Worker w) {
                w.stop();
              }
            }

            // Kept in a static field on one path, where other code ends it; dropped on the other.
            final class KeptSometimes {
              static final class Conn {
                CancelFunc cancel;

                void close() {
                  cancel.cancel();
                }
              }

              static Conn last;

              static void start(Context parent, boolean keep) {
                // BUG: Diagnostic contains: the end of the method may drop 'c' without calling close()
                Conn c = new Conn();
                CancelContext ctx = Context.withCancel(parent);
                c.cancel = ctx.cancelFunc();
                if (keep) {
                  last = c;
                }
              }

              static void stop() {
                last.close();
              }
            }
            """)
        .doTest();
  }
}
