package dev.goconc.checker;

import static com.google.errorprone.BugPattern.LinkType.CUSTOM;
import static com.google.errorprone.BugPattern.SeverityLevel.WARNING;

import com.google.auto.service.AutoService;
import com.google.errorprone.BugPattern;
import com.google.errorprone.VisitorState;
import com.google.errorprone.bugpatterns.BugChecker.ClassTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker.MethodTreeMatcher;
import com.google.errorprone.bugpatterns.BugChecker;
import com.google.errorprone.matchers.Description;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.CrashPolicy;
import dev.goconc.checker.model.ReleaseObligations;
import dev.goconc.checker.model.UnreleasedFields;
import java.util.Set;

/**
 * A thread pool that its creator never shuts down: its idle workers stay alive (and, being
 * non-daemon by default, keep the JVM from exiting); a method that makes one per call grows the
 * process's threads with every call. The java.util.concurrent twin of LostCancel, answered by the
 * same analysis ({@link ReleaseObligations}) and, for fields, {@link UnreleasedFields}:
 *
 * <ul>
 *   <li>A pool is what {@code Executors.newFixedThreadPool}, {@code newCachedThreadPool}, {@code
 *       newSingleThreadExecutor}, {@code newScheduledThreadPool}, {@code
 *       newSingleThreadScheduledExecutor} or {@code newWorkStealingPool} returns, or a new {@code
 *       ThreadPoolExecutor}/{@code ScheduledThreadPoolExecutor}/{@code ForkJoinPool} (or a
 *       subclass). Not {@code ForkJoinPool.commonPool()}, and not the thread-per-task executors
 *       ({@code newVirtualThreadPerTaskExecutor}, {@code newThreadPerTaskExecutor}): they keep no
 *       idle threads, so leaving one unclosed loses nothing its tasks' futures do not already
 *       give.
 *   <li>A pool made in a method (or lambda, or initializer block) must reach every {@code return}
 *       and the end of the body through {@code shutdown()}, {@code shutdownNow()} or {@code
 *       close()}, a try-with-resources, or a hand-over: returned, stored, or passed where the
 *       callee can shut it down (an {@code ExecutorService} or {@code AutoCloseable} parameter, a
 *       generic holder). Passing it as a plain {@code Executor} ({@code
 *       CompletableFuture.runAsync(task, pool)}) is a use, not a hand-over. A method reference
 *       {@code pool::shutdown} (a shutdown hook) counts where it is written. An explicit {@code
 *       throw} needs no shutdown; a {@code return} from the {@code catch} that takes a call's
 *       exception does, as does a second assignment to the local before the first pool is shut
 *       down ({@link dev.goconc.checker.model.ReleaseObligations}).
 *   <li>Unlike LostCancel, {@code main(String[])} is judged: a pool's non-daemon threads outlive
 *       it and the program does not end.
 *   <li>A private instance field that the class gives a pool it makes (in the declaration, a
 *       constructor, any method) and that no code of the top-level class shuts down or hands
 *       over. A static field is a pool for the life of the process, deliberately: quiet. A field
 *       only ever given pools from outside belongs to whoever made them: quiet.
 * </ul>
 *
 * <p>The fix, offered where the pool is a local declared or assigned as a statement of a block,
 * wraps the rest of the block in {@code try { ... } finally { pool.shutdown(); }}: {@code
 * shutdown()} lets submitted tasks finish without waiting for them, as the code did before.
 * try-with-resources is not offered: since JDK 19 {@code close()} also waits for every task,
 * which would change when the method returns.
 */
@AutoService(BugChecker.class)
@BugPattern(
    summary =
        "A thread pool that is never shut down keeps its idle threads, and the JVM, alive;"
            + " shut it down on every path",
    severity = WARNING,
    tags = JdkApi.RULE_TAG,
    link = GoconcApi.RULES_BASE_URL + "ExecutorNotShutDown.md",
    linkType = CUSTOM)
public final class ExecutorNotShutDown extends BugChecker
    implements MethodTreeMatcher, ClassTreeMatcher {

  private static final ReleaseObligations.Obligation POOLS =
      new ReleaseObligations.Obligation() {
        @Override
        public boolean appliesTo(VisitorState state) {
          return JdkApi.mentionsConcurrency(state);
        }

        @Override
        public boolean isCreation(ExpressionTree tree, VisitorState state) {
          return JdkApi.isPoolCreation(tree, state);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return JdkApi.EXECUTOR_SHUTDOWN.matches(call, state);
        }

        @Override
        public Set<String> releaseNames() {
          return JdkApi.EXECUTOR_SHUTDOWN_NAMES;
        }

        @Override
        public String noun(ExpressionTree creation) {
          return "thread pool";
        }

        @Override
        public String verb() {
          return "shutting down";
        }

        @Override
        public String verbIt() {
          return "shutting it down";
        }

        @Override
        public String consequence(ExpressionTree creation) {
          return "its idle threads stay alive after it is done (non-daemon by default, they keep"
              + " the JVM from exiting), and every call makes more";
        }

        @Override
        public String releaseMethod() {
          return "shutdown";
        }

        @Override
        public boolean releasedByProcessExit() {
          return false;
        }

        @Override
        public boolean releasedByClose() {
          return false;
        }

        @Override
        public String remedy() {
          return "call shutdown() in a finally block (or close() it, which also waits for its"
              + " tasks)";
        }

        @Override
        public String remedyForDropped() {
          return "keep it in a variable and shut it down when its tasks are submitted";
        }
      };

  private static final UnreleasedFields.FieldObligation POOL_FIELDS =
      new UnreleasedFields.FieldObligation() {
        @Override
        public boolean tracks(VarSymbol field, VisitorState state) {
          return (field.flags() & Flags.STATIC) == 0
              && GoconcApi.isSubtypeOf(field.type, JdkApi.EXECUTOR, state);
        }

        @Override
        public boolean ownedOnlyWhenCreated() {
          return true;
        }

        @Override
        public boolean isCreation(ExpressionTree value, VisitorState state) {
          return JdkApi.isPoolCreation(value, state);
        }

        @Override
        public boolean isRelease(MethodInvocationTree call, VisitorState state) {
          return JdkApi.EXECUTOR_SHUTDOWN.matches(call, state);
        }

        @Override
        public boolean releasesByReference(String name) {
          return JdkApi.EXECUTOR_SHUTDOWN_NAMES.contains(name);
        }
      };

  @Override
  public Description matchMethod(MethodTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> ReleaseObligations.report(this, POOLS, tree, state));
  }

  @Override
  public Description matchClass(ClassTree tree, VisitorState state) {
    return CrashPolicy.describe(state, () -> analyseClass(tree, state));
  }

  private Description analyseClass(ClassTree tree, VisitorState state) {
    ReleaseObligations.reportInitializers(this, POOLS, tree, state);
    if (!(state.getPath().getParentPath().getLeaf() instanceof CompilationUnitTree)
        || !JdkApi.mentionsConcurrency(state)) {
      return Description.NO_MATCH; // fields are judged once, from the top-level class
    }
    for (var field : UnreleasedFields.in(tree, POOL_FIELDS, state)) {
      state.reportMatch(
          buildDescription(field)
              .setMessage(
                  String.format(
                      "private field '%s' holds a thread pool that %s makes and no code of %s"
                          + " shuts down, so its threads outlive every instance (non-daemon by"
                          + " default, they keep the JVM from exiting); shut it down when the"
                          + " owner closes",
                      field.getName(),
                      tree.getSimpleName(),
                      tree.getSimpleName()))
              .build());
    }
    return Description.NO_MATCH;
  }
}
