package dev.goconc.checker.api;

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
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.TypeSymbol;
import com.sun.tools.javac.code.Type;
import com.sun.tools.javac.code.TypeTag;
import com.sun.tools.javac.util.Context;
import dev.goconc.checker.model.UnitMemo;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Every name of the goconc runtime that the checks match, in one place: a renamed runtime
 * method breaks this file alone. The checks never load the runtime; they match by name.
 */
public final class GoconcApi {
  private GoconcApi() {}

  /** The package of the rules themselves (the analyses live in its subpackages). */
  public static final String RULES_PACKAGE = "dev.goconc.checker";

  /** Where each rule's page lives; a rule's link is this plus its name. */
  public static final String RULES_BASE_URL =
      "https://github.com/goconc/goconc/blob/main/rules-docs/";

  public static String linkFor(String ruleName) {
    return RULES_BASE_URL + ruleName + ".md";
  }

  public static final String PACKAGE = "dev.goconc";

  /** Whether {@code symbol} is declared in the runtime's own package. */
  public static boolean inRuntimePackage(Symbol symbol) {
    return ASTHelpers.enclosingPackage(symbol)
        .map(p -> p.getQualifiedName().contentEquals(PACKAGE))
        .orElse(false);
  }

  public static final String GO = "dev.goconc.Go";
  public static final String CHAN = "dev.goconc.Chan";
  public static final String SEND_CHAN = "dev.goconc.SendChan";
  public static final String RECV_CHAN = "dev.goconc.RecvChan";
  public static final String SELECT = "dev.goconc.Select";
  public static final String CONTEXT = "dev.goconc.Context";
  public static final String CANCEL_CONTEXT = "dev.goconc.CancelContext";
  public static final String CANCEL_FUNC = "dev.goconc.CancelFunc";
  /** What a waiting call throws once its context ends: Canceled, DeadlineExceeded. */
  public static final String CONTEXT_EXCEPTION = "dev.goconc.ContextException";
  /** What the runtime's waits throw when their goroutine is interrupted. */
  public static final String GO_INTERRUPTED_EXCEPTION = "dev.goconc.GoInterruptedException";
  public static final String WAIT_GROUP = "dev.goconc.WaitGroup";
  public static final String ERR_GROUP = "dev.goconc.ErrGroup";
  public static final String TIME = "dev.goconc.Time";
  public static final String TIMER = "dev.goconc.Timer";
  public static final String TICKER = "dev.goconc.Ticker";

  // Types, memoized once per compilation.
  public static final Supplier<Type> CHAN_TYPE = Suppliers.typeFromString(CHAN);
  public static final Supplier<Type> SEND_CHAN_TYPE = Suppliers.typeFromString(SEND_CHAN);
  public static final Supplier<Type> RECV_CHAN_TYPE = Suppliers.typeFromString(RECV_CHAN);
  public static final Supplier<Type> CONTEXT_TYPE = Suppliers.typeFromString(CONTEXT);
  public static final Supplier<Type> CANCEL_CONTEXT_TYPE = Suppliers.typeFromString(CANCEL_CONTEXT);
  public static final Supplier<Type> CANCEL_FUNC_TYPE = Suppliers.typeFromString(CANCEL_FUNC);
  public static final Supplier<Type> WAIT_GROUP_TYPE = Suppliers.typeFromString(WAIT_GROUP);
  public static final Supplier<Type> TIMER_TYPE = Suppliers.typeFromString(TIMER);
  public static final Supplier<Type> TICKER_TYPE = Suppliers.typeFromString(TICKER);

  // Goroutine launches.
  public static final Matcher<ExpressionTree> GO_GO = NamedMethods.staticOf(GO, "go");
  public static final Matcher<ExpressionTree> WAIT_GROUP_GO =
      NamedMethods.onDescendantOf(WAIT_GROUP, "go");
  public static final Matcher<ExpressionTree> ERR_GROUP_GO =
      NamedMethods.onDescendantOf(ERR_GROUP, "go", "tryGo");

  // Channels.
  public static final Matcher<ExpressionTree> CHAN_MAKE = NamedMethods.staticOf(CHAN, "make");
  public static final Matcher<ExpressionTree> CHAN_SEND =
      NamedMethods.onDescendantOf(SEND_CHAN, "send");
  public static final Matcher<ExpressionTree> CHAN_TRY_SEND =
      NamedMethods.onDescendantOf(SEND_CHAN, "trySend");
  public static final Matcher<ExpressionTree> CHAN_CLOSE =
      NamedMethods.onDescendantOf(SEND_CHAN, "close");
  public static final Matcher<ExpressionTree> CHAN_RECEIVE =
      NamedMethods.onDescendantOf(RECV_CHAN, "receive", "receiveOk");
  public static final Matcher<ExpressionTree> CHAN_TRY_RECEIVE =
      NamedMethods.onDescendantOf(RECV_CHAN, "tryReceive");
  public static final Matcher<ExpressionTree> CHAN_NARROW =
      NamedMethods.onDescendantOf(CHAN, "sendOnly", "recvOnly");
  public static final String RECEIVED = "dev.goconc.Received";
  public static final Matcher<ExpressionTree> RECEIVED_OK =
      NamedMethods.onExactClass(RECEIVED, "ok");

  // Select.
  public static final Matcher<ExpressionTree> SELECT_START =
      NamedMethods.staticOf(SELECT, "select");
  public static final Matcher<ExpressionTree> SELECT_RECV =
      NamedMethods.onExactClass(SELECT, "recv", "recvOk");
  /** The select case that also reports the channel's close. */
  public static final Matcher<ExpressionTree> SELECT_RECV_OK =
      NamedMethods.onExactClass(SELECT, "recvOk");
  public static final Matcher<ExpressionTree> SELECT_SEND =
      NamedMethods.onExactClass(SELECT, "send");
  public static final Matcher<ExpressionTree> SELECT_OTHERWISE =
      NamedMethods.onExactClass(SELECT, "otherwise");
  public static final Matcher<ExpressionTree> SELECT_RUN =
      NamedMethods.onExactClass(SELECT, "run");
  /** A {@code recv}, {@code recvOk}, {@code send} or {@code otherwise} case of a select chain. */
  public static final Matcher<ExpressionTree> SELECT_CASE =
      Matchers.anyOf(SELECT_RECV, SELECT_SEND, SELECT_OTHERWISE);

  // Contexts.
  public static final Matcher<ExpressionTree> CONTEXT_ROOT =
      NamedMethods.staticOf(CONTEXT, "background", "todo");
  public static final Matcher<ExpressionTree> CONTEXT_WITH_CANCEL =
      NamedMethods.staticOf(CONTEXT, "withCancel", "withTimeout", "withDeadline");
  public static final Matcher<ExpressionTree> CONTEXT_WITHOUT_CANCEL =
      NamedMethods.staticOf(CONTEXT, "withoutCancel");
  public static final Matcher<ExpressionTree> CONTEXT_DONE =
      NamedMethods.onDescendantOf(CONTEXT, "done");
  public static final Matcher<ExpressionTree> CONTEXT_ERR =
      NamedMethods.onDescendantOf(CONTEXT, "err");
  public static final Matcher<ExpressionTree> CONTEXT_CANCEL =
      NamedMethods.onDescendantOf(CANCEL_CONTEXT, "cancel", "close");
  public static final Matcher<ExpressionTree> CONTEXT_CANCEL_FUNC =
      NamedMethods.onDescendantOf(CANCEL_CONTEXT, "cancelFunc");
  public static final Matcher<ExpressionTree> CANCEL_FUNC_CANCEL =
      NamedMethods.onDescendantOf(CANCEL_FUNC, "cancel");

  // WaitGroup and ErrGroup.
  public static final Matcher<ExpressionTree> WAIT_GROUP_ADD =
      NamedMethods.onDescendantOf(WAIT_GROUP, "add");
  public static final Matcher<ExpressionTree> WAIT_GROUP_DONE =
      NamedMethods.onDescendantOf(WAIT_GROUP, "done");
  public static final Matcher<ExpressionTree> WAIT_GROUP_AWAIT =
      NamedMethods.onDescendantOf(WAIT_GROUP, "await");
  public static final Matcher<ExpressionTree> ERR_GROUP_AWAIT =
      NamedMethods.onDescendantOf(ERR_GROUP, "await");
  /** {@code ErrGroup.withContext(ctx)}: a group whose context is derived from {@code ctx}. */
  public static final Matcher<ExpressionTree> ERR_GROUP_WITH_CONTEXT =
      NamedMethods.staticOf(ERR_GROUP, "withContext");
  public static final Matcher<ExpressionTree> ERR_GROUP_CONTEXT =
      NamedMethods.onDescendantOf(ERR_GROUP, "context");

  // Timers.
  public static final Matcher<ExpressionTree> TIME_AFTER = NamedMethods.staticOf(TIME, "after");
  public static final Matcher<ExpressionTree> TIME_NEW_TIMER_OR_TICKER =
      NamedMethods.staticOf(TIME, "newTimer", "newTicker");
  public static final Matcher<ExpressionTree> TIMER_OR_TICKER_STOP =
      Matchers.anyOf(
          NamedMethods.onDescendantOf(TIMER, "stop", "close"),
          NamedMethods.onDescendantOf(TICKER, "stop", "close"));
  /** {@code timer.c()}: the channel a {@code Timer} fires on. */
  public static final Matcher<ExpressionTree> TIMER_CHANNEL =
      NamedMethods.onDescendantOf(TIMER, "c");
  /** A channel the clock sends on: {@code Time.after(d)}, {@code timer.c()}, {@code ticker.c()}. */
  public static final Matcher<ExpressionTree> CLOCK_CHANNEL =
      Matchers.anyOf(TIME_AFTER, TIMER_CHANNEL, NamedMethods.onDescendantOf(TICKER, "c"));

  /**
   * The cheap first exit, called before any tree walk: whether the compilation unit is in the
   * runtime's package or imports from it. Code that names the runtime only by fully qualified
   * names in the body is not analysed (a deliberate miss: it costs every other file a scan).
   */
  public static boolean mentionsRuntime(CompilationUnitTree unit) {
    if (unit.getPackageName() != null && inRuntimePackage(unit.getPackageName())) {
      return true;
    }
    for (ImportTree imp : unit.getImports()) {
      if (inRuntimePackage(imp.getQualifiedIdentifier())) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@link #mentionsRuntime(CompilationUnitTree)} for the unit {@code state} is checking, read
   * once per unit: every rule asks it on every tree it matches, and listing a unit's imports
   * walks its top-level trees each time.
   */
  public static boolean mentionsRuntime(VisitorState state) {
    CompilationUnitTree unit = state.getPath().getCompilationUnit();
    return UnitMemo.get(state, MENTIONS_RUNTIME, unit, () -> mentionsRuntime(unit));
  }

  private static final UnitMemo.Fact<Boolean> MENTIONS_RUNTIME =
      new UnitMemo.Fact<>("names the runtime");

  /**
   * Whether a dotted name starts with {@code dev.goconc}, read from its two leftmost names:
   * printing the tree instead ({@code toString()}) cost every rule a pretty-printer run per
   * import on every matched tree of every file.
   */
  private static boolean inRuntimePackage(Tree name) {
    Tree second = null;
    Tree leftmost = name;
    while (leftmost instanceof MemberSelectTree select) {
      second = select;
      leftmost = select.getExpression();
    }
    return leftmost instanceof IdentifierTree root
        && root.getName().contentEquals("dev")
        && second instanceof MemberSelectTree next
        && next.getIdentifier().contentEquals("goconc");
  }


  /**
   * Whether {@code type} is, or is a subtype of, the type named {@code className}. The rules ask
   * this of nearly every name and variable they meet (is it a channel?), so the answer for a class
   * type is kept per class: subtyping is decided on erasures, and a class type's erasure is its
   * class's.
   */
  public static boolean isSubtypeOf(Type type, String className, VisitorState state) {
    if (type == null) {
      return false;
    }
    Map<TypeSymbol, Boolean> answers = null;
    if (type.hasTag(TypeTag.CLASS)) {
      answers = SubclassAnswers.in(state).computeIfAbsent(className, t -> new IdentityHashMap<>());
      Boolean known = answers.get(type.tsym);
      if (known != null) {
        return known;
      }
    }
    Type target = TYPES.computeIfAbsent(className, Suppliers::typeFromString).get(state);
    boolean answer = target != null && ASTHelpers.isSubtype(type, target, state);
    if (answers != null) {
      answers.put(type.tsym, answer);
    }
    return answer;
  }

  /** The types {@link #isSubtypeOf} compares with, each looked up once per compilation. */
  private static final java.util.Map<String, Supplier<Type>> TYPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * {@link #isSubtypeOf}'s answers for class types, by the name of the type asked about and then
   * by class, kept for one compilation in its {@link Context} (symbols belong to it; parallel
   * tasks share nothing).
   */
  private static final class SubclassAnswers {
    private static final Context.Key<Map<String, Map<TypeSymbol, Boolean>>> KEY =
        new Context.Key<>();

    static Map<String, Map<TypeSymbol, Boolean>> in(VisitorState state) {
      Map<String, Map<TypeSymbol, Boolean>> answers = state.context.get(KEY);
      if (answers == null) {
        answers = new java.util.HashMap<>();
        state.context.put(KEY, answers);
      }
      return answers;
    }
  }
}
