package dev.goconc.checker.api;

import static com.google.errorprone.matchers.method.MethodMatchers.constructor;
import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.suppliers.Supplier;
import com.google.errorprone.suppliers.Suppliers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.model.UnitMemo;
import java.util.List;
import java.util.Set;

/**
 * Every name of the JDK that the checks match, in one place beside {@link GoconcApi}: the
 * threads, executors, futures, latches and queues of {@code java.util.concurrent} that the
 * java.util.concurrent rules treat as goroutines, channels and obligations, and the few other JDK
 * calls (collections that run callbacks in place, {@code System.exit}, sleeps) the runtime's rules
 * need to read code correctly. The checks never load these classes; they match by name.
 */
public final class JdkApi {
  private JdkApi() {}

  /**
   * The {@code @BugPattern} tag of the rules that judge plain java.util.concurrent code (the
   * others judge code on the goconc runtime): their cheap exit is {@link #mentionsConcurrency}
   * (or, for tasks that need no such type, {@link #mentionsConcurrencyOrItsSubpackages}), and the
   * rule index lists them apart.
   */
  public static final String RULE_TAG = "JavaUtilConcurrent";

  /** The package whose mention opens a unit to the java.util.concurrent rules. */
  public static final String CONCURRENT_PACKAGE = "java.util.concurrent";

  // The JDK's calls that the runtime's rules match alongside the runtime's own.
  public static final Matcher<ExpressionTree> SYSTEM_EXIT =
      NamedMethods.staticOf("java.lang.System", "exit");
  /** Calls that end the program: a path through one never leaves its method. */
  public static final Matcher<ExpressionTree> NEVER_RETURNS =
      Matchers.anyOf(
          SYSTEM_EXIT,
          NamedMethods.onDescendantOf("java.lang.Runtime", "exit", "halt"));
  /** Sleeping for a fixed time: the JDK's two ways and the runtime's {@code Time.sleep}. */
  public static final Matcher<ExpressionTree> SLEEP =
      Matchers.anyOf(
          NamedMethods.staticOf("java.lang.Thread", "sleep"),
          NamedMethods.onExactClass("java.util.concurrent.TimeUnit", "sleep"),
          NamedMethods.staticOf(GoconcApi.TIME, "sleep"));
  /** A thread asking whether it was interrupted. */
  public static final Matcher<ExpressionTree> THREAD_INTERRUPTED =
      Matchers.anyOf(
          NamedMethods.staticOf("java.lang.Thread", "interrupted"),
          NamedMethods.onDescendantOf("java.lang.Thread", "isInterrupted"));
  /** The exception a blocking call throws when its thread is interrupted while it waits. */
  public static final String INTERRUPTED_EXCEPTION = "java.lang.InterruptedException";
  /** What a cancelled task's {@code get()} or {@code join()} throws. */
  public static final String CANCELLATION_EXCEPTION = "java.util.concurrent.CancellationException";
  public static final Supplier<Type> INTERRUPTED_EXCEPTION_TYPE =
      Suppliers.typeFromString(INTERRUPTED_EXCEPTION);
  /** Setting a thread's interrupt status: {@code Thread.currentThread().interrupt()}. */
  public static final Matcher<ExpressionTree> THREAD_INTERRUPT =
      NamedMethods.onDescendantOf("java.lang.Thread", "interrupt");

  /**
   * Whether {@code call} is an interruptible wait: it declares {@code throws InterruptedException}
   * ({@code Thread.sleep}, {@code join}, {@code take}/{@code put}/timed {@code poll}/{@code
   * offer}, {@code Future.get}, {@code await}, {@code acquire}, {@code Object.wait}, {@code
   * lockInterruptibly}, and the unit's own methods that pass it on). An interrupt of its thread
   * wakes it with that exception; the uninterruptible waits ({@code acquireUninterruptibly},
   * {@code CompletableFuture.join}) are not.
   */
  public static boolean isInterruptibleWait(MethodInvocationTree call, VisitorState state) {
    com.sun.tools.javac.code.Symbol symbol = com.google.errorprone.util.ASTHelpers.getSymbol(call);
    if (!(symbol instanceof com.sun.tools.javac.code.Symbol.MethodSymbol method)) {
      return false;
    }
    for (Type thrown : method.getThrownTypes()) {
      if (thrown.tsym != null
          && thrown.tsym.getQualifiedName().contentEquals(INTERRUPTED_EXCEPTION)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} is one of {@code java.util.concurrent.atomic}'s classes. */
  public static boolean isAtomic(Type type) {
    return type != null
        && type.tsym != null
        && ASTHelpers.enclosingPackage(type.tsym)
            .map(p -> p.getQualifiedName().contentEquals("java.util.concurrent.atomic"))
            .orElse(false);
  }

  /**
   * The launches whose tasks run on the common pool: {@code CompletableFuture.runAsync} and
   * {@code supplyAsync} without an executor. Nothing interrupts them: {@code cancel(true)} of a
   * {@code CompletableFuture} does not, and nobody shuts the common pool down.
   */
  public static final Matcher<ExpressionTree> COMMON_POOL_LAUNCH =
      Matchers.anyOf(
          staticMethod()
              .onClass("java.util.concurrent.CompletableFuture")
              .named("runAsync")
              .withParameters("java.lang.Runnable"),
          staticMethod()
              .onClass("java.util.concurrent.CompletableFuture")
              .named("supplyAsync")
              .withParameters("java.util.function.Supplier"));

  /** The JDK's ways to start concurrent work whose task is the first argument. */
  public static final Matcher<ExpressionTree> THREAD_LAUNCH =
      Matchers.anyOf(
          NamedMethods.staticOf("java.lang.Thread", "startVirtualThread"),
          NamedMethods.onDescendantOf("java.lang.Thread.Builder", "start"),
          NamedMethods.onDescendantOf("java.util.concurrent.ExecutorService", "submit"),
          NamedMethods.onDescendantOf("java.util.concurrent.Executor", "execute"),
          NamedMethods.staticOf(
              "java.util.concurrent.CompletableFuture", "runAsync", "supplyAsync"));
  /**
   * A platform thread made with {@code new Thread(...)} (exactly that class: a subclass brings its
   * own {@code run()}); its {@code Runnable} argument runs when {@link #THREAD_START} starts it,
   * and in place when {@link #THREAD_RUN} is called.
   */
  public static final String THREAD = "java.lang.Thread";
  public static final String RUNNABLE = "java.lang.Runnable";
  public static final String CALLABLE = "java.util.concurrent.Callable";
  public static final Matcher<ExpressionTree> NEW_THREAD = constructor().forClass(THREAD);
  public static final Matcher<ExpressionTree> THREAD_START =
      instanceMethod().onDescendantOf(THREAD).named("start").withNoParameters();
  public static final Matcher<ExpressionTree> THREAD_RUN =
      NamedMethods.onDescendantOf(THREAD, "run");
  /**
   * Waits until a started task has ended: {@code join()} on its {@code Thread}, {@code get()} or
   * {@code join()} on its future (timed ones too: the callers ask "may the task have ended?").
   */
  public static final Matcher<ExpressionTree> TASK_JOIN =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(THREAD, "join"),
          NamedMethods.onDescendantOf("java.util.concurrent.Future", "get", "join"));
  /** The {@code Optional} methods that run a lambda in place, at most once. */
  public static final Matcher<ExpressionTree> OPTIONAL_CALLBACK =
      NamedMethods.onExactClass("java.util.Optional", "ifPresent", "ifPresentOrElse", "map",
          "flatMap", "filter", "orElseGet", "or");
  /**
   * The JDK methods that run a lambda they are given before they return, in the caller's
   * goroutine, any number of times: a channel operation in such a lambda is the caller's own,
   * repeated (a stream's operations run in its terminal operation; a parallel stream still ends
   * before it returns).
   */
  public static final Matcher<ExpressionTree> RUNS_CALLBACK_IN_PLACE =
      Matchers.anyOf(
          NamedMethods.onDescendantOf("java.lang.Iterable", "forEach"),
          NamedMethods.onDescendantOf("java.util.Iterator", "forEachRemaining"),
          NamedMethods.onDescendantOf("java.util.Map", "forEach", "computeIfAbsent",
              "computeIfPresent", "compute", "merge", "replaceAll"),
          NamedMethods.onDescendantOf("java.util.Collection", "removeIf"),
          NamedMethods.onDescendantOf("java.util.List", "replaceAll", "sort"),
          instanceMethod().onDescendantOf("java.util.stream.BaseStream"),
          OPTIONAL_CALLBACK);
  /**
   * Collections and streams of the elements written in the call: {@code List.of(a, b)}, {@code
   * Set.of}, {@code Stream.of}, {@code Collections.singletonList}, {@code Arrays.asList}; a loop
   * or a {@code forEach} over one runs once per argument.
   */
  public static final Matcher<ExpressionTree> LITERAL_COLLECTION =
      Matchers.anyOf(
          staticMethod().onClassAny("java.util.List", "java.util.Set", "java.util.stream.Stream")
              .named("of"),
          NamedMethods.staticOf("java.util.Collections", "singletonList", "singleton"),
          NamedMethods.staticOf("java.util.Arrays", "asList"));
  /** The JDK's ways to wait for other threads (joins, latches, barriers, queues, executors). */
  public static final Matcher<ExpressionTree> JDK_WAITS =
      Matchers.anyOf(
          NamedMethods.onDescendantOf("java.lang.Thread", "join"),
          NamedMethods.onDescendantOf("java.util.concurrent.Future", "get", "join"),
          NamedMethods.onDescendantOf("java.util.concurrent.CountDownLatch", "await"),
          NamedMethods.onDescendantOf("java.util.concurrent.CyclicBarrier", "await"),
          NamedMethods.onDescendantOf("java.util.concurrent.Phaser", "arriveAndAwaitAdvance",
              "awaitAdvance", "awaitAdvanceInterruptibly"),
          NamedMethods.onDescendantOf("java.util.concurrent.Semaphore", "acquire",
              "acquireUninterruptibly", "tryAcquire"),
          NamedMethods.onDescendantOf("java.util.concurrent.BlockingQueue", "take", "poll"),
          NamedMethods.onDescendantOf("java.util.concurrent.ExecutorService", "awaitTermination",
              "close", "invokeAll", "invokeAny"));
  /**
   * The JDK classes whose methods compute in memory: strings, boxes, {@code Math}, {@code
   * Optional} and the static helpers of java.util. Their calls fail only on a programming error
   * (a null, an index out of range), not where a task's work fails; see {@link #IN_MEMORY_KINDS}
   * for the collections.
   */
  public static final Set<String> IN_MEMORY_CLASSES =
      Set.of(
          "java.lang.String", "java.lang.StringBuilder", "java.lang.StringBuffer",
          "java.lang.AbstractStringBuilder",
          "java.lang.CharSequence", "java.lang.Math", "java.lang.StrictMath", "java.lang.Number",
          "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
          "java.lang.Character", "java.lang.Boolean", "java.lang.Double", "java.lang.Float",
          "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong",
          "java.util.OptionalDouble", "java.util.Objects", "java.util.Arrays",
          "java.util.Collections", "java.util.Map.Entry");
  /**
   * The in-memory collections: a class of java.util or java.util.concurrent of one of these kinds
   * (a list, set, map or iterator, the concurrent maps and copy-on-write lists included), but not
   * {@link #WAITING_COLLECTIONS}.
   */
  public static final List<String> IN_MEMORY_KINDS =
      List.of("java.util.Collection", "java.util.Map", "java.util.Iterator");
  /** The collections whose operations wait or refuse when full: the blocking queues. */
  public static final List<String> WAITING_COLLECTIONS =
      List.of("java.util.concurrent.BlockingQueue", "java.util.concurrent.BlockingDeque");
  /** The packages of {@link #IN_MEMORY_KINDS}. */
  public static final Set<String> COLLECTION_PACKAGES =
      Set.of("java.util", CONCURRENT_PACKAGE);
  public static final Matcher<ExpressionTree> REQUIRE_NON_NULL_ELSE =
      NamedMethods.staticOf("java.util.Objects", "requireNonNullElse");

  // Executors: created, shut down, and the JDK's shared pools that nobody shuts down.
  public static final String EXECUTOR = "java.util.concurrent.Executor";
  public static final String EXECUTOR_SERVICE = "java.util.concurrent.ExecutorService";
  public static final String SCHEDULED_EXECUTOR_SERVICE =
      "java.util.concurrent.ScheduledExecutorService";
  /**
   * {@code Executors}' factories of a new pool, whose worker threads outlive their tasks. Not
   * {@code unconfigurableExecutorService} (a view of a pool made elsewhere) nor {@code
   * ForkJoinPool.commonPool()} (the process's own).
   */
  public static final Matcher<ExpressionTree> POOL_FACTORY =
      NamedMethods.staticOf("java.util.concurrent.Executors", "newFixedThreadPool",
              "newCachedThreadPool",
              "newSingleThreadExecutor",
              "newScheduledThreadPool",
              "newSingleThreadScheduledExecutor",
              "newWorkStealingPool");
  /** {@code Executors}' factories of executors that start one thread per task and keep none. */
  public static final Matcher<ExpressionTree> THREAD_PER_TASK_FACTORY =
      NamedMethods.staticOf("java.util.concurrent.Executors", "newVirtualThreadPerTaskExecutor",
          "newThreadPerTaskExecutor");
  /** The pool classes whose constructors start a pool (their subclasses' too). */
  public static final List<String> POOL_CLASSES =
      List.of("java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.ForkJoinPool");
  /** The calls that end a pool: after one, its idle threads exit. */
  public static final Matcher<ExpressionTree> EXECUTOR_SHUTDOWN =
      NamedMethods.onDescendantOf(EXECUTOR_SERVICE, "shutdown", "shutdownNow", "close");
  /**
   * The calls that interrupt running tasks, waking a task blocked in {@code put} or {@code take}:
   * {@code shutdownNow()}, {@code future.cancel(...)}, {@code thread.interrupt()}.
   */
  public static final Matcher<ExpressionTree> INTERRUPTS_TASKS =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(EXECUTOR_SERVICE, "shutdownNow"),
          NamedMethods.onDescendantOf("java.util.concurrent.Future", "cancel"),
          NamedMethods.onDescendantOf("java.lang.Thread", "interrupt"));
  /**
   * Starting a thread of its own for a task: a virtual thread, a builder's thread, or {@code
   * thread.start()}; the {@code Thread} is the task's only handle.
   */
  public static final Matcher<ExpressionTree> TASK_THREAD_START =
      Matchers.anyOf(
          NamedMethods.staticOf("java.lang.Thread", "startVirtualThread"),
          NamedMethods.onDescendantOf("java.lang.Thread.Builder", "start"),
          THREAD_START);
  /** Giving a task to an executor: {@code submit}, {@code execute}. */
  public static final Matcher<ExpressionTree> EXECUTOR_LAUNCH =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(EXECUTOR_SERVICE, "submit"),
          NamedMethods.onDescendantOf(EXECUTOR, "execute"));
  /**
   * The pool methods that neither interrupt its tasks nor hand the pool to code that could: what
   * a pool's maker may call and still leave a task running for ever.
   */
  public static final java.util.Set<String> POOL_USES_THAT_KEEP_TASKS =
      java.util.Set.of(
          "submit", "execute", "shutdown", "close", "awaitTermination", "isShutdown",
          "isTerminated");
  /** {@link #EXECUTOR_SHUTDOWN}'s names, for method references ({@code pool::shutdown}). */
  public static final java.util.Set<String> EXECUTOR_SHUTDOWN_NAMES =
      java.util.Set.of("shutdown", "shutdownNow", "close");

  /**
   * Whether {@code tree} makes a new pool that keeps threads: a {@link #POOL_FACTORY} call or a
   * constructor of one of {@link #POOL_CLASSES}.
   */
  public static boolean isPoolCreation(ExpressionTree tree, VisitorState state) {
    if (tree instanceof MethodInvocationTree) {
      return POOL_FACTORY.matches(tree, state);
    }
    if (tree instanceof NewClassTree created) {
      Type type = com.google.errorprone.util.ASTHelpers.getType(created);
      return POOL_CLASSES.stream().anyMatch(pool -> GoconcApi.isSubtypeOf(type, pool, state));
    }
    return false;
  }

  // Periodic tasks: a ScheduledFuture or a java.util.Timer that fires until cancelled.
  public static final String TIMER = "java.util.Timer";
  public static final Matcher<ExpressionTree> SCHEDULE_PERIODIC =
      NamedMethods.onDescendantOf(SCHEDULED_EXECUTOR_SERVICE, "scheduleAtFixedRate",
          "scheduleWithFixedDelay");
  private static final Matcher<ExpressionTree> TIMER_SCHEDULE =
      NamedMethods.onDescendantOf(TIMER, "schedule", "scheduleAtFixedRate");
  public static final Matcher<ExpressionTree> TIMER_CANCEL =
      NamedMethods.onDescendantOf(TIMER, "cancel");
  public static final Matcher<ExpressionTree> TIMER_TASK_CANCEL =
      NamedMethods.onDescendantOf("java.util.TimerTask", "cancel");

  /**
   * Whether {@code call} schedules a task on a {@code java.util.Timer} to repeat: {@code
   * schedule(task, delay, period)}, {@code scheduleAtFixedRate(...)} (the three-argument forms; the
   * two-argument {@code schedule} runs once).
   */
  public static boolean isPeriodicTimerSchedule(MethodInvocationTree call, VisitorState state) {
    return call.getArguments().size() == 3 && TIMER_SCHEDULE.matches(call, state);
  }

  // Futures.
  public static final String FUTURE = "java.util.concurrent.Future";
  public static final String COMPLETABLE_FUTURE = "java.util.concurrent.CompletableFuture";
  public static final Matcher<ExpressionTree> FUTURE_CANCEL =
      NamedMethods.onDescendantOf(FUTURE, "cancel");
  /** Questions about a future's state: {@code isDone()}, {@code isCancelled()}, {@code state()}. */
  public static final Matcher<ExpressionTree> FUTURE_STATE =
      NamedMethods.onDescendantOf(FUTURE, "isDone", "isCancelled", "state");
  /** {@code future.get(timeout, unit)}: the wait that can give up. */
  public static final Matcher<ExpressionTree> FUTURE_TIMED_GET =
      instanceMethod()
          .onDescendantOf(FUTURE)
          .named("get")
          .withParameters("long", "java.util.concurrent.TimeUnit");
  public static final String FUTURE_TASK = "java.util.concurrent.FutureTask";
  public static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";
  public static final String TIMEOUT_EXCEPTION = "java.util.concurrent.TimeoutException";
  public static final Supplier<Type> TIMEOUT_EXCEPTION_TYPE = Suppliers.typeFromString(TIMEOUT_EXCEPTION);
  /**
   * The calls that start a task and return its future, which the caller may cancel: {@code
   * submit} and {@code schedule} on an executor, {@code CompletableFuture.supplyAsync/runAsync}.
   */
  public static final Matcher<ExpressionTree> FUTURE_START =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(EXECUTOR_SERVICE, "submit"),
          NamedMethods.onDescendantOf(SCHEDULED_EXECUTOR_SERVICE, "schedule"),
          NamedMethods.staticOf(COMPLETABLE_FUTURE, "runAsync", "supplyAsync"));
  /** Waits for a future's result: {@code get} (timed or not) and {@code join}. */
  public static final Matcher<ExpressionTree> FUTURE_WAIT =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(FUTURE, "get"),
          NamedMethods.onDescendantOf(COMPLETABLE_FUTURE, "join"));
  /**
   * The calls that stop an executor's running tasks, or wait for them: {@code shutdownNow()}
   * interrupts them, {@code close()} waits until they end. ({@code shutdown()} does neither.)
   */
  public static final Matcher<ExpressionTree> EXECUTOR_STOP =
      NamedMethods.onDescendantOf(EXECUTOR_SERVICE, "shutdownNow", "close");
  public static final Matcher<ExpressionTree> COMPLETABLE_FUTURE_NEW =
      constructor().forClass(COMPLETABLE_FUTURE);
  /**
   * The calls that arrange for a {@code CompletableFuture} to complete by itself after a delay,
   * whatever else happens: after one, nobody waits on it forever.
   */
  public static final Matcher<ExpressionTree> COMPLETABLE_FUTURE_TIMEOUT =
      NamedMethods.onDescendantOf(COMPLETABLE_FUTURE, "orTimeout", "completeOnTimeout");
  /**
   * The {@code CompletionStage} methods whose callback runs only when the stage (and, for the
   * two-stage forms, the other one) completes normally.
   */
  public static final Matcher<ExpressionTree> STAGE_ON_SUCCESS =
      NamedMethods.onDescendantOf(COMPLETION_STAGE, "thenApply", "thenApplyAsync", "thenAccept",
              "thenAcceptAsync", "thenRun", "thenRunAsync", "thenCompose", "thenComposeAsync", "thenCombine",
              "thenCombineAsync", "thenAcceptBoth", "thenAcceptBothAsync", "runAfterBoth",
              "runAfterBothAsync", "applyToEither", "applyToEitherAsync", "acceptEither",
              "acceptEitherAsync", "runAfterEither", "runAfterEitherAsync");
  /** The {@code CompletionStage} methods whose callback runs on either outcome. */
  public static final Matcher<ExpressionTree> STAGE_ON_ANY_OUTCOME =
      NamedMethods.onDescendantOf(COMPLETION_STAGE, "handle", "handleAsync", "whenComplete",
          "whenCompleteAsync");
  /** The {@code CompletionStage} methods whose callback runs only when the stage failed. */
  public static final Matcher<ExpressionTree> STAGE_ON_FAILURE =
      NamedMethods.onDescendantOf(COMPLETION_STAGE, "exceptionally", "exceptionallyAsync",
          "exceptionallyCompose", "exceptionallyComposeAsync");
  /**
   * The {@code CompletionStage} methods that turn a failure into a value: a stage chained after
   * one runs on either outcome of the stage before it.
   */
  public static final Matcher<ExpressionTree> STAGE_RECOVERS =
      Matchers.anyOf(
          STAGE_ON_FAILURE,
          NamedMethods.onDescendantOf(COMPLETION_STAGE, "handle", "handleAsync"));
  /** Every {@code CompletionStage} method that chains a callback: a wait on the stage. */
  public static final Matcher<ExpressionTree> STAGE_CHAIN =
      Matchers.anyOf(STAGE_ON_SUCCESS, STAGE_ON_ANY_OUTCOME, STAGE_ON_FAILURE);
  /** The calls that settle a {@code CompletableFuture} from outside. */
  public static final Matcher<ExpressionTree> COMPLETABLE_FUTURE_COMPLETE =
      NamedMethods.onDescendantOf(COMPLETABLE_FUTURE, "complete",
              "completeExceptionally",
              "cancel",
              "obtrudeValue",
              "obtrudeException",
              "completeAsync",
              "completeOnTimeout");
  /** {@link #COMPLETABLE_FUTURE_COMPLETE}'s names, for method references ({@code f::complete}). */
  public static final java.util.Set<String> COMPLETABLE_FUTURE_COMPLETE_NAMES =
      java.util.Set.of(
          "complete",
          "completeExceptionally",
          "cancel",
          "obtrudeValue",
          "obtrudeException",
          "completeAsync",
          "completeOnTimeout");

  // Latches, semaphores, phasers: the WaitGroup's JDK cousins.
  public static final String COUNT_DOWN_LATCH = "java.util.concurrent.CountDownLatch";
  public static final String SEMAPHORE = "java.util.concurrent.Semaphore";
  public static final String PHASER = "java.util.concurrent.Phaser";
  public static final Matcher<ExpressionTree> LATCH_COUNT_DOWN =
      NamedMethods.onDescendantOf(COUNT_DOWN_LATCH, "countDown");
  public static final Matcher<ExpressionTree> SEMAPHORE_RELEASE =
      NamedMethods.onDescendantOf(SEMAPHORE, "release");
  public static final Matcher<ExpressionTree> PHASER_ARRIVE =
      NamedMethods.onDescendantOf(PHASER, "arrive", "arriveAndDeregister", "arriveAndAwaitAdvance");
  public static final Matcher<ExpressionTree> PHASER_REGISTER =
      NamedMethods.onDescendantOf(PHASER, "register", "bulkRegister");
  /**
   * The calls that give a waiter what it waits for and return at once: {@code latch.countDown()},
   * {@code semaphore.release(...)}, {@code phaser.arrive()}, {@code phaser.arriveAndDeregister()}
   * (not {@code arriveAndAwaitAdvance}, which waits too).
   */
  public static final Matcher<ExpressionTree> COUNT_DOWN =
      Matchers.anyOf(
          LATCH_COUNT_DOWN,
          SEMAPHORE_RELEASE,
          NamedMethods.onDescendantOf(PHASER, "arrive", "arriveAndDeregister"));
  /**
   * Waits with no timeout: {@code latch.await()}, {@code phaser.awaitAdvance(p)}, {@code
   * phaser.awaitAdvanceInterruptibly(p)}, {@code arriveAndAwaitAdvance()}, {@code acquire()}.
   */
  public static final Matcher<ExpressionTree> UNTIMED_BARRIER_WAIT =
      Matchers.anyOf(
          instanceMethod().onDescendantOf(COUNT_DOWN_LATCH).named("await").withNoParameters(),
          NamedMethods.onDescendantOf(PHASER, "awaitAdvance", "arriveAndAwaitAdvance"),
          instanceMethod()
              .onDescendantOf(PHASER)
              .named("awaitAdvanceInterruptibly")
              .withParameters("int"),
          NamedMethods.onDescendantOf(SEMAPHORE, "acquire", "acquireUninterruptibly"));
  /**
   * The count-downs of latches and phasers: {@code countDown()}, {@code arrive()}, {@code
   * arriveAndDeregister()}. Not a semaphore's {@code release()}, which its waiter needs only when
   * no permit is free.
   */
  public static final Matcher<ExpressionTree> LATCH_OR_PHASER_COUNT_DOWN =
      Matchers.anyOf(
          LATCH_COUNT_DOWN,
          NamedMethods.onDescendantOf(PHASER, "arrive", "arriveAndDeregister"));
  /**
   * The untimed waits of latches and phasers, which return only once every party counted down:
   * {@code latch.await()}, {@code awaitAdvance(p)}, {@code awaitAdvanceInterruptibly(p)}, {@code
   * arriveAndAwaitAdvance()}.
   */
  public static final Matcher<ExpressionTree> LATCH_OR_PHASER_AWAIT =
      Matchers.anyOf(
          instanceMethod().onDescendantOf(COUNT_DOWN_LATCH).named("await").withNoParameters(),
          NamedMethods.onDescendantOf(PHASER, "awaitAdvance", "arriveAndAwaitAdvance"),
          instanceMethod()
              .onDescendantOf(PHASER)
              .named("awaitAdvanceInterruptibly")
              .withParameters("int"));
  /** The names {@link #LATCH_OR_PHASER_AWAIT} matches, for a cheap look before the matcher. */
  public static final java.util.Set<String> LATCH_OR_PHASER_AWAIT_NAMES =
      java.util.Set.of("await", "awaitAdvance", "arriveAndAwaitAdvance",
          "awaitAdvanceInterruptibly");
  /** Every wait on a latch, semaphore or phaser, timed or not ({@code tryAcquire} included). */
  public static final Matcher<ExpressionTree> BARRIER_WAIT =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(COUNT_DOWN_LATCH, "await"),
          NamedMethods.onDescendantOf(PHASER, "awaitAdvance", "awaitAdvanceInterruptibly",
              "arriveAndAwaitAdvance"),
          NamedMethods.onDescendantOf(
              SEMAPHORE, "acquire", "acquireUninterruptibly", "tryAcquire"));

  // Locks: java.util.concurrent.locks.Lock, taken and released by calls (monitors are syntax).
  public static final String LOCK = "java.util.concurrent.locks.Lock";
  /** Taking a lock, waiting for it as long as it takes: {@code lock()}, {@code lockInterruptibly()}. */
  public static final Matcher<ExpressionTree> LOCK_ACQUIRE =
      NamedMethods.onDescendantOf(LOCK, "lock", "lockInterruptibly");
  public static final Matcher<ExpressionTree> LOCK_RELEASE =
      NamedMethods.onDescendantOf(LOCK, "unlock");

  // Blocking queues: the JDK's channels.
  public static final String BLOCKING_QUEUE = "java.util.concurrent.BlockingQueue";
  /** Sends that block while the queue is full. */
  public static final Matcher<ExpressionTree> QUEUE_PUT =
      NamedMethods.onDescendantOf(BLOCKING_QUEUE, "put");
  /** Receives that block while the queue is empty. */
  public static final Matcher<ExpressionTree> QUEUE_TAKE =
      NamedMethods.onDescendantOf(BLOCKING_QUEUE, "take");

  /** A receive that waits a while: {@code poll(timeout, unit)}. */
  public static final Matcher<ExpressionTree> QUEUE_TIMED_POLL =
      instanceMethod()
          .onDescendantOf(BLOCKING_QUEUE)
          .named("poll")
          .withParameters("long", "java.util.concurrent.TimeUnit");
  /** The queue methods that add a value (only {@code put} waits for room for ever). */
  public static final java.util.Set<String> QUEUE_SENDS = java.util.Set.of("put", "offer", "add");
  /** The queue methods that remove one value (only {@code take} waits for one for ever). */
  public static final java.util.Set<String> QUEUE_RECEIVES = java.util.Set.of("take", "poll");
  /** The queue methods that only look: they change nothing a count depends on. */
  public static final java.util.Set<String> QUEUE_INSPECTIONS =
      java.util.Set.of(
          "size", "isEmpty", "remainingCapacity", "peek", "contains", "toString", "hashCode",
          "equals");
  /** The queue classes whose first {@code int} argument, when given, bounds them. */
  private static final List<String> BOUNDABLE_QUEUES =
      List.of("java.util.concurrent.LinkedBlockingQueue", "java.util.concurrent.LinkedBlockingDeque");
  /** The queue classes that hold every value put ({@code put} never waits). */
  private static final List<String> UNBOUNDED_QUEUES =
      List.of(
          "java.util.concurrent.PriorityBlockingQueue",
          "java.util.concurrent.DelayQueue",
          "java.util.concurrent.LinkedTransferQueue");

  /**
   * The capacity a queue constructor gives: its constant {@code int} argument for an {@code
   * ArrayBlockingQueue} (and a bounded {@code LinkedBlockingQueue}/{@code Deque}), 0 for a {@code
   * SynchronousQueue}, {@code Integer.MAX_VALUE} for the unbounded ones; -1 when the bound is not
   * a constant; null when {@code created} makes no queue this table knows (a subclass, another
   * implementation).
   */
  public static Integer queueCapacity(NewClassTree created, VisitorState state) {
    Type type = com.google.errorprone.util.ASTHelpers.getType(created);
    if (type == null || type.tsym == null) {
      return null;
    }
    String name = type.tsym.getQualifiedName().toString();
    boolean intFirst = !created.getArguments().isEmpty()
        && com.google.errorprone.util.ASTHelpers.getType(created.getArguments().get(0)) != null
        && com.google.errorprone.util.ASTHelpers.getType(created.getArguments().get(0)).getKind()
            == javax.lang.model.type.TypeKind.INT;
    Integer constant = intFirst
        ? com.google.errorprone.util.ASTHelpers.constValue(created.getArguments().get(0), Integer.class)
        : null;
    if (name.equals("java.util.concurrent.ArrayBlockingQueue")) {
      return constant == null ? -1 : constant;
    }
    if (BOUNDABLE_QUEUES.contains(name)) {
      return !intFirst ? Integer.MAX_VALUE : constant == null ? -1 : constant;
    }
    if (name.equals("java.util.concurrent.SynchronousQueue")) {
      return 0;
    }
    return UNBOUNDED_QUEUES.contains(name) ? Integer.MAX_VALUE : null;
  }

  /**
   * The java.util.concurrent rules' cheap first exit, called before any tree walk: whether the
   * unit imports a type of {@code java.util.concurrent} itself (or a static member of one, or the
   * whole package), or imports {@code java.util.Timer}: the executors, futures, latches,
   * phasers, queues and schedulers those rules judge. A unit that imports only atomics or locks
   * (the subpackages) holds values and monitors, not tasks or obligations, and costs these rules
   * nothing. As with {@link GoconcApi#mentionsRuntime}, code that names these types only by fully
   * qualified names in the body is not analysed.
   */
  public static boolean mentionsConcurrency(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, MENTIONS_CONCURRENCY, unit, () -> mentionsConcurrency(unit, false));
  }

  /**
   * The broader exit, for a rule whose tasks may also be started without a java.util.concurrent
   * type ({@code Thread.ofVirtual().start(...)}): any import from {@code java.util.concurrent} or
   * its subpackages, or of {@code java.util.Timer}.
   */
  public static boolean mentionsConcurrencyOrItsSubpackages(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, MENTIONS_SUBPACKAGES, unit, () -> mentionsConcurrency(unit, true));
  }

  private static final UnitMemo.Fact<Boolean> MENTIONS_CONCURRENCY =
      new UnitMemo.Fact<>("names a type of java.util.concurrent");
  private static final UnitMemo.Fact<Boolean> MENTIONS_SUBPACKAGES =
      new UnitMemo.Fact<>("names java.util.concurrent or its subpackages");

  /** The two exits' one reading of the imports. */
  public static boolean mentionsConcurrency(CompilationUnitTree unit, boolean subpackagesToo) {
    for (ImportTree imp : unit.getImports()) {
      List<String> names = dottedNames(imp.getQualifiedIdentifier());
      if (names.size() < 3 || !names.get(0).equals("java") || !names.get(1).equals("util")) {
        continue;
      }
      if (names.get(2).equals("Timer")) {
        return true;
      }
      if (names.get(2).equals("concurrent")
          && (subpackagesToo || names.size() == 3 || !SUBPACKAGES.contains(names.get(3)))) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> SUBPACKAGES = Set.of("atomic", "locks");

  /** The names of a dotted name, leftmost first, without printing the tree. */
  private static List<String> dottedNames(Tree name) {
    java.util.ArrayDeque<String> names = new java.util.ArrayDeque<>();
    Tree at = name;
    while (at instanceof MemberSelectTree select) {
      names.addFirst(select.getIdentifier().toString());
      at = select.getExpression();
    }
    if (at instanceof IdentifierTree root) {
      names.addFirst(root.getName().toString());
    }
    return List.copyOf(names);
  }
}
