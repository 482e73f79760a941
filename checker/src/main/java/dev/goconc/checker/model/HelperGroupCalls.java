package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;

/**
 * The calls on a group ({@code wg.add}, {@code wg.await}) that a goroutine's code makes through the
 * methods of the compilation unit it calls: {@code Go.go(() -> register(wg))} adds to {@code wg}
 * inside the goroutine as surely as a {@code wg.add(1)} written there, and {@code
 * Go.go(server::gossip)} adds to the stopper's group when {@code gossip()} calls {@code
 * stopper.runWorker(...)}, whose first statement is {@code stop.add(1)}.
 *
 * <p>A call is followed only where the code it runs is certain ({@link
 * ParameterEffects#summarisable}: declared in this unit with a body, not overridable, not
 * recursive), at most {@value #DEPTH} calls deep, and only into the callee's own code (not the
 * goroutines and lambdas it starts, which run elsewhere or later). A call there is on one of the
 * goroutine's groups when its group is
 *
 * <ul>
 *   <li>a parameter, bound at each call to the argument when that names a variable: in the end the
 *       local, parameter or field the goroutine's own code passes;
 *   <li>a field confined to the unit's code: {@code private}, or declared in a private class.
 *       Every instance of the class is taken for one group (the model does not tell objects
 *       apart): a confined field's calls are all in view in its top-level class, so a wait on it
 *       there can be the wait of the instance a goroutine adds to, and no code elsewhere can hand
 *       the group another meaning.
 * </ul>
 *
 * A group the callee makes itself, or names any other way, is the callee's own and not followed.
 */
public final class HelperGroupCalls {
  private HelperGroupCalls() {}

  /** How many calls deep a goroutine's group calls are followed. */
  private static final int DEPTH = 3;

  /**
   * A call on a group that the goroutine's code makes through calls of the unit's methods.
   *
   * @param call the call in the goroutine's own code that leads to it
   * @param chain the methods run on the way, from the one {@code call} runs to the one that holds
   *     {@code groupCall}
   * @param groupCall the call on the group ({@code stop.add(1)}), in the last method of the chain
   * @param group the group, as the goroutine's own code knows it
   */
  public record Reached(
      MethodInvocationTree call,
      List<MethodSymbol> chain,
      MethodInvocationTree groupCall,
      VarSymbol group) {}

  /**
   * The calls matching {@code matcher} that the goroutine {@code body} (its path) makes one to
   * {@value #DEPTH} calls away, in source order of the goroutine's calls; the calls of its own
   * code are {@link WaitGroupGoroutines#callsIn}'s.
   */
  public static List<Reached> in(
      TreePath body, Matcher<ExpressionTree> matcher, VisitorState state) {
    List<Reached> reached = new ArrayList<>();
    for (TreePath callPath : ownCalls(body, state)) {
      MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
      Map<VarSymbol, VarSymbol> bindings = new IdentityHashMap<>();
      Optional<TreePath> callee = callee(call, Map.of(), true, bindings, state);
      if (callee.isPresent() && reaches(callee.get(), matcher, DEPTH - 1, state)) {
        follow(callee.get(), bindings, 1, call, List.of(), matcher, reached, state);
      }
    }
    return reached;
  }

  /**
   * Whether the method at {@code method}, or one it calls at most {@code deeper} calls away, makes
   * a call matching {@code matcher} in its own code, whatever group: the cheap question, read
   * once per method, that spares the walk with bindings the methods that cannot lead to a group
   * call.
   */
  private static boolean reaches(
      TreePath method, Matcher<ExpressionTree> matcher, int deeper, VisitorState state) {
    Map<String, Boolean> known = UnitMemo.get(state, REACHES, method.getLeaf(), HashMap::new);
    String key = System.identityHashCode(matcher) + "/" + deeper;
    Boolean answer = known.get(key);
    if (answer == null) {
      answer = false;
      for (TreePath callPath : ownCalls(method, state)) {
        MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
        if (matcher.matches(call, state)) {
          answer = true;
          break;
        }
        if (deeper > 0 && ASTHelpers.getSymbol(call) instanceof MethodSymbol callee
            && ParameterEffects.summarisable(callee, state)) {
          TreePath path = methodPath(
              GoroutineBodies.declarationInUnit(callee, state).orElseThrow(), state);
          if (path != null && reaches(path, matcher, deeper - 1, state)) {
            answer = true;
            break;
          }
        }
      }
      known.put(key, answer);
    }
    return answer;
  }

  private static final UnitMemo.Fact<Map<String, Boolean>> REACHES =
      new UnitMemo.Fact<>("methods that reach a group call");

  /**
   * The groups that the goroutine {@code body} waits on with {@code matcher}, in its own code or
   * through calls: a goroutine that waits for the children it counts, whichever method does it.
   */
  public static Set<VarSymbol> waitedOn(
      TreePath body, Matcher<ExpressionTree> matcher, VisitorState state) {
    Set<VarSymbol> groups = Collections.newSetFromMap(new IdentityHashMap<>());
    WaitGroupGoroutines.callsIn(body, matcher, state).forEach(c -> groups.add(c.group()));
    in(body, matcher, state).forEach(r -> groups.add(r.group()));
    return groups;
  }

  private static void follow(
      TreePath method,
      Map<VarSymbol, VarSymbol> bindings,
      int depth,
      MethodInvocationTree first,
      List<MethodSymbol> chainSoFar,
      Matcher<ExpressionTree> matcher,
      List<Reached> reached,
      VisitorState state) {
    List<MethodSymbol> chain = new ArrayList<>(chainSoFar);
    chain.add(ASTHelpers.getSymbol((MethodTree) method.getLeaf()));
    List<TreePath> calls = ownCalls(method, state);
    for (TreePath callPath : calls) {
      MethodInvocationTree call = (MethodInvocationTree) callPath.getLeaf();
      if (matcher.matches(call, state)
          && WaitGroupGoroutines.groupOf(call) instanceof VarSymbol named
          && goroutineGroup(named, bindings, false) instanceof VarSymbol group) {
        reached.add(new Reached(first, List.copyOf(chain), call, group));
      }
    }
    if (depth == DEPTH) {
      return;
    }
    for (TreePath callPath : calls) {
      Map<VarSymbol, VarSymbol> next = new IdentityHashMap<>();
      Optional<TreePath> callee =
          callee((MethodInvocationTree) callPath.getLeaf(), bindings, false, next, state);
      if (callee.isPresent() && reaches(callee.get(), matcher, DEPTH - depth - 1, state)) {
        follow(callee.get(), next, depth + 1, first, chain, matcher, reached, state);
      }
    }
  }

  /**
   * The declaration that {@code call} certainly runs; fills {@code next} with its parameters bound
   * to the goroutine's groups that the call passes them.
   */
  private static Optional<TreePath> callee(
      MethodInvocationTree call,
      Map<VarSymbol, VarSymbol> bindings,
      boolean goroutineOwnCode,
      Map<VarSymbol, VarSymbol> next,
      VisitorState state) {
    if (!(ASTHelpers.getSymbol(call) instanceof MethodSymbol method)
        || !ParameterEffects.summarisable(method, state)) {
      return Optional.empty();
    }
    MethodTree declared = GoroutineBodies.declarationInUnit(method, state).orElseThrow();
    int bound = method.isVarArgs() ? declared.getParameters().size() - 1
        : declared.getParameters().size();
    for (int i = 0; i < bound && i < call.getArguments().size(); i++) {
      ExpressionTree argument = ASTHelpers.stripParentheses(call.getArguments().get(i));
      VarSymbol parameter = ASTHelpers.getSymbol(declared.getParameters().get(i));
      if (ASTHelpers.getSymbol(argument) instanceof VarSymbol named && parameter != null) {
        VarSymbol group = goroutineGroup(named, bindings, goroutineOwnCode);
        if (group != null) {
          next.put(parameter, group);
        }
      }
    }
    return Optional.ofNullable(methodPath(declared, state));
  }

  /**
   * The goroutine's group that {@code named} is, named in the goroutine's own code or in a method
   * it calls (then {@code bindings} holds that method's bound parameters); null for a group the
   * model does not follow.
   */
  private static VarSymbol goroutineGroup(
      VarSymbol named, Map<VarSymbol, VarSymbol> bindings, boolean goroutineOwnCode) {
    return switch (named.getKind()) {
      case FIELD -> confined(named) ? named : null;
      case LOCAL_VARIABLE -> goroutineOwnCode ? named : null;
      case PARAMETER -> goroutineOwnCode ? named : bindings.get(named);
      default -> null;
    };
  }

  /** Whether no code outside the unit can reach {@code field}: private, or in a private class. */
  private static boolean confined(VarSymbol field) {
    if ((field.flags() & Flags.PRIVATE) != 0) {
      return true;
    }
    for (Symbol c = field.owner; c != null && c.getKind() != ElementKind.PACKAGE; c = c.owner) {
      if ((c.flags() & Flags.PRIVATE) != 0) {
        return true;
      }
    }
    return false;
  }

  private static final UnitMemo.Fact<List<TreePath>> OWN_CALLS =
      new UnitMemo.Fact<>("calls in a body's own code");

  /** The calls that {@code code} (a goroutine body or a method) makes in its own code. */
  private static List<TreePath> ownCalls(TreePath code, VisitorState state) {
    return UnitMemo.get(state, OWN_CALLS, code.getLeaf(),
        () -> Calls.pathsInOwnCode(code, code.getLeaf(), c -> true));
  }

  private static final UnitMemo.Fact<TreePath> METHOD_PATH = new UnitMemo.Fact<>("method path");

  private static TreePath methodPath(MethodTree method, VisitorState state) {
    return UnitMemo.get(state, METHOD_PATH, method,
        () -> TreePath.getPath(state.getPath().getCompilationUnit(), method));
  }
}
