package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TryTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.flow.ExitPaths;
import dev.goconc.checker.flow.SourceOrder;
import dev.goconc.checker.util.SourceLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * Whether a {@code WaitGroup} can be counted down more often than it was counted up, which takes
 * its counter below zero: {@code done()} then throws {@code IllegalStateException} (Go panics with
 * "negative WaitGroup counter"), and an {@code await()} can return while goroutines still run.
 *
 * <p>For a group made in a method ({@code WaitGroup wg = new WaitGroup()}, never reassigned), the
 * method's own code is the whole story when the group is used only as the receiver of {@code
 * add}, {@code done}, {@code await} and {@code go}: any other use (an argument, a field, a return,
 * {@code wg::add}) lets unseen code count it, and the group is not judged. Two counts are compared,
 * each a {@link SymbolicCount} over the same unknowns (a loop's rounds, {@code n} in {@code for
 * (int i = 0; i < n; i++)}, the size of a list or array nothing changes):
 *
 * <ul>
 *   <li>the most the adds can add: every {@code wg.add(k)} of the method's own code with {@code k}
 *       a constant, an {@code int} variable that never changes, {@code list.size()} or {@code
 *       array.length} (or sums and products of those), times the most rounds of the loops around
 *       it, and one for each {@code wg.go(...)}; an add in a lambda, a goroutine or a class, or of
 *       any other count, leaves the group unjudged;
 *   <li>the fewest {@code done()} calls that certainly run on a path that reaches a given launch:
 *       that launch's, and those of every launch (or direct {@code wg.done()}) that every path to it
 *       passes first (read off the method's control-flow graph, so an early return or a branch in
 *       between is understood). A goroutine counts the fewest {@code done()} calls on any path
 *       through it; {@code wg.go} adds its own. A launch inside loops counts their rounds only
 *       when it runs once in every round: no {@code break}, {@code continue}, {@code return} or
 *       {@code throw} in the loop and no branch around the launch.
 * </ul>
 *
 * Branches make the first count larger and the second smaller, so a finding holds on every path
 * through the branches. The dones of code this cannot place (a callback, a goroutine started by
 * a goroutine) are left out, which can only make the second count smaller.
 *
 * <p>A private field that no code of the unit adds to (it counts only through {@code wg.go}, which
 * calls {@code done} itself) takes the same fall with its first explicit {@code done()}.
 */
public final class WaitGroupCounts {
  private WaitGroupCounts() {}

  /**
   * Dones that outrun the count: on every path that reaches {@code site} (a launch, or a direct
   * {@code done()}) at least {@code dones} calls of {@code done()} run, while the {@code adds}
   * count at most {@code added}.
   */
  public record Excess(Tree site, SymbolicCount dones, SymbolicCount added,
      List<MethodInvocationTree> adds, boolean onceLarge) {}

  /**
   * Whether {@code dones} outrun {@code added}: for every value of the unknowns they count over,
   * or (a constant count against dones per element of a local collection, {@code wg.add(1)} before
   * a goroutine per part) as soon as a collection holds more elements than the constant. A
   * collection of one element is not worth a loop; an {@code int} bound ({@code add(3)} against
   * {@code n} rounds) is not compared, since {@code n} may be kept at most 3 by code the model
   * does not read.
   */
  private static boolean outrun(SymbolicCount dones, SymbolicCount added) {
    return dones.exceeds(added) || outgrown(dones, added);
  }

  private static boolean outgrown(SymbolicCount dones, SymbolicCount added) {
    return dones.outgrows(added, unknown -> unknown.key() instanceof SizeOf);
  }

  /** The excess of the group a method declares at {@code declaration}, if it has one. */
  public static Optional<Excess> excess(TreePath declaration, VisitorState state) {
    if (!(declaration.getLeaf() instanceof VariableTree variable)
        || !(ASTHelpers.getSymbol(variable) instanceof VarSymbol group)
        || group.getKind() != ElementKind.LOCAL_VARIABLE
        || !isFinal(group)
        || !(variable.getInitializer() instanceof NewClassTree created)
        || !ASTHelpers.isSameType(
            ASTHelpers.getType(created), GoconcApi.WAIT_GROUP_TYPE.get(state), state)
        || !(declaration.getParentPath().getLeaf() instanceof BlockTree)) {
      return Optional.empty();
    }
    TreePath scope = declaration.getParentPath();
    TreePath root = CodeRoots.rootOf(scope);
    if (root == null) {
      return Optional.empty();
    }
    List<TreePath> adds = new ArrayList<>();
    List<TreePath> directDones = new ArrayList<>();
    if (!usesAreCounted(group, scope, root.getLeaf(), adds, directDones, state)) {
      return Optional.empty();
    }
    List<TreePath> launches = launchesIn(scope, root.getLeaf(), state);
    List<Tree> counted = new ArrayList<>();
    adds.forEach(add -> counted.add(add.getLeaf()));
    launches.forEach(launch -> counted.add(launch.getLeaf()));
    Counting counting = new Counting(scope, root, counted, state);
    SymbolicCount added = SymbolicCount.ZERO;
    for (TreePath add : adds) {
      SymbolicCount count =
          counting.value(((MethodInvocationTree) add.getLeaf()).getArguments().get(0));
      if (count == null) {
        return Optional.empty();
      }
      added = added.plus(count.times(counting.mostRounds(add)));
    }
    for (TreePath launch : launches) {
      if (countedBy(launch, group, state)) {
        added = added.plus(counting.mostRounds(launch));
      }
    }
    if (!mayExceed(added, directDones, launches, group, counting, state)) {
      return Optional.empty(); // the usual count: no graph needs reading to say so
    }
    List<DoneSite> sites = doneSites(directDones, launches, group, counting, state,
        body -> fewestDones(body, group, state));
    if (sites.isEmpty()) {
      return Optional.empty();
    }
    sites.sort(Comparator.comparingLong(site -> ASTHelpers.getStartPosition(site.path.getLeaf())));
    Optional<ExitPaths> paths = ExitPaths.of(root, state);
    if (paths.isEmpty()) {
      return Optional.empty();
    }
    List<MethodInvocationTree> addCalls =
        adds.stream().map(add -> (MethodInvocationTree) add.getLeaf()).toList();
    for (DoneSite witness : sites) {
      Tree reached = witness.path.getLeaf();
      if (paths.get().reachedAvoiding(null, t -> t == reached, t -> false).isEmpty()) {
        continue; // dead code
      }
      SymbolicCount dones = witness.timesWhenReached().times(SymbolicCount.of(witness.dones));
      for (DoneSite before : sites) {
        Tree entry = before.entry();
        if (before != witness
            && before.exactTimes != null
            && entry != null
            && paths.get().reachedAvoiding(null, t -> t == reached, t -> t == entry).isEmpty()) {
          dones = dones.plus(before.exactTimes.times(SymbolicCount.of(before.dones)));
        }
      }
      if (outrun(dones, added)) {
        return Optional.of(new Excess(reached, dones, added, addCalls, !dones.exceeds(added)));
      }
    }
    return Optional.empty();
  }

  /**
   * For a private field {@code WaitGroup} of the unit that no code adds to and that is used only as
   * the receiver of {@code done}, {@code await} and {@code go}: its first {@code done()} call.
   */
  public static Optional<MethodInvocationTree> doneWithoutAdd(
      TreePath declaration, VisitorState state) {
    if (!(declaration.getLeaf() instanceof VariableTree variable)
        || !(ASTHelpers.getSymbol(variable) instanceof VarSymbol group)
        || group.getKind() != ElementKind.FIELD
        || !group.getModifiers().contains(Modifier.PRIVATE)
        || !ASTHelpers.isSameType(group.type, GoconcApi.WAIT_GROUP_TYPE.get(state), state)) {
      return Optional.empty();
    }
    TreePath unit = new TreePath(declaration.getCompilationUnit());
    List<TreePath> adds = new ArrayList<>();
    List<TreePath> dones = new ArrayList<>();
    if (!usesAreCounted(group, unit, null, adds, dones, state) || !adds.isEmpty()) {
      return Optional.empty();
    }
    return dones.stream()
        .map(done -> (MethodInvocationTree) done.getLeaf())
        .min(Comparator.comparingLong(ASTHelpers::getStartPosition));
  }

  /**
   * Whether every use of {@code group} inside {@code scope} is a call of its {@code add()}, {@code
   * done()}, {@code await()} or {@code go()}, or a method reference to its {@code done()} (a
   * count-down that may run, which leaving out can only lower the count of count-downs); collects
   * the adds and the count-downs of {@code root}'s own code (of any code when {@code root} is
   * null). False for any other use, and for an add outside {@code root}'s own code.
   */
  private static boolean usesAreCounted(
      VarSymbol group,
      TreePath scope,
      Tree root,
      List<TreePath> adds,
      List<TreePath> dones,
      VisitorState state) {
    boolean[] counted = {true};
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree name, Void unused) {
        use(name);
        return null;
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree select, Void unused) {
        if (ASTHelpers.getSymbol(select) == group) {
          use(select);
          return null;
        }
        return super.visitMemberSelect(select, null);
      }

      private void use(ExpressionTree name) {
        if (ASTHelpers.getSymbol(name) != group) {
          return;
        }
        TreePath parent = getCurrentPath().getParentPath();
        if (parent.getLeaf() instanceof MemberReferenceTree reference) {
          counted[0] &= reference.getName().contentEquals("done");
          return;
        }
        if (!(parent.getLeaf() instanceof MemberSelectTree)
            || !(parent.getParentPath().getLeaf() instanceof MethodInvocationTree call)
            || call.getMethodSelect() != parent.getLeaf()) {
          counted[0] = false;
          return;
        }
        TreePath callPath = parent.getParentPath();
        boolean own = root == null || ownCodeOf(callPath, root);
        if (GoconcApi.WAIT_GROUP_ADD.matches(call, state)) {
          counted[0] &= own;
          adds.add(callPath);
        } else if (GoconcApi.WAIT_GROUP_DONE.matches(call, state)) {
          if (own) {
            dones.add(callPath);
          }
        } else if (!GoconcApi.WAIT_GROUP_AWAIT.matches(call, state)
            && !GoconcApi.WAIT_GROUP_GO.matches(call, state)) {
          counted[0] = false;
        }
      }
    }.scan(scope, null);
    return counted[0];
  }

  /** Whether {@code launch} is {@code group.go(...)}, which counts the goroutine it starts. */
  private static boolean countedBy(TreePath launch, VarSymbol group, VisitorState state) {
    MethodInvocationTree call = (MethodInvocationTree) launch.getLeaf();
    return GoconcApi.WAIT_GROUP_GO.matches(call, state)
        && WaitGroupGoroutines.groupOf(call) == group;
  }

  /**
   * Whether the dones could outrun {@code added} at all, read without a control-flow graph: the
   * most any witness can count is every site running its most dones (each done a goroutine's code
   * holds, {@link #MOST_DONES_READ} for one in a loop) as often as it runs when reached. That sum
   * bounds each witness's count term by term when no site's count of runs has a negative term
   * (a loop from 2 to {@code n} runs {@code n - 2} times), and a count that does not exceed
   * {@code added} bounds none that does; with a negative term, the graphs decide.
   */
  private static boolean mayExceed(SymbolicCount added, List<TreePath> directDones,
      List<TreePath> launches, VarSymbol group, Counting counting, VisitorState state) {
    SymbolicCount most = SymbolicCount.ZERO;
    List<DoneSite> sites = doneSites(directDones, launches, group, counting, state,
        body -> mostDones(body, group, state));
    for (DoneSite site : sites) {
      SymbolicCount times = site.timesWhenReached();
      if (!times.hasNoNegativeTerm()) {
        return true;
      }
      most = most.plus(times.times(SymbolicCount.of(site.dones)));
    }
    return outrun(most, added);
  }

  /**
   * The sites that count down: each direct {@code done()} (one each), and each launch whose
   * goroutine's code {@code bodyDones} counts some (one more for {@code wg.go}, which counts itself
   * down).
   */
  private static List<DoneSite> doneSites(List<TreePath> directDones, List<TreePath> launches,
      VarSymbol group, Counting counting, VisitorState state,
      java.util.function.ToIntFunction<TreePath> bodyDones) {
    List<DoneSite> sites = new ArrayList<>();
    directDones.forEach(done -> sites.add(counting.site(done, 1)));
    for (TreePath launch : launches) {
      int dones = (countedBy(launch, group, state) ? 1 : 0)
          + GoroutineBodies.launchedBodyPath(launch, state)
              .map(bodyDones::applyAsInt)
              .orElse(0);
      if (dones > 0) {
        sites.add(counting.site(launch, dones));
      }
    }
    return sites;
  }

  /**
   * At least {@link #fewestDones}: the {@code group.done()} calls of the goroutine {@code body}'s
   * own code, or {@link #MOST_DONES_READ} when one sits in a loop of it.
   */
  private static int mostDones(TreePath body, VarSymbol group, VisitorState state) {
    int dones = 0;
    for (WaitGroupGoroutines.GroupCall done :
        WaitGroupGoroutines.callsIn(body, GoconcApi.WAIT_GROUP_DONE, state)) {
      if (done.group() != group) {
        continue;
      }
      for (TreePath p = done.path().getParentPath(); p != null && p.getLeaf() != body.getLeaf();
          p = p.getParentPath()) {
        if (SourceOrder.isLoop(p.getLeaf())) {
          return MOST_DONES_READ;
        }
      }
      dones++;
    }
    return Math.min(dones, MOST_DONES_READ);
  }

  /** The launches of {@code root}'s own code inside {@code scope}. */
  private static List<TreePath> launchesIn(TreePath scope, Tree root, VisitorState state) {
    return Calls.pathsInOwnCode(scope, root, call -> GoroutineBodies.isLaunch(call, state));
  }

  /**
   * The fewest {@code group.done()} calls of the goroutine {@code body}'s own code on a path from
   * its start to a way out (an explicit {@code throw} included); zero when it has none or never
   * leaves.
   */
  private static int fewestDones(TreePath body, VarSymbol group, VisitorState state) {
    boolean calls = WaitGroupGoroutines.callsIn(body, GoconcApi.WAIT_GROUP_DONE, state).stream()
        .anyMatch(done -> done.group() == group);
    Optional<ExitPaths> paths = calls ? ExitPaths.of(body, state) : Optional.empty();
    if (paths.isEmpty()) {
      return 0;
    }
    for (int budget = 0; budget <= MOST_DONES_READ; budget++) {
      if (paths.get().exitsWithin(null, t -> isDoneOn(t, group, state) ? 1 : 0, budget)
          .stream()
          .anyMatch(ExitPaths.Exit::leaves)) {
        return budget;
      }
    }
    return 0;
  }

  /** How many dones on one path through a goroutine are worth telling apart. */
  private static final int MOST_DONES_READ = 4;

  public static boolean isDoneOn(Tree tree, VarSymbol group, VisitorState state) {
    return tree instanceof MethodInvocationTree call
        && Calls.nameOf(call).equals("done") // asked of every node a walk passes: name first
        && WaitGroupGoroutines.groupOf(call) == group
        && GoconcApi.WAIT_GROUP_DONE.matches(call, state);
  }

  /**
   * A launch, or a direct {@code done()}, that runs {@code dones} calls of {@code done()} each time
   * it runs: {@code exactTimes} times per run of the group's scope when its loops say so exactly,
   * else null; {@code outermostLoop} is the loop around it nearest the scope, if any.
   */
  private record DoneSite(
      TreePath path, int dones, SymbolicCount exactTimes, TreePath outermostLoop) {
    /** How often it runs on a path that reaches it: its exact times, else at least once. */
    SymbolicCount timesWhenReached() {
      return exactTimes != null ? exactTimes : SymbolicCount.of(1);
    }

    /**
     * The tree a path passes whenever it runs the site (zero rounds of its loops included): the
     * site, or the first thing its outermost loop evaluates; null when no such tree is known.
     */
    Tree entry() {
      if (outermostLoop == null) {
        return path.getLeaf();
      }
      return switch (outermostLoop.getLeaf()) {
        case EnhancedForLoopTree loop -> loop.getExpression();
        case ForLoopTree loop ->
            loop.getCondition() == null ? null : ASTHelpers.stripParentheses(loop.getCondition());
        case WhileLoopTree loop -> ASTHelpers.stripParentheses(loop.getCondition());
        default -> null;
      };
    }
  }

  /** The counting questions about one group inside its scope. */
  private static final class Counting {
    private final TreePath scope;
    private final TreePath root;
    /** The adds and launches of the group: what a collection's size is counted against. */
    private final List<Tree> counted;
    private final VisitorState state;

    Counting(TreePath scope, TreePath root, List<Tree> counted, VisitorState state) {
      this.scope = scope;
      this.root = root;
      this.counted = counted;
      this.state = state;
    }

    DoneSite site(TreePath path, int dones) {
      return new DoneSite(path, dones, exactRounds(path), outermostLoop(path));
    }

    /** The product of the most rounds of the loops between {@code path} and the scope. */
    SymbolicCount mostRounds(TreePath path) {
      SymbolicCount times = SymbolicCount.of(1);
      Tree child = path.getLeaf();
      for (TreePath p = path.getParentPath(); p != null && p.getLeaf() != scope.getLeaf();
          child = p.getLeaf(), p = p.getParentPath()) {
        if (SourceOrder.isLoop(p.getLeaf())) {
          times = times.times(inBody(p.getLeaf(), child) ? rounds(p) : loopOnce(p, child));
        }
      }
      return times;
    }

    /**
     * The product of the rounds of the loops between {@code path} and the scope when the site runs
     * once in every round of each (it sits in their bodies with no branch around it, and no jump
     * leaves or skips a round); else null.
     */
    SymbolicCount exactRounds(TreePath path) {
      SymbolicCount times = SymbolicCount.of(1);
      boolean straight = true;
      Tree child = path.getLeaf();
      for (TreePath p = path.getParentPath(); p != null && p.getLeaf() != scope.getLeaf();
          child = p.getLeaf(), p = p.getParentPath()) {
        Tree leaf = p.getLeaf();
        if (SourceOrder.isLoop(leaf)) {
          if (!straight || !inBody(leaf, child) || jumpsWithin(leaf)) {
            return null;
          }
          times = times.times(rounds(p));
        } else {
          straight &= runsItsPart(leaf, child);
        }
      }
      return times;
    }

    private TreePath outermostLoop(TreePath path) {
      TreePath outermost = null;
      for (TreePath p = path.getParentPath(); p != null && p.getLeaf() != scope.getLeaf();
          p = p.getParentPath()) {
        if (SourceOrder.isLoop(p.getLeaf())) {
          outermost = p;
        }
      }
      return outermost;
    }

    /** A fresh unknown for code of a loop that is not its body (its condition, its update). */
    private SymbolicCount loopOnce(TreePath loop, Tree child) {
      boolean once = (loop.getLeaf() instanceof EnhancedForLoopTree each
              && each.getExpression() == child)
          || (loop.getLeaf() instanceof ForLoopTree counted
              && counted.getInitializer().contains(child));
      return once ? SymbolicCount.of(1) : SymbolicCount.of(loopUnknown(loop));
    }

    /** The rounds of the loop at {@code loop}: a constant, or an unknown. */
    SymbolicCount rounds(TreePath loop) {
      int constant = Repetition.rounds(loop, state);
      if (constant != SendCounts.UNBOUNDED) {
        return SymbolicCount.of(constant);
      }
      if (loop.getLeaf() instanceof EnhancedForLoopTree each
          && sizeOf(each.getExpression()) instanceof SymbolicCount.Unknown size) {
        return SymbolicCount.of(size);
      }
      if (loop.getLeaf() instanceof ForLoopTree counted) {
        Optional<Repetition.CountedLoop> shape = Repetition.countedLoop(counted);
        if (shape.isPresent()
            && ASTHelpers.constValue(shape.get().from()) instanceof Integer from
            && value(shape.get().bound()) instanceof SymbolicCount bound) {
          return bound.plus(SymbolicCount.of((shape.get().inclusive() ? 1 : 0) - (long) from));
        }
      }
      return SymbolicCount.of(loopUnknown(loop));
    }

    private SymbolicCount.Unknown loopUnknown(TreePath loop) {
      return new SymbolicCount.Unknown(
          loop.getLeaf(), "rounds of the loop on line " + SourceLines.of(loop.getLeaf(), state));
    }

    /**
     * A count written as a constant, an {@code int} variable that never changes, {@code
     * list.size()} or {@code array.length} of a list or array nothing changes, or a sum,
     * difference or product of those; null for anything else.
     */
    SymbolicCount value(ExpressionTree expression) {
      ExpressionTree e = ASTHelpers.stripParentheses(expression);
      if (ASTHelpers.constValue(e) instanceof Number constant) {
        return SymbolicCount.of(constant.longValue());
      }
      if (e instanceof IdentifierTree name
          && ASTHelpers.getSymbol(name) instanceof VarSymbol variable
          && isLocal(variable)
          && isFinal(variable)
          && variable.type.getKind() == TypeKind.INT) {
        return SymbolicCount.of(new SymbolicCount.Unknown(variable, name.getName().toString()));
      }
      if (e instanceof BinaryTree binary) {
        SymbolicCount left = value(binary.getLeftOperand());
        SymbolicCount right = value(binary.getRightOperand());
        if (left == null || right == null) {
          return null;
        }
        return switch (binary.getKind()) {
          case PLUS -> left.plus(right);
          case MINUS -> left.minus(right);
          case MULTIPLY -> left.times(right);
          default -> null;
        };
      }
      SymbolicCount.Unknown size = sizeCalled(e);
      return size == null ? null : SymbolicCount.of(size);
    }

    /** {@code list.size()} or {@code array.length} on a list or array nothing changes. */
    private SymbolicCount.Unknown sizeCalled(ExpressionTree e) {
      if (e instanceof MethodInvocationTree call
          && call.getArguments().isEmpty()
          && call.getMethodSelect() instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("size")) {
        return sizeOf(select.getExpression());
      }
      if (e instanceof MemberSelectTree select
          && select.getIdentifier().contentEquals("length")
          && ASTHelpers.getType(select.getExpression()) != null
          && ASTHelpers.getType(select.getExpression()).getKind() == TypeKind.ARRAY) {
        return sizeOf(select.getExpression());
      }
      return null;
    }

    /**
     * The number of elements of {@code collection}, a local list or array of the root that is
     * never reassigned and only ever iterated, sized or read ({@code size}, {@code get}, {@code
     * isEmpty}, {@code length}) while the group is counted: any other use is in the root's own
     * code, after every add and launch of the group and in no loop around one of them (passed on
     * to a compensation step after the wait, say), so it cannot change what was counted; null
     * otherwise.
     */
    private SymbolicCount.Unknown sizeOf(ExpressionTree collection) {
      if (!(ASTHelpers.stripParentheses(collection) instanceof IdentifierTree name)
          || !(ASTHelpers.getSymbol(name) instanceof VarSymbol list)
          || !isLocal(list)
          || !isFinal(list)
          || !onlyRead(list)) {
        return null;
      }
      boolean array = list.type.getKind() == TypeKind.ARRAY;
      return new SymbolicCount.Unknown(
          new SizeOf(list), name.getName() + (array ? ".length" : ".size()"));
    }

    private boolean onlyRead(VarSymbol list) {
      boolean[] read = {true};
      new TreePathScanner<Void, Void>() {
        @Override
        public Void visitIdentifier(IdentifierTree name, Void unused) {
          if (ASTHelpers.getSymbol(name) == list) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            boolean iterated = parent instanceof EnhancedForLoopTree each
                && each.getExpression() == name;
            boolean sized = parent instanceof MemberSelectTree select
                && (select.getIdentifier().contentEquals("length")
                    || (READS.contains(select.getIdentifier().toString())
                        && getCurrentPath().getParentPath().getParentPath().getLeaf()
                            instanceof MethodInvocationTree));
            read[0] &= iterated || sized || afterCounting(getCurrentPath());
          }
          return null;
        }
      }.scan(root, null);
      return read[0];
    }

    /**
     * Whether the root's own code at {@code use} runs only once the group is counted: after every
     * add and launch in source order, in no loop that holds one of them.
     */
    private boolean afterCounting(TreePath use) {
      if (!ownCodeOf(use, root.getLeaf())) {
        return false;
      }
      long at = ASTHelpers.getStartPosition(use.getLeaf());
      if (counted.stream().anyMatch(site -> state.getEndPosition(site) >= at)) {
        return false;
      }
      for (TreePath p = use.getParentPath(); p != null && p.getLeaf() != root.getLeaf();
          p = p.getParentPath()) {
        Tree loop = p.getLeaf();
        if (SourceOrder.isLoop(loop)
            && counted.stream().anyMatch(site -> ASTHelpers.getStartPosition(site)
                >= ASTHelpers.getStartPosition(loop)
                && state.getEndPosition(site) <= state.getEndPosition(loop))) {
          return false;
        }
      }
      return true;
    }

    private boolean isLocal(VarSymbol variable) {
      return variable.getKind() == ElementKind.LOCAL_VARIABLE
          || variable.getKind() == ElementKind.PARAMETER;
    }
  }

  /** The key of the unknown "the size of this list". */
  private record SizeOf(VarSymbol list) {}

  private static final Set<String> READS = Set.of("size", "get", "isEmpty");

  private static boolean isFinal(VarSymbol variable) {
    return (variable.flags()
            & (Flags.FINAL | Flags.EFFECTIVELY_FINAL))
        != 0;
  }

  /**
   * Whether a {@code break}, {@code continue}, {@code return}, {@code throw} or {@code yield} in the
   * loop's own code can end a round early or leave the loop.
   */
  private static boolean jumpsWithin(Tree loop) {
    boolean[] jumps = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree tree, Void unused) {
        if (tree instanceof BreakTree
            || tree instanceof ContinueTree
            || tree instanceof ReturnTree
            || tree instanceof ThrowTree
            || tree instanceof YieldTree) {
          jumps[0] = true;
        }
        return jumps[0] || tree instanceof LambdaExpressionTree || tree instanceof ClassTree
            ? null
            : super.scan(tree, null);
      }
    }.scan(loop, null);
    return jumps[0];
  }

  private static boolean inBody(Tree loop, Tree child) {
    return switch (loop) {
      case EnhancedForLoopTree l -> l.getStatement() == child;
      case ForLoopTree l -> l.getStatement() == child;
      case WhileLoopTree l -> l.getStatement() == child;
      case DoWhileLoopTree l -> l.getStatement() == child;
      default -> false;
    };
  }

  /**
   * Whether {@code child} runs whenever {@code parent} runs: a statement of a block, the block of a
   * {@code try}, an expression inside a statement or call that always evaluates it; not a branch
   * of an {@code if}, {@code switch}, {@code ?:}, {@code &&} or {@code ||}, nor a {@code catch}.
   */
  private static boolean runsItsPart(Tree parent, Tree child) {
    return switch (parent) {
      case BlockTree block -> true;
      case ExpressionStatementTree statement -> true;
      case VariableTree variable -> true;
      case TryTree attempt -> attempt.getBlock() == child
          || attempt.getFinallyBlock() == child;
      case MethodInvocationTree call -> true;
      case NewClassTree created -> created.getClassBody() != child;
      case ParenthesizedTree parenthesized -> true;
      case TypeCastTree cast -> true;
      case AssignmentTree assignment -> true;
      case MemberSelectTree select -> true;
      default -> false;
    };
  }

  /** Whether the code at {@code path} is {@code root}'s own: not inside a lambda or class in it. */
  private static boolean ownCodeOf(TreePath path, Tree root) {
    for (TreePath p = path.getParentPath(); p != null; p = p.getParentPath()) {
      if (p.getLeaf() == root) {
        return true;
      }
      if (p.getLeaf() instanceof LambdaExpressionTree || p.getLeaf() instanceof ClassTree) {
        return false;
      }
    }
    return false;
  }
}
