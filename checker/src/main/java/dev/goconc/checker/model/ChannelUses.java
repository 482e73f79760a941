package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.GoroutineBodies.Placement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.ToIntFunction;
import javax.lang.model.element.ElementKind;

/**
 * Who does what with each channel inside one piece of code (a method, a lambda, an initializer
 * block): where it is made and with what capacity, and every send, receive, close and escape,
 * each tagged with the code unit it runs in ({@link GoroutineBodies#place}: the analysed root
 * itself, or a goroutine body started inside it) and whether it can run repeatedly there.
 *
 * <p>A channel is its variable, followed through its aliases: a local that only ever names it
 * ({@code var c = ch}, {@code ch.recvOnly()}, {@code ch.sendOnly()}, a cast) is the same
 * channel, and its uses are the channel's; so is a call of an accessor that hands a field out
 * receive-only ({@link ReceiveOnlyAccessors}: {@code stopper.shouldQuiesce().receive()} receives
 * on the field, whichever object it is called on). An operation may be a call ({@code ch.send(v)}, a
 * select case) or a method reference ({@code items.forEach(out::send)}; {@code Runnable closer =
 * ch::close; closer.run();} happens at the run). Anything the channel does that the checks cannot
 * follow is an {@link Kind#ESCAPE}: passed to a method without a summary ({@link
 * ParameterEffects}: a call of a method of the unit counts as what that method does to it),
 * stored, returned, or used inside a lambda
 * or class that is neither a goroutine body, a {@code select} handler nor a callback the JDK runs
 * in place (it may run on another thread at another time). Checks stay quiet on escapes.
 *
 * <p>The same model answers for each {@link ChannelKind}: goconc's channels, and the JDK's
 * {@code BlockingQueue}s ({@code put} a send, {@code take} a receive, no close).
 */
public final class ChannelUses {
  /** What a use does to the channel. */
  public enum Kind {
    /** {@code Chan.make(...)} assigned to the variable. */
    MAKE,
    /** {@code send}, {@code trySend}, or a {@code select} send case. */
    SEND,
    /**
     * {@code receive}, {@code receiveOk}, {@code tryReceive}, for-each (also in method form, {@code
     * ch.forEach(action)}), a select receive.
     */
    RECEIVE,
    /** {@code close()}. */
    CLOSE,
    /** Assigned something other than {@code Chan.make}: the variable has no single channel. */
    REASSIGN,
    /** Anything the checks cannot follow. */
    ESCAPE,
    /** {@code len()}, {@code cap()}, {@code ==}: harmless. */
    NEUTRAL
  }

  /**
   * One use of a channel variable.
   *
   * @param ident the variable's name at the use ({@code null} for a declaration's make)
   * @param call the operation: the channel method call, the select case call, the call the
   *     channel is passed to, or the make call; {@code null} for for-each and other uses
   * @param unit the code unit the use runs in: the analysed root, or a goroutine body lambda
   * @param inLoop whether a loop between the use and its unit repeats it
   * @param loopReceive a for-each over the channel, or a {@code receiveOk} in a loop
   * @param selectCase whether the use is a case of a {@code select}
   * @param via for an operation a method of the unit performs on the channel it is passed
   *     ({@code worker(ch)}, see {@link ParameterEffects}): what it does; {@code tree} and {@code
   *     call} are then the call site. Null for the channel's own operations.
   */
  public record Use(
      VarSymbol channel,
      Kind kind,
      Tree tree,
      ExpressionTree ident,
      MethodInvocationTree call,
      Tree unit,
      boolean inLoop,
      boolean loopReceive,
      boolean selectCase,
      ParameterEffects.Effect via) {
    Use(VarSymbol channel, Kind kind, Tree tree, ExpressionTree ident, MethodInvocationTree call,
        Tree unit, boolean inLoop, boolean loopReceive, boolean selectCase) {
      this(channel, kind, tree, ident, call, unit, inLoop, loopReceive, selectCase, null);
    }

    /**
     * The tree that performs the operation: the call ({@code ch.send(v)}, a select case), or the
     * method reference ({@code ch::send}) or other tree when there is no call of its own.
     */
    public Tree operation() {
      return call != null ? call : tree;
    }

    /**
     * Whether the operation surely runs each time control passes its tree: always for the
     * channel's own operations; for a call of a summarised method, when every way out of the
     * method performs it.
     */
    public boolean surely() {
      return via == null || via.onEveryPath();
    }

    /**
     * For a {@link Kind#MAKE}: the expression that makes the channel ({@code Chan.make(1)}, {@code
     * new ArrayBlockingQueue<>(1)}); null for other uses.
     */
    public ExpressionTree made() {
      if (kind != Kind.MAKE) {
        return null;
      }
      return switch (tree) {
        case VariableTree local -> local.getInitializer();
        case AssignmentTree assignment -> assignment.getExpression();
        default -> call;
      };
    }
  }

  private final TreePath rootPath;
  private final Tree root;
  private final Map<VarSymbol, List<Use>> uses;

  private final Map<VarSymbol, VarSymbol> aliases;
  private final ChannelKind kind;

  private ChannelUses(TreePath rootPath, Map<VarSymbol, List<Use>> uses,
      Map<VarSymbol, VarSymbol> aliases, ChannelKind kind) {
    this.rootPath = rootPath;
    this.kind = kind;
    this.aliases = aliases;
    this.root = rootPath.getLeaf();
    uses.replaceAll((channel, list) -> Collections.unmodifiableList(list));
    this.uses = Collections.unmodifiableMap(uses); // shared between rules: read-only
  }

  /** The kind of channel these uses are of. */
  public ChannelKind kind() {
    return kind;
  }

  /** The path of the analysed root. */
  public TreePath rootPath() {
    return rootPath;
  }

  /** The path of {@code tree} inside the root, or null. */
  public TreePath pathTo(Tree tree) {
    return TreePath.getPath(rootPath, tree);
  }

  /** The analysed root: uses whose {@link Use#unit()} is this run in the root's own code. */
  public Tree root() {
    return root;
  }

  /** Every channel variable used in the root, in order of first use. */
  public Map<VarSymbol, List<Use>> byChannel() {
    return uses;
  }

  public List<Use> of(VarSymbol channel) {
    return uses.getOrDefault(channel, List.of());
  }

  /** Whether any use of {@code channel} is of {@code kind}. */
  public boolean any(VarSymbol channel, Kind kind) {
    return of(channel).stream().anyMatch(u -> u.kind() == kind);
  }

  /**
   * The make of a channel this root owns: a local variable the root's own code makes once (not
   * in a loop) and never reassigns. Empty for any other channel: a parameter, a field (other
   * methods of the class may use it: see {@link FieldChannels}), one made in a loop or twice.
   */
  public Optional<Use> madeHere(VarSymbol channel) {
    return soleOwnMake(channel).filter(make -> !make.inLoop());
  }

  /** The one make of a local channel the root's own code makes and never reassigns. */
  private Optional<Use> soleOwnMake(VarSymbol channel) {
    if (channel.getKind() != ElementKind.LOCAL_VARIABLE || any(channel, Kind.REASSIGN)) {
      return Optional.empty();
    }
    List<Use> makes = of(channel).stream().filter(u -> u.kind() == Kind.MAKE).toList();
    return makes.size() == 1 && makes.get(0).unit() == root
        ? Optional.of(makes.get(0))
        : Optional.empty();
  }

  /**
   * A channel made anew in each round of a loop: a local declared, with its make, inside the
   * loop's body ({@code while (...) { Chan<T> done = Chan.make(); ... }}), never reassigned. Each
   * round's channel is a different one, which only that round's code and goroutines can use.
   */
  public record Round(Use make, TreePath loop) {}

  /** The round {@code channel} is made in, when it is made anew each round (see {@link Round}). */
  public Optional<Round> madeEachRound(VarSymbol channel) {
    Optional<Use> make = soleOwnMake(channel)
        .filter(m -> m.inLoop() && m.tree() instanceof VariableTree);
    if (make.isEmpty()) {
      return Optional.empty();
    }
    for (TreePath p = pathTo(make.get().tree()); p != null && p.getLeaf() != root;
        p = p.getParentPath()) {
      switch (p.getLeaf().getKind()) {
        case WHILE_LOOP, DO_WHILE_LOOP, FOR_LOOP, ENHANCED_FOR_LOOP -> {
          return Optional.of(new Round(make.get(), p));
        }
        case LAMBDA_EXPRESSION, CLASS, METHOD -> {
          return Optional.empty();
        }
        default -> {}
      }
    }
    return Optional.empty();
  }

  /**
   * A receive that loops until the channel is closed: a for-each over it that cannot leave on a
   * value (a sentinel's {@code break}, a {@code return}), or a {@code receiveOk} loop. A for-each
   * that can leave on a value ends without the close, and is a receive that repeats.
   */
  public static boolean loopsUntilClosed(Use use, VisitorState state) {
    return use.loopReceive()
        && !(use.tree() instanceof EnhancedForLoopTree loop
            && EndlessLoops.hasWayOut(loop, state));
  }

  /** A channel nobody sends on and that does not escape: a done/quit channel, only closed. */
  public boolean isDoneChannel(VarSymbol channel) {
    return !of(channel).isEmpty() && !any(channel, Kind.SEND) && !any(channel, Kind.ESCAPE);
  }

  /**
   * How many operations the tree of each of {@code ops} stands for, for {@link SendCounts}: one
   * for the channel's own operations, and the most the method performs for a call of a summarised
   * method ({@link ParameterEffects.Effect#most}); 1 for any other tree.
   */
  public static ToIntFunction<Tree> operationsAt(List<Use> ops) {
    Map<Tree, Integer> counts = new java.util.HashMap<>();
    for (Use op : ops) {
      if (op.via() != null) {
        counts.merge(op.operation(), op.via().most(), SendCounts::plus);
      }
    }
    return tree -> counts.getOrDefault(tree, 1);
  }

  /** The constant capacity of a {@code Chan.make} call: 0 without argument; empty if unknown. */
  public static OptionalInt capacity(MethodInvocationTree make) {
    if (make.getArguments().isEmpty()) {
      return OptionalInt.of(0);
    }
    Integer value = ASTHelpers.constValue(make.getArguments().get(0), Integer.class);
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  /** Whether {@code type} is a goconc channel type. */
  public static boolean isChannelType(Type type, VisitorState state) {
    return ChannelKind.GOCONC.isChannelType(type, state);
  }

  /**
   * The goconc channel uses under {@code rootPath} (a method, a lambda, or the whole compilation
   * unit); shared between the rules, so the result must not be changed.
   */
  public static ChannelUses in(TreePath rootPath, VisitorState state) {
    return in(rootPath, ChannelKind.GOCONC, state);
  }

  /** The uses of channels of {@code kind} under {@code rootPath}, collected once per root. */
  public static ChannelUses in(TreePath rootPath, ChannelKind kind, VisitorState state) {
    return UnitMemo.get(
        state, kind.usesFact(), rootPath.getLeaf(), () -> collect(rootPath, kind, state));
  }

  private static ChannelUses collect(TreePath rootPath, ChannelKind kind, VisitorState state) {
    Map<VarSymbol, List<Use>> uses = new LinkedHashMap<>();
    Tree root = rootPath.getLeaf();
    Map<VarSymbol, VarSymbol> aliases = aliasesIn(rootPath, kind, state);
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol != null
            && tree.getInitializer() != null
            && kind.isMake(tree.getInitializer(), state)) {
          Placement where = GoroutineBodies.place(getCurrentPath(), root, state);
          add(new Use(symbol, where.escapes() ? Kind.ESCAPE : Kind.MAKE, tree, null,
              tree.getInitializer() instanceof MethodInvocationTree init ? init : null,
              where.unit(), where.repeated(), false, false));
        }
        return super.visitVariable(tree, null);
      }

      @Override
      public Void visitMemberSelect(MemberSelectTree tree, Void unused) {
        if (isThisField(tree)) {
          return visitName(tree);
        }
        return super.visitMemberSelect(tree, null);
      }

      @Override
      public Void visitIdentifier(IdentifierTree tree, Void unused) {
        return visitName(tree);
      }

      /** {@code stopper.shouldQuiesce()}: the field a receive-only accessor hands out. */
      @Override
      public Void visitMethodInvocation(MethodInvocationTree tree, Void unused) {
        if (kind == ChannelKind.GOCONC) {
          ReceiveOnlyAccessors.fieldOf(tree, state).ifPresent(field ->
              classify(field, getCurrentPath(), root, aliases, kind, state).forEach(this::add));
        }
        return super.visitMethodInvocation(tree, null);
      }

      /** A name of a variable: {@code ch}, or {@code this.ch} for a field. */
      private Void visitName(ExpressionTree tree) {
        Symbol symbol = ASTHelpers.getSymbol(tree);
        if (symbol instanceof VarSymbol var && kind.isChannelType(var.type, state)) {
          classify(aliases.getOrDefault(var, var), getCurrentPath(), root, aliases, kind, state)
              .forEach(this::add);
        }
        return null;
      }

      private void add(Use use) {
        uses.computeIfAbsent(use.channel(), k -> new ArrayList<>()).add(use);
      }
    }.scan(rootPath, null);
    return new ChannelUses(rootPath, uses, aliases, kind);
  }

  /**
   * The locals of the compilation unit that only ever name another channel variable: {@code var c
   * = ch;}, {@code RecvChan<T> in = ch.recvOnly();}, a cast, a receive-only accessor's result
   * ({@code RecvChan<Void> q = stopper.shouldQuiesce();}); each mapped to the variable it names
   * in the end (an alias of an alias names the first). An alias that is reassigned is no alias.
   * Read over the whole unit, once: a goroutine body (a root of its own) that captures an alias
   * declared around it ({@code var c = in; Go.go(() -> c.close())}) uses the channel it names.
   */
  private static Map<VarSymbol, VarSymbol> aliasesIn(
      TreePath rootPath, ChannelKind kind, VisitorState state) {
    CompilationUnitTree unit = rootPath.getCompilationUnit();
    return UnitMemo.get(state, kind.aliasesFact(), unit,
        () -> Collections.unmodifiableMap(aliasesUnder(new TreePath(unit), kind, state)));
  }

  private static Map<VarSymbol, VarSymbol> aliasesUnder(
      TreePath rootPath, ChannelKind kind, VisitorState state) {
    Map<VarSymbol, VarSymbol> direct = new LinkedHashMap<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree tree, Void unused) {
        VarSymbol alias = ASTHelpers.getSymbol(tree);
        if (alias != null
            && alias.getKind() == ElementKind.LOCAL_VARIABLE
            && (alias.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0
            && kind.isChannelType(alias.type, state)
            && tree.getInitializer() != null
            && aliased(tree.getInitializer(), kind, state) instanceof VarSymbol named
            && named != alias) {
          direct.put(alias, named);
        }
        return super.visitVariable(tree, null);
      }
    }.scan(rootPath.getLeaf(), null);
    Map<VarSymbol, VarSymbol> resolved = new LinkedHashMap<>();
    for (VarSymbol alias : direct.keySet()) {
      VarSymbol target = direct.get(alias);
      for (int hops = 0; direct.containsKey(target) && hops < direct.size(); hops++) {
        target = direct.get(target);
      }
      resolved.put(alias, target);
    }
    return resolved;
  }

  /** What a local's initializer names: a channel variable, or the field an accessor returns. */
  private static VarSymbol aliased(ExpressionTree init, ChannelKind kind, VisitorState state) {
    VarSymbol named = namedChannel(init, kind, state);
    if (named == null && kind == ChannelKind.GOCONC
        && ASTHelpers.stripParentheses(init) instanceof MethodInvocationTree call) {
      return ReceiveOnlyAccessors.fieldOf(call, state).orElse(null);
    }
    return named;
  }

  /**
   * The channel variable an expression names through parentheses, casts and the narrowings
   * {@code sendOnly()}/{@code recvOnly()}; null for anything else.
   */
  static VarSymbol namedChannel(
      ExpressionTree expression, ChannelKind kind, VisitorState state) {
    ExpressionTree e = expression;
    while (true) {
      e = ASTHelpers.stripParentheses(e);
      if (e instanceof TypeCastTree cast) {
        e = cast.getExpression();
      } else if (e instanceof MethodInvocationTree call
          && kind.isView(call, state)
          && ASTHelpers.getReceiver(call) != null) {
        e = ASTHelpers.getReceiver(call);
      } else {
        break;
      }
    }
    return (e instanceof IdentifierTree || isThisField(e))
            && ASTHelpers.getSymbol(e) instanceof VarSymbol var
            && kind.isChannelType(var.type, state)
        ? var
        : null;
  }

  /** {@code this.name}: a field of the object the code runs on, named as plainly as by its name. */
  private static boolean isThisField(ExpressionTree e) {
    return e instanceof MemberSelectTree select
        && select.getExpression() instanceof IdentifierTree self
        && self.getName().contentEquals("this");
  }

  /**
   * The path of the whole expression that stands for the channel named at {@code identPath}: the
   * name itself, or a parenthesised, cast or narrowed ({@code ch.recvOnly()}) form of it.
   */
  private static TreePath channelExpression(
      TreePath identPath, ChannelKind kind, VisitorState state) {
    TreePath path = identPath;
    while (true) {
      TreePath parentPath = path.getParentPath();
      Tree parent = parentPath.getLeaf();
      if (parent instanceof ParenthesizedTree || parent instanceof TypeCastTree) {
        path = parentPath;
      } else if (parent instanceof MemberSelectTree select
          && select.getExpression() == path.getLeaf()
          && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree call
          && call.getMethodSelect() == select
          && kind.isView(call, state)) {
        path = parentPath.getParentPath();
      } else {
        return path;
      }
    }
  }

  private static List<Use> classify(VarSymbol channel, TreePath path, Tree root,
      Map<VarSymbol, VarSymbol> aliases, ChannelKind channelKind, VisitorState state) {
    ExpressionTree ident = (ExpressionTree) path.getLeaf();
    if (path.getParentPath().getLeaf() instanceof MemberReferenceTree reference) {
      return List.of(methodReference(
          channel, ident, path.getParentPath(), reference, root, channelKind, state));
    }
    Placement where = GoroutineBodies.place(path, root, state);
    TreePath exprPath = channelExpression(path, channelKind, state);
    Tree expr = exprPath.getLeaf();
    TreePath parentPath = exprPath.getParentPath();
    Tree parent = parentPath.getLeaf();
    Kind kind = Kind.ESCAPE;
    MethodInvocationTree call = null;
    boolean repeated = where.repeated();
    boolean loopReceive = false;
    boolean selectCase = false;
    if (parent instanceof MemberSelectTree select
        && parentPath.getParentPath().getLeaf() instanceof MethodInvocationTree invocation
        && invocation.getMethodSelect() == select) {
      call = invocation;
      String name = select.getIdentifier().toString();
      kind = channelKind.operation(name);
      // ch.forEach(action) is a for-each: it receives until the close, each time round.
      boolean forEach = channelKind.isForEach(name);
      repeated |= forEach;
      loopReceive = forEach || (where.repeated() && channelKind.receivesUntilClosed(name));
    } else if (parent instanceof EnhancedForLoopTree loop && loop.getExpression() == expr) {
      kind = channelKind.forEachReceives() ? Kind.RECEIVE : Kind.NEUTRAL;
      loopReceive = channelKind.forEachReceives();
    } else if (parent instanceof MethodInvocationTree invocation) {
      call = invocation;
      if (SelectCases.isCase(invocation, state) && invocation.getArguments().get(0) == expr) {
        selectCase = true;
        kind = GoconcApi.SELECT_SEND.matches(invocation, state) ? Kind.SEND : Kind.RECEIVE;
      } else if (!where.escapes()) {
        Optional<List<Use>> summarised =
            summarised(channel, ident, invocation, expr, where, channelKind, state);
        if (summarised.isPresent()) {
          return summarised.get();
        }
      }
    } else if (parent instanceof AssignmentTree assignment && assignment.getVariable() == ident) {
      boolean make = channelKind.isMake(assignment.getExpression(), state);
      kind = make ? Kind.MAKE : Kind.REASSIGN;
      call = make && assignment.getExpression() instanceof MethodInvocationTree init ? init : null;
    } else if (parent instanceof BinaryTree binary
        && (binary.getKind() == Tree.Kind.EQUAL_TO || binary.getKind() == Tree.Kind.NOT_EQUAL_TO)) {
      kind = Kind.NEUTRAL;
    } else if (parent instanceof VariableTree local
        && local.getInitializer() == expr
        && ASTHelpers.getSymbol(local) instanceof VarSymbol alias
        && aliases.containsKey(alias)) {
      kind = Kind.NEUTRAL; // an alias: its own uses are this channel's
    }
    if (where.escapes() && kind != Kind.NEUTRAL) {
      kind = Kind.ESCAPE;
    }
    return List.of(new Use(channel, kind, parent, ident, call, where.unit(), repeated,
        loopReceive, selectCase));
  }

  /**
   * The channel passed to a method of the unit that has a summary for it ({@code worker(ch)}):
   * one use per kind of operation the method performs, placed at the call; a method that only
   * looks at it leaves one {@link Kind#NEUTRAL} use. Empty when there is no summary.
   */
  private static Optional<List<Use>> summarised(VarSymbol channel, ExpressionTree ident,
      MethodInvocationTree call, Tree argument, Placement where, ChannelKind channelKind,
      VisitorState state) {
    int index = call.getArguments().indexOf(argument);
    if (index < 0) {
      return Optional.empty();
    }
    return ParameterEffects.of(call, index, channelKind, state).map(effects -> effects.isEmpty()
        ? List.of(new Use(channel, Kind.NEUTRAL, call, ident, call, where.unit(),
            where.repeated(), false, false))
        : effects.stream()
            .map(effect -> new Use(channel, effect.kind(), call, ident, call, where.unit(),
                where.repeated() || effect.repeats(), effect.loopReceive(), false, effect))
            .toList());
  }

  /**
   * {@code ch::send}, {@code ch::close}: the operation runs where the reference is called — as a
   * goroutine when it is launched ({@code Go.go(ch::close)}), in place and any number of times when
   * a JDK callback method takes it ({@code items.forEach(out::send)}); anywhere else it escapes.
   */
  private static Use methodReference(VarSymbol channel, ExpressionTree ident, TreePath refPath,
      MemberReferenceTree reference, Tree root, ChannelKind channelKind, VisitorState state) {
    TreePath refParent = refPath.getParentPath();
    Kind kind = channelKind.operation(reference.getName().toString());
    if (kind == Kind.NEUTRAL || channelKind.isForEach(reference.getName().toString())) {
      kind = Kind.ESCAPE; // ch::len and the like: what the reference's caller does is unknown
    }
    Tree parent = refParent.getLeaf();
    Placement where;
    if (parent instanceof MethodInvocationTree call
        && GoroutineBodies.isLaunch(call, state)
        && call.getArguments().get(0) == reference) {
      where = new Placement(reference, false, false);
    } else if (parent instanceof MethodInvocationTree call
        && JdkApi.RUNS_CALLBACK_IN_PLACE.matches(call, state)
        && call.getArguments().contains(reference)) {
      Placement caller = GoroutineBodies.place(refParent, root, state);
      where = new Placement(caller.unit(),
          caller.repeated() || Repetition.callbackTimes(refPath, state) > 1, caller.escapes());
    } else if (parent instanceof VariableTree local
        && local.getInitializer() == reference
        && GoroutineBodies.soleRunInPlace(local, state).orElse(null) instanceof
            MethodInvocationTree run
        && ASTHelpers.getReceiver(run) instanceof IdentifierTree runner
        && TreePath.getPath(refPath.getCompilationUnit(), run) instanceof TreePath runPath) {
      // Runnable closer = ch::close; closer.run(); — the operation happens at the run.
      Placement at = GoroutineBodies.place(runPath, root, state);
      return new Use(channel, at.escapes() ? Kind.ESCAPE : kind, reference, runner, run,
          at.unit(), at.repeated(), false, false);
    } else {
      where = new Placement(root, false, true);
    }
    if (where.escapes()) {
      kind = Kind.ESCAPE;
    }
    return new Use(channel, kind, reference, ident, null, where.unit(), where.repeated(), false,
        false);
  }

  /**
   * The uses at {@code mention}, the path under this root of {@code x.name}: the channel field
   * {@code field} named through a variable {@code x}, any object of the field's class. Classified
   * as the field's plain name would be there. Not among {@link #byChannel}, which holds the
   * channels of this code's own variables, where two objects' fields are two channels: {@link
   * FieldChannels} asks, for questions about the field of every object at once.
   */
  public List<Use> usesThrough(VarSymbol field, TreePath mention, VisitorState state) {
    return classify(field, mention, root, aliases, kind, state);
  }

  /**
   * The channel an expression names in this root: a channel variable, an alias of one, or a
   * narrowed or cast form of either; null for anything else.
   */
  public VarSymbol channelOf(ExpressionTree expression, VisitorState state) {
    VarSymbol named = namedChannel(expression, kind, state);
    return named == null ? null : aliases.getOrDefault(named, named);
  }
}
