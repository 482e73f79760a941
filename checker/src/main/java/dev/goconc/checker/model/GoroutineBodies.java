package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.matchers.Matchers;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * Finds goroutine bodies: the lambda or method reference passed to a call that starts new
 * concurrent work ({@code Go.go}, {@code WaitGroup.go}, {@code ErrGroup.go/tryGo},
 * {@code Thread.ofVirtual().start}, {@code Thread.startVirtualThread}, an
 * {@code ExecutorService}'s {@code submit}/{@code execute}), and the task given to a platform
 * thread that is started: {@code new Thread(task).start()}, or {@code t.start()} on a local
 * {@code Thread t = new Thread(task)} that is never reassigned nor run in place. A method
 * reference to a method declared in the same compilation unit is followed into that method's
 * declaration; called on a local whose one value is {@code new C(...)}, into {@code C}'s
 * implementation ({@code Agent a = new AgentImpl(); Go.go(() -> a.run(ctx));} runs {@code
 * AgentImpl.run}). A call of a method of the unit that surely starts the task it is given as a
 * goroutine of its own ({@code stopper.runWorker(() -> ...)}: see {@link LaunchingHelpers}) is a
 * launch too, its task the first argument as {@code Go.go}'s is.
 */
public final class GoroutineBodies {
  private GoroutineBodies() {}

  /** Every call that starts a goroutine, with the goroutine being its first argument. */
  public static final Matcher<ExpressionTree> LAUNCH =
      Matchers.anyOf(
          GoconcApi.GO_GO, GoconcApi.WAIT_GROUP_GO, GoconcApi.ERR_GROUP_GO, JdkApi.THREAD_LAUNCH);

  /**
   * The method names {@link #LAUNCH}'s matchers accept (each matcher names its methods, so a
   * call by any other name matches none of them). Read from the call's source before the
   * matchers run: the rules ask "is this a launch?" of nearly every call of a unit, and the
   * matchers' receiver-type checks were most of that cost. Keep in step with {@link #LAUNCH}.
   */
  private static final Set<String> LAUNCH_NAMES =
      Set.of("go", "tryGo", "startVirtualThread", "start", "submit", "execute", "runAsync",
          "supplyAsync");

  /** Whether {@code call} starts a goroutine: a launch, or a call of a launching helper. */
  public static boolean isLaunch(MethodInvocationTree call, VisitorState state) {
    if (call.getArguments().isEmpty()) {
      return threadStartTask(call, state) != null;
    }
    String name = Calls.nameOf(call);
    return isDirectLaunch(call, name, state) || LaunchingHelpers.calls(call, name, state);
  }

  /** A launch of the runtime or the JDK ({@link #LAUNCH}), its task the first argument. */
  static boolean isDirectLaunch(MethodInvocationTree call, String name, VisitorState state) {
    return !call.getArguments().isEmpty() && LAUNCH_NAMES.contains(name)
        && LAUNCH.matches(call, state);
  }

  /**
   * The expression whose code the launch {@code call} runs: its first argument, or the {@code
   * Runnable} given to the constructor of the thread that {@code start()} starts. Null when {@code
   * call} is no launch.
   */
  public static ExpressionTree taskOf(MethodInvocationTree call, VisitorState state) {
    if (!isLaunch(call, state)) {
      return null;
    }
    return call.getArguments().isEmpty()
        ? threadStartTask(call, state)
        : call.getArguments().get(0);
  }

  /**
   * For {@code start()} on {@code new Thread(..., task, ...)} or on a local holding one (see
   * {@link #threadLocals}): the {@code Runnable} argument; else null. A subclass of {@code Thread}
   * (an anonymous one that overrides {@code run()}) is not judged here.
   */
  private static ExpressionTree threadStartTask(MethodInvocationTree call, VisitorState state) {
    if (!call.getArguments().isEmpty()
        || !Calls.nameOf(call).equals("start")
        || !JdkApi.THREAD_START.matches(call, state)) {
      return null;
    }
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    receiver = receiver == null ? null : ASTHelpers.stripParentheses(receiver);
    NewClassTree created = null;
    if (receiver instanceof NewClassTree direct) {
      created = direct;
    } else if (receiver instanceof IdentifierTree local
        && ASTHelpers.getSymbol(local) instanceof VarSymbol var
        && threadLocals(state).get(var) instanceof ThreadVariable known
        && known.startedOnly()) {
      created = known.creation;
    }
    return created == null ? null : runnableArgument(created, state);
  }

  /** The {@code Runnable} argument of {@code new Thread(...)}, exactly that class; else null. */
  private static ExpressionTree runnableArgument(NewClassTree created, VisitorState state) {
    if (created.getClassBody() != null
        || !JdkApi.NEW_THREAD.matches(created, state)
        || !(ASTHelpers.getSymbol(created) instanceof MethodSymbol constructor)) {
      return null;
    }
    for (int i = 0; i < constructor.getParameters().size(); i++) {
      if (constructor.getParameters().get(i).type.tsym.getQualifiedName()
              .contentEquals(JdkApi.RUNNABLE)
          && i < created.getArguments().size()) {
        return created.getArguments().get(i);
      }
    }
    return null;
  }

  /**
   * A local initialised with {@code new Thread(...)}: the creation, the {@code start()} calls on
   * it, and whether it is ever reassigned or run in place ({@code t.run()}).
   */
  private static final class ThreadVariable {
    final NewClassTree creation;
    final List<MethodInvocationTree> starts = new ArrayList<>();
    boolean otherwise;

    ThreadVariable(NewClassTree creation) {
      this.creation = creation;
    }

    boolean startedOnly() {
      return !otherwise && !starts.isEmpty();
    }
  }

  private static final UnitMemo.Fact<Map<VarSymbol, ThreadVariable>> THREAD_LOCALS =
      new UnitMemo.Fact<>("thread locals");

  private static Map<VarSymbol, ThreadVariable> threadLocals(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, THREAD_LOCALS, unit, () -> collectThreadVariables(unit, state));
  }

  private static Map<VarSymbol, ThreadVariable> collectThreadVariables(
      CompilationUnitTree unit, VisitorState state) {
    IdentityHashMap<VarSymbol, ThreadVariable> locals = new IdentityHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        if (tree.getInitializer() != null
            && ASTHelpers.stripParentheses(tree.getInitializer()) instanceof NewClassTree created
            && created.getClassBody() == null
            && ASTHelpers.getSymbol(tree) instanceof VarSymbol var
            && var.getKind() == ElementKind.LOCAL_VARIABLE
            && JdkApi.NEW_THREAD.matches(created, state)) {
          locals.put(var, new ThreadVariable(created));
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitAssignment(com.sun.source.tree.AssignmentTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree.getVariable()) instanceof VarSymbol var
            && locals.get(var) instanceof ThreadVariable known) {
          known.otherwise = true;
        }
        return super.visitAssignment(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (ASTHelpers.getReceiver(call) instanceof IdentifierTree receiver
            && ASTHelpers.getSymbol(receiver) instanceof VarSymbol var
            && locals.get(var) instanceof ThreadVariable known) {
          if (JdkApi.THREAD_START.matches(call, state)) {
            known.starts.add(call);
          } else if (JdkApi.THREAD_RUN.matches(call, state)) {
            known.otherwise = true; // runs the task in place
          }
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(unit, null);
    return locals;
  }

  /**
   * The launches that start the task expression at {@code taskPath}: the launch it is the task
   * argument of, the {@code start()} of the {@code new Thread(task)} around it, or the {@code
   * start()} calls of the thread local that {@code new Thread(task)} initialises. Empty when
   * nothing launches it.
   */
  private static List<MethodInvocationTree> launchesTaking(TreePath taskPath, VisitorState state) {
    Tree task = taskPath.getLeaf();
    Tree parent = taskPath.getParentPath().getLeaf();
    if (parent instanceof MethodInvocationTree call) {
      return !call.getArguments().isEmpty()
              && call.getArguments().get(0) == task
              && isLaunch(call, state)
          ? List.of(call)
          : List.of();
    }
    if (!(parent instanceof NewClassTree created)
        || !created.getArguments().contains(task)
        || runnableArgument(created, state) != task) {
      return List.of();
    }
    TreePath up = taskPath.getParentPath().getParentPath();
    while (up != null && up.getLeaf() instanceof com.sun.source.tree.ParenthesizedTree) {
      up = up.getParentPath();
    }
    if (up != null
        && up.getLeaf() instanceof MemberSelectTree select
        && up.getParentPath().getLeaf() instanceof MethodInvocationTree start
        && start.getMethodSelect() == select
        && threadStartTask(start, state) == task) {
      return List.of(start);
    }
    if (up != null
        && up.getLeaf() instanceof VariableTree local
        && ASTHelpers.getSymbol(local) instanceof VarSymbol var
        && threadLocals(state).get(var) instanceof ThreadVariable known
        && known.startedOnly()) {
      return List.copyOf(known.starts);
    }
    return List.of();
  }



  /**
   * The goroutine body started by {@code call}: a {@link LambdaExpressionTree}; the {@link
   * MethodTree} that a method reference names when it is declared in this compilation unit; the
   * {@code run()} (or {@code call()}, {@code get()}) of an anonymous class; or any of these held in
   * a local that is only ever launched ({@code Runnable task = () -> ...; Go.go(task);}). Empty
   * when {@code call} is no launch or the body cannot be seen.
   */
  public static Optional<Tree> bodyOf(MethodInvocationTree call, VisitorState state) {
    ExpressionTree task = taskOf(call, state);
    return task == null ? Optional.empty() : task(task, state);
  }

  /**
   * The path of {@code body}, found by {@link #bodyOf} for the launch at {@code launchPath}: under
   * the launch when it is the launch's argument, else wherever the unit declares it (a method of
   * the unit, a task local, an anonymous task class); null when it cannot be found.
   */
  public static TreePath bodyPath(TreePath launchPath, Tree body) {
    return launchPath.getLeaf() instanceof MethodInvocationTree call
            && call.getArguments().contains(body)
        ? new TreePath(launchPath, body)
        : TreePath.getPath(launchPath.getCompilationUnit(), body); // also a new Thread(body)
  }

  /**
   * The path of the body the launch at {@code launchPath} starts ({@link #bodyOf}, then {@link
   * #bodyPath}); empty when the call is no launch or its body cannot be seen.
   */
  public static Optional<TreePath> launchedBodyPath(TreePath launchPath, VisitorState state) {
    return launchPath.getLeaf() instanceof MethodInvocationTree launch
        ? bodyOf(launch, state).map(body -> bodyPath(launchPath, body))
        : Optional.empty();
  }

  /** The code a task expression runs, as {@link #bodyOf} describes. */
  private static Optional<Tree> task(ExpressionTree expression, VisitorState state) {
    ExpressionTree argument = ASTHelpers.stripParentheses(expression);
    if (argument instanceof LambdaExpressionTree lambda) {
      return Optional.of(lambda);
    }
    if (argument instanceof NewClassTree created && created.getClassBody() != null) {
      return taskMethod(created.getClassBody()).map(m -> (Tree) m);
    }
    if (argument instanceof MemberReferenceTree reference) {
      Optional<Tree> declared = declarationInUnit(
          runs(ASTHelpers.getSymbol(reference), reference.getQualifierExpression(), state), state)
          .map(m -> (Tree) m);
      if (declared.isPresent()) {
        return declared;
      }
      // task::run on a local task: the local's own body
      return reference.getQualifierExpression() instanceof IdentifierTree local
              && isTaskMethodName(reference.getName().toString())
          ? launchedLocalBody(local, state)
          : Optional.empty();
    }
    return argument instanceof IdentifierTree local ? launchedLocalBody(local, state)
        : Optional.empty();
  }

  /** The lambda or anonymous class held by a local that is only ever launched. */
  private static Optional<Tree> launchedLocalBody(IdentifierTree local, VisitorState state) {
    if (!(ASTHelpers.getSymbol(local) instanceof VarSymbol var)
        || var.getKind() != ElementKind.LOCAL_VARIABLE) {
      return Optional.empty();
    }
    LaunchedLocal found = launchedLocals(state).get(var);
    if (found == null || !found.onlyLaunched() || found.initializer == null) {
      return Optional.empty();
    }
    ExpressionTree init = ASTHelpers.stripParentheses(found.initializer);
    return init instanceof LambdaExpressionTree || init instanceof NewClassTree
        ? task(init, state)
        : Optional.empty();
  }

  private static boolean isTaskMethodName(String name) {
    return name.equals("run") || name.equals("call") || name.equals("get");
  }

  /** The single-method body of an anonymous task class: its {@code run}, {@code call} or {@code get}. */
  private static Optional<MethodTree> taskMethod(ClassTree body) {
    for (Tree member : body.getMembers()) {
      if (member instanceof MethodTree method
          && method.getParameters().isEmpty()
          && method.getBody() != null
          && isTaskMethodName(method.getName().toString())) {
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  /**
   * A local that holds a task (a lambda, an anonymous class, a method reference): its initializer,
   * the launches that take it ({@code Go.go(task)}, {@code Go.go(task::run)}), the calls that run
   * it in place ({@code task.run()}), and whether it has any other use. Launched only, its body is
   * a goroutine; run once in place only, its body runs at that call.
   */
  private static final class LaunchedLocal {
    final ExpressionTree initializer;
    final List<MethodInvocationTree> launches = new ArrayList<>();
    final List<MethodInvocationTree> runs = new ArrayList<>();
    boolean otherUse;

    LaunchedLocal(ExpressionTree initializer) {
      this.initializer = initializer;
    }

    /** Every use launches it. */
    boolean onlyLaunched() {
      return !otherUse && runs.isEmpty();
    }

    /** Its one use calls its method in place ({@code closer.run()}), and nothing launches it. */
    boolean runOnceInPlace() {
      return !otherUse && launches.isEmpty() && runs.size() == 1;
    }
  }

  private static final UnitMemo.Fact<Map<VarSymbol, LaunchedLocal>> LAUNCHED_LOCALS =
      new UnitMemo.Fact<>("launched locals");

  private static Map<VarSymbol, LaunchedLocal> launchedLocals(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, LAUNCHED_LOCALS, unit, () -> collectLaunchedLocals(unit, state));
  }

  private static Map<VarSymbol, LaunchedLocal> collectLaunchedLocals(
      CompilationUnitTree unit, VisitorState state) {
    IdentityHashMap<VarSymbol, LaunchedLocal> locals = new IdentityHashMap<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        ExpressionTree init = tree.getInitializer() == null ? null
            : ASTHelpers.stripParentheses(tree.getInitializer());
        if ((init instanceof LambdaExpressionTree || init instanceof NewClassTree
                || init instanceof MemberReferenceTree)
            && ASTHelpers.getSymbol(tree) instanceof VarSymbol var
            && var.getKind() == ElementKind.LOCAL_VARIABLE) {
          locals.put(var, new LaunchedLocal(init));
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        if (ASTHelpers.getSymbol(tree) instanceof VarSymbol var && locals.containsKey(var)) {
          MethodInvocationTree launch = launchTaking(getCurrentPath(), state);
          MethodInvocationTree run = launch == null ? runOf(getCurrentPath()) : null;
          LaunchedLocal known = locals.get(var);
          if (launch != null) {
            known.launches.add(launch);
          } else if (run != null) {
            known.runs.add(run);
          } else {
            known.otherUse = true;
          }
        }
        return null;
      }
    }.scan(unit, null);
    return locals;
  }

  /** {@code task.run()} (or its {@code call}, {@code get}, {@code accept}, {@code apply}) at {@code path}. */
  private static MethodInvocationTree runOf(TreePath path) {
    return path.getParentPath().getLeaf() instanceof MemberSelectTree select
            && RUN_NAMES.contains(select.getIdentifier().toString())
            && path.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree call
            && call.getMethodSelect() == select
        ? call
        : null;
  }

  private static final Set<String> RUN_NAMES = Set.of("run", "call", "get", "accept", "apply");

  /**
   * The one call that runs the task held by {@code local} in place ({@code Runnable closer =
   * ch::close; closer.run();}), when that call is its only use: the task's code runs there, as if
   * written at the call.
   */
  public static Optional<MethodInvocationTree> soleRunInPlace(VariableTree local, VisitorState state) {
    return ASTHelpers.getSymbol(local) instanceof VarSymbol var
            && launchedLocals(state).get(var) instanceof LaunchedLocal found
            && found.runOnceInPlace()
        ? Optional.of(found.runs.get(0))
        : Optional.empty();
  }

  /**
   * The task that {@code call} runs in place when it is the sole run of a task local ({@code
   * closer.run()} after {@code Runnable closer = ch::close;}): the local's initializer (a method
   * reference, a lambda, an anonymous class), whose code runs at the call. Empty otherwise.
   */
  public static Optional<ExpressionTree> taskRunInPlaceBy(
      MethodInvocationTree call, VisitorState state) {
    if (!(ASTHelpers.getReceiver(call) instanceof IdentifierTree name)
        || !(ASTHelpers.getSymbol(name) instanceof VarSymbol var)
        || !(launchedLocals(state).get(var) instanceof LaunchedLocal found)
        || !found.runOnceInPlace()
        || found.runs.get(0) != call) {
      return Optional.empty();
    }
    return Optional.ofNullable(found.initializer);
  }

  /** The launch that takes the task named at {@code path} ({@code task} or {@code task::run}). */
  private static MethodInvocationTree launchTaking(TreePath path, VisitorState state) {
    TreePath argument = path;
    Tree parent = path.getParentPath().getLeaf();
    if (parent instanceof MemberReferenceTree reference
        && isTaskMethodName(reference.getName().toString())) {
      argument = path.getParentPath();
      parent = argument.getParentPath().getLeaf();
    }
    List<MethodInvocationTree> launches = launchesTaking(argument, state);
    return launches.isEmpty() ? null : launches.get(0);
  }

  /**
   * The launches that start the goroutine body {@code body} (found by {@link #bodyOf}): the call
   * around its lambda, method reference or anonymous class, or each launch of the local holding
   * it. Empty for a method of the unit launched by reference (its launches are elsewhere).
   */
  public static List<MethodInvocationTree> launchesOf(TreePath body, VisitorState state) {
    TreePath p = body;
    if (body.getLeaf() instanceof MethodTree
        && body.getParentPath().getLeaf() instanceof ClassTree
        && body.getParentPath().getParentPath().getLeaf() instanceof NewClassTree) {
      p = body.getParentPath().getParentPath();
    }
    Tree parent = p.getParentPath().getLeaf();
    List<MethodInvocationTree> launches = launchesTaking(p, state);
    if (!launches.isEmpty()) {
      return launches;
    }
    if (parent instanceof VariableTree local && ASTHelpers.getSymbol(local) instanceof VarSymbol var) {
      LaunchedLocal found = launchedLocals(state).get(var);
      if (found != null && found.onlyLaunched()) {
        return List.copyOf(found.launches);
      }
    }
    return List.of();
  }

  /**
   * The path of the tree of {@code root}'s own code that runs {@code path}: itself, or the call
   * that takes the outermost lambda around it ({@code keys.forEach(k -> Go.go(...))}), which the
   * root's graph holds as one node.
   */
  public static TreePath inOwnCode(TreePath path, Tree root) {
    if (path == null) {
      return null;
    }
    TreePath own = path;
    for (TreePath p = path; p != null && p.getLeaf() != root; p = p.getParentPath()) {
      if (p.getLeaf() instanceof LambdaExpressionTree && p.getParentPath() != null) {
        own = p.getParentPath();
      }
    }
    return own;
  }

  /**
   * Where the code at {@code path} runs, relative to the analysed {@code root} (a method or a
   * lambda): in the root itself or in a goroutine body started inside it ({@code unit}); whether
   * it can run many times there (a loop, or a lambda the JDK runs in place such as {@code forEach}
   * or a stream's operations: {@code repeated}); and whether it runs in code that may run
   * elsewhere or later — a lambda, method reference or class that is neither a goroutine, a
   * {@code select} handler nor an in-place callback ({@code escapes}). The one place that knows
   * which Java shapes are goroutines.
   */
  public record Placement(Tree unit, boolean repeated, boolean escapes) {}

  public static Placement place(TreePath path, Tree root, VisitorState state) {
    boolean repeated = false;
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf == root) {
        return new Placement(root, repeated, false);
      }
      Tree parent = p.getParentPath() == null ? null : p.getParentPath().getLeaf();
      switch (leaf) {
        case WhileLoopTree l -> repeated = true;
        case DoWhileLoopTree l -> repeated = true;
        case ForLoopTree l -> repeated = true;
        case EnhancedForLoopTree l -> repeated = true;
        case LambdaExpressionTree lambda -> {
          if (!launchesTaking(p, state).isEmpty()) {
            return new Placement(lambda, repeated, false);
          }
          if (parent instanceof MethodInvocationTree call) {
            if (SelectCases.isCase(call, state)) {
              continue; // a select handler runs in the code that runs the select
            }
            if (JdkApi.RUNS_CALLBACK_IN_PLACE.matches(call, state)
                && call.getArguments().contains(lambda)) {
              repeated |= Repetition.callbackTimes(p, state) > 1;
              continue;
            }
          }
          if (parent instanceof VariableTree local && isLaunchedLocal(local, lambda, state)) {
            return new Placement(lambda, repeated, false);
          }
          return new Placement(root, repeated, true);
        }
        case MethodTree method -> {
          if (p.getParentPath() != null && p.getParentPath().getParentPath() != null
              && parent instanceof ClassTree body
              && p.getParentPath().getParentPath().getLeaf() instanceof NewClassTree
              && taskMethod(body).orElse(null) == method
              && !launchesOf(p, state).isEmpty()) {
            return new Placement(method, repeated, false);
          }
          return new Placement(root, repeated, true);
        }
        case ClassTree c -> {
          return new Placement(root, repeated, true);
        }
        default -> {}
      }
    }
    return new Placement(root, repeated, true);
  }

  private static boolean isLaunchedLocal(VariableTree local, Tree init, VisitorState state) {
    return ASTHelpers.getSymbol(local) instanceof VarSymbol var
        && launchedLocals(state).get(var) instanceof LaunchedLocal found
        && found.onlyLaunched() && !found.launches.isEmpty()
        && ASTHelpers.stripParentheses(found.initializer) == init;
  }

  /** The goroutine lambda's {@link TreePath} when {@code path} lies inside one. */
  public static Optional<TreePath> enclosingGoroutine(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof ClassTree || leaf instanceof MethodTree) {
        return Optional.empty();
      }
      if (leaf instanceof LambdaExpressionTree lambda && p.getParentPath() != null) {
        Tree parent = p.getParentPath().getLeaf();
        if (!launchesTaking(p, state).isEmpty()
            || (parent instanceof VariableTree local && isLaunchedLocal(local, lambda, state))) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The goroutine body {@code path} lies in, whatever its form: a launched lambda or task local
   * ({@link #enclosingGoroutine}), or the {@code run()} of a launched anonymous task class.
   */
  public static Optional<TreePath> enclosingGoroutineBody(TreePath path, VisitorState state) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof MethodTree method) {
        boolean taskClassBody = p.getParentPath() != null
            && p.getParentPath().getLeaf() instanceof ClassTree body
            && p.getParentPath().getParentPath() != null
            && p.getParentPath().getParentPath().getLeaf() instanceof NewClassTree
            && taskMethod(body).orElse(null) == method
            && !launchesOf(p, state).isEmpty();
        return taskClassBody ? Optional.of(p) : Optional.empty();
      }
      if (p.getLeaf() instanceof ClassTree) {
        return Optional.empty();
      }
      if (p.getLeaf() instanceof LambdaExpressionTree) {
        Optional<TreePath> lambda = enclosingGoroutine(p, state);
        if (lambda.isPresent()) {
          return lambda;
        }
      }
    }
    return Optional.empty();
  }

  /** Every goroutine launch inside {@code root}, in source order. */
  public static List<MethodInvocationTree> launchesIn(TreePath root, VisitorState state) {
    List<MethodInvocationTree> launches = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (isLaunch(call, state)) {
          launches.add(call);
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        return null; // a nested class is separate code
      }
    }.scan(root.getLeaf(), null);
    return launches;
  }

  /**
   * Every task body that the unit's launches start, with the launches that start it: what {@link
   * #bodyOf} finds, and the task method ({@code run()}, {@code call()}) of a named class of this
   * unit whose instance a launch is given ({@code pool.submit(new Worker(queue))}, {@code
   * pool.execute(worker)}, {@code pool.execute(this)}); and, a few calls deep, the method or
   * constructor of the unit that such a body only calls ({@code () -> consume(q)}): it runs as the
   * task. Read once per unit.
   */
  public static Map<Tree, List<MethodInvocationTree>> launchedBodies(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, LAUNCHED_BODIES, unit, () -> collectLaunchedBodies(unit, state));
  }

  private static final UnitMemo.Fact<Map<Tree, List<MethodInvocationTree>>> LAUNCHED_BODIES =
      new UnitMemo.Fact<>("launched task bodies");

  private static Map<Tree, List<MethodInvocationTree>> collectLaunchedBodies(
      CompilationUnitTree unit, VisitorState state) {
    IdentityHashMap<Symbol, ClassTree> classes = new IdentityHashMap<>();
    List<MethodInvocationTree> launches = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitClass(ClassTree tree, Void unused) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          classes.put(symbol, tree);
        }
        return super.visitClass(tree, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (isLaunch(call, state)) {
          launches.add(call);
        }
        return super.visitMethodInvocation(call, null);
      }
    }.scan(unit, null);
    IdentityHashMap<Tree, List<MethodInvocationTree>> bodies = new IdentityHashMap<>();
    for (MethodInvocationTree launch : launches) {
      ExpressionTree launched = taskOf(launch, state); // thread.start() has no argument
      if (launched == null) {
        continue;
      }
      Optional<Tree> body = task(launched, state);
      if (body.isEmpty()) {
        body = classTask(launched, classes);
      }
      Tree code = body.orElse(null);
      for (int depth = 0; code != null && depth <= DELEGATION_DEPTH; depth++) {
        bodies.computeIfAbsent(code, k -> new ArrayList<>()).add(launch);
        code = delegateOf(code, state).orElse(null);
      }
    }
    return bodies;
  }

  /** How many delegations {@link #launchedBodies} and {@link #codeRunBy} follow from a body. */
  private static final int DELEGATION_DEPTH = 3;

  /**
   * The code that a task body runs as its own: the body itself, or, a few calls deep, the method or
   * constructor of the unit that it only calls ({@code () -> worker(ctx)}, Go's {@code go
   * worker(ctx)}; {@code void pump() { new Loop(); }}), where the goroutine's loops are.
   */
  public static Tree codeRunBy(Tree body, VisitorState state) {
    Tree code = body;
    for (int depth = 0; depth < DELEGATION_DEPTH; depth++) {
      Optional<Tree> next = delegateOf(code, state)
          .filter(callee -> callee instanceof MethodTree method && method.getBody() != null);
      if (next.isEmpty() || next.get() == code) {
        return code;
      }
      code = next.get();
    }
    return code;
  }

  /**
   * The method or constructor of the unit that the task body {@code body} only calls ({@code () ->
   * worker(q)}, {@code void run() { new Loop(q); }}, {@code return helper().call();}): its code
   * runs as the task's own.
   */
  private static Optional<Tree> delegateOf(Tree body, VisitorState state) {
    Tree code = switch (body) {
      case LambdaExpressionTree lambda -> lambda.getBody();
      case MethodTree method -> method.getBody();
      default -> null;
    };
    if (code instanceof com.sun.source.tree.BlockTree block) {
      if (block.getStatements().size() != 1) {
        return Optional.empty();
      }
      code = switch (block.getStatements().get(0)) {
        case com.sun.source.tree.ExpressionStatementTree statement -> statement.getExpression();
        case com.sun.source.tree.ReturnTree returned -> returned.getExpression();
        default -> null;
      };
    }
    Symbol callee = switch (code) {
      case MethodInvocationTree call ->
          runs(ASTHelpers.getSymbol(call), ASTHelpers.getReceiver(call), state);
      case NewClassTree created -> ASTHelpers.getSymbol(created);
      case null, default -> null;
    };
    return callee == null ? Optional.empty()
        : declarationInUnit(callee, state).map(m -> (Tree) m);
  }

  /**
   * The method a call of {@code method} on {@code receiver} runs: the implementation in the class
   * of the unit that the receiver can only be, when it is a local whose one value is {@code new
   * C(...)} ({@code Agent a = new AgentImpl(); Go.go(() -> a.run(ctx));} runs {@code
   * AgentImpl.run}); else {@code method} itself.
   */
  private static Symbol runs(Symbol method, ExpressionTree receiver, VisitorState state) {
    if (!(method instanceof MethodSymbol declared)
        || !(ASTHelpers.stripParentheses(receiver) instanceof IdentifierTree local)
        || !(ASTHelpers.getSymbol(local) instanceof VarSymbol var)) {
      return method;
    }
    Symbol.ClassSymbol made = madeLocals(state).get(var);
    if (made == null) {
      return method;
    }
    MethodSymbol implementation = declared.implementation(made, state.getTypes(), true);
    return implementation != null ? implementation : method;
  }

  /**
   * The locals of the unit, final or effectively final, whose one value is {@code new C(...)} of
   * a named class C: what each can only be. Read once per unit.
   */
  private static Map<VarSymbol, Symbol.ClassSymbol> madeLocals(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, MADE_LOCALS, unit, () -> {
      Map<VarSymbol, Symbol.ClassSymbol> made = new IdentityHashMap<>();
      new TreeScanner<Void, Void>() {
        @Override
        public Void visitVariable(VariableTree tree, Void unused) {
          VarSymbol symbol = ASTHelpers.getSymbol(tree);
          if (symbol != null && symbol.getKind() == ElementKind.LOCAL_VARIABLE
              && (symbol.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0
              && tree.getInitializer() instanceof NewClassTree created
              && created.getClassBody() == null
              && ASTHelpers.getSymbol(created) instanceof MethodSymbol constructor
              && constructor.owner instanceof Symbol.ClassSymbol type) {
            made.put(symbol, type);
          }
          return super.visitVariable(tree, null);
        }
      }.scan(unit, null);
      return made;
    });
  }

  private static final UnitMemo.Fact<Map<VarSymbol, Symbol.ClassSymbol>> MADE_LOCALS =
      new UnitMemo.Fact<>("locals made with new");

  /** The task method of the named class of the unit that {@code argument}'s type is. */
  private static Optional<Tree> classTask(ExpressionTree argument, Map<Symbol, ClassTree> classes) {
    ExpressionTree stripped = ASTHelpers.stripParentheses(argument);
    if (stripped instanceof LambdaExpressionTree || stripped instanceof MemberReferenceTree) {
      return Optional.empty();
    }
    com.sun.tools.javac.code.Type type = ASTHelpers.getType(stripped);
    ClassTree declared = type == null ? null : classes.get(type.tsym);
    return declared == null || declared.getSimpleName().isEmpty()
        ? Optional.empty()
        : taskMethod(declared).map(m -> (Tree) m);
  }

  /** The declaration of {@code symbol} when it is a method of this compilation unit. */
  public static Optional<MethodTree> declarationInUnit(Symbol symbol, VisitorState state) {
    if (!(symbol instanceof MethodSymbol method)) {
      return Optional.empty();
    }
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return Optional.ofNullable(
        UnitMemo.get(state, METHODS, unit, () -> methodsOf(unit)).get(method));
  }

  /** Each method symbol's first declaration in the unit, in source order; read once per unit. */
  private static final UnitMemo.Fact<Map<MethodSymbol, MethodTree>> METHODS =
      new UnitMemo.Fact<>("method declarations");

  private static Map<MethodSymbol, MethodTree> methodsOf(CompilationUnitTree unit) {
    IdentityHashMap<MethodSymbol, MethodTree> methods = new IdentityHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethod(MethodTree tree, Void unused) {
        MethodSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null) {
          methods.putIfAbsent(symbol, tree);
        }
        return super.visitMethod(tree, null);
      }
    }.scan(unit, null);
    return methods;
  }

}
