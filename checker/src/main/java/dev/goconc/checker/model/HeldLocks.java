package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.SynchronizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.tools.javac.code.Flags;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol.VarSymbol;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.flow.ExitPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * The locks code holds at a point, and the places where code takes them, for locks whose identity
 * is certain: the monitor of {@code this} ({@code synchronized (this)}, a {@code synchronized}
 * method), of a class object ({@code synchronized (C.class)}, a {@code static synchronized}
 * method), of the object a final field or an effectively final local holds ({@code synchronized
 * (mu)}), and a {@code java.util.concurrent.locks.Lock} such a variable holds ({@code
 * mu.lock()}). An instance field named without a qualifier or through {@code this} is the field
 * of the code's one enclosing instance of its class ({@link #throughEnclosingInstance}); whether
 * two pieces of code run on the same instance is for the question to settle ({@link
 * AwaitsHoldingLocks} ties them through the group both use). Any other lock expression (a call's
 * result, {@code other.mu}, a non-final field, {@code rw.readLock()}) has no certain identity and
 * is never reported.
 */
public final class HeldLocks {
  private HeldLocks() {}

  /** What kind of lock: an object's monitor, or a {@code Lock} object. */
  public enum Kind {
    MONITOR,
    LOCK
  }

  /**
   * A lock: the monitor or {@code Lock} held by {@code holder} (a field, local or parameter), or
   * the monitor of the instance ({@code this}) or class object ({@code classObject}) of {@code
   * holder}, a class.
   */
  public record Lock(Kind kind, Symbol holder, boolean classObject) {
    /** How a message names it: {@code mu}, {@code this}, {@code Server.class}. */
    public String name() {
      if (holder instanceof ClassSymbol type) {
        return classObject ? type.getSimpleName() + ".class" : "this";
      }
      return holder.getSimpleName().toString();
    }
  }

  /** A lock held at a point (or taken by code), and the tree that takes it. */
  public record Taken(Lock lock, Tree at) {}

  /**
   * The locks held where {@code path} is, by the code it runs in (a method, lambda or initializer):
   * the {@code synchronized} blocks around it there, the method's own monitor when it is {@code
   * synchronized}, and each {@code Lock} the code takes with a path from that {@code lock()} to
   * here that passes no {@code unlock()} of it.
   */
  public static List<Taken> heldAt(TreePath path, VisitorState state) {
    List<Taken> held = new ArrayList<>();
    TreePath root = null;
    Tree child = path.getLeaf();
    for (TreePath p = path.getParentPath(); p != null; child = p.getLeaf(), p = p.getParentPath()) {
      Tree leaf = p.getLeaf();
      if (leaf instanceof SynchronizedTree block && block.getBlock() == child) {
        Lock lock = lockOf(block.getExpression(), p, Kind.MONITOR);
        if (lock != null) {
          held.add(new Taken(lock, block));
        }
      }
      if (leaf instanceof MethodTree
          || leaf instanceof LambdaExpressionTree
          || (leaf instanceof BlockTree && p.getParentPath().getLeaf() instanceof ClassTree)) {
        root = p;
        break;
      }
      if (leaf instanceof ClassTree) {
        return held;
      }
    }
    if (root == null) {
      return held;
    }
    if (root.getLeaf() instanceof MethodTree method) {
      ownMonitor(method).ifPresent(lock -> held.add(new Taken(lock, method)));
    }
    held.addAll(locksTakenAndNotReleased(root, path.getLeaf(), state));
    return held;
  }

  /** The monitor a {@code synchronized} method takes; empty for any other method. */
  public static Optional<Lock> ownMonitor(MethodTree method) {
    MethodSymbol symbol = ASTHelpers.getSymbol(method);
    if (symbol == null || !method.getModifiers().getFlags().contains(Modifier.SYNCHRONIZED)) {
      return Optional.empty();
    }
    boolean isStatic = method.getModifiers().getFlags().contains(Modifier.STATIC);
    return Optional.of(new Lock(Kind.MONITOR, symbol.enclClass(), isStatic));
  }

  /** Each {@code lock()} of {@code root}'s own code from which a path reaches {@code target} holding it. */
  private static List<Taken> locksTakenAndNotReleased(
      TreePath root, Tree target, VisitorState state) {
    List<Taken> taken = takenIn(root, kind -> kind == Kind.LOCK, state);
    if (taken.isEmpty()) {
      return taken;
    }
    Optional<ExitPaths> paths = ExitPaths.of(root, state);
    if (paths.isEmpty()) {
      return List.of();
    }
    List<Taken> held = new ArrayList<>();
    for (Taken lock : taken) {
      if (paths.get()
          .reachedAvoiding(lock.at(), t -> t == target, t -> releases(t, lock.lock(), root, state))
          .contains(target)) {
        held.add(lock);
      }
    }
    return held;
  }

  private static boolean releases(Tree tree, Lock lock, TreePath root, VisitorState state) {
    if (!(tree instanceof MethodInvocationTree call)
        || !JdkApi.LOCK_RELEASE.matches(call, state)
        || ASTHelpers.getReceiver(call) == null) {
      return false;
    }
    TreePath path = TreePath.getPath(root, call);
    return path != null && lock.equals(lockOf(ASTHelpers.getReceiver(call), path, Kind.LOCK));
  }

  /**
   * The acquisitions in {@code body}'s own code (not in its lambdas or classes) of locks whose kind
   * {@code kinds} accepts: {@code synchronized} blocks and {@code lock()} calls.
   */
  public static List<Taken> takenIn(
      TreePath body, Predicate<Kind> kinds, VisitorState state) {
    List<Taken> taken = new ArrayList<>();
    Tree root = body.getLeaf();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitSynchronized(SynchronizedTree block, Void unused) {
        Lock lock = kinds.test(Kind.MONITOR)
            ? lockOf(block.getExpression(), getCurrentPath(), Kind.MONITOR)
            : null;
        if (lock != null) {
          taken.add(new Taken(lock, block));
        }
        return super.visitSynchronized(block, null);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        if (kinds.test(Kind.LOCK)
            && JdkApi.LOCK_ACQUIRE.matches(call, state)
            && ASTHelpers.getReceiver(call) != null) {
          Lock lock = lockOf(ASTHelpers.getReceiver(call), getCurrentPath(), Kind.LOCK);
          if (lock != null) {
            taken.add(new Taken(lock, call));
          }
        }
        return super.visitMethodInvocation(call, null);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree lambda, Void unused) {
        return lambda == root ? super.visitLambdaExpression(lambda, null) : null;
      }

      @Override
      public Void visitClass(ClassTree type, Void unused) {
        return null;
      }
    }.scan(body, null);
    return taken;
  }

  /**
   * The lock of kind {@code kind} that {@code expression}, at {@code where}, names with certain
   * identity; null when it names none.
   */
  public static Lock lockOf(ExpressionTree expression, TreePath where, Kind kind) {
    ExpressionTree e = ASTHelpers.stripParentheses(expression);
    if (e instanceof IdentifierTree name
        && (name.getName().contentEquals("this") || name.getName().contentEquals("super"))) {
      ClassSymbol type = enclosingClass(where);
      return kind != Kind.MONITOR || type == null ? null : new Lock(Kind.MONITOR, type, false);
    }
    if (e instanceof MemberSelectTree select
        && (select.getIdentifier().contentEquals("this")
            || select.getIdentifier().contentEquals("class"))) {
      return kind == Kind.MONITOR
              && ASTHelpers.getSymbol(select.getExpression()) instanceof ClassSymbol type
          ? new Lock(Kind.MONITOR, type, select.getIdentifier().contentEquals("class"))
          : null;
    }
    if (!(ASTHelpers.getSymbol(e) instanceof VarSymbol variable)
        || !isSameObjectEverywhere(e, variable, where)) {
      return null;
    }
    return new Lock(kind, variable, false);
  }

  /**
   * Whether {@code name}, at {@code where}, denotes one object however often the code runs, given
   * the instance it runs on: an effectively final local or parameter, a final static field, or a
   * final instance field named without a qualifier or through {@code this} (or {@code C.this}),
   * which is then the field of the code's one enclosing instance of the field's class ({@link
   * #throughEnclosingInstance}).
   */
  public static boolean isSameObjectEverywhere(
      ExpressionTree name, VarSymbol variable, TreePath where) {
    if (variable.getKind() == ElementKind.LOCAL_VARIABLE
        || variable.getKind() == ElementKind.PARAMETER) {
      return (variable.flags() & (Flags.FINAL | Flags.EFFECTIVELY_FINAL)) != 0;
    }
    if (variable.getKind() != ElementKind.FIELD || (variable.flags() & Flags.FINAL) == 0) {
      return false;
    }
    if (variable.isStatic()) {
      return true;
    }
    boolean throughThis = name instanceof IdentifierTree
        || (name instanceof MemberSelectTree select
            && ASTHelpers.stripParentheses(select.getExpression()) instanceof ExpressionTree owner
            && ((owner instanceof IdentifierTree self && self.getName().contentEquals("this"))
                || (owner instanceof MemberSelectTree qualified
                    && qualified.getIdentifier().contentEquals("this"))));
    return throughThis && throughEnclosingInstance(where, variable.enclClass());
  }

  /**
   * Whether the code at {@code path} reaches members of {@code owner} through its one enclosing
   * instance of {@code owner} (itself, or an outer instance of its lambdas, anonymous, local and
   * inner classes): it is nested in {@code owner}, and no class in between is a subclass of {@code
   * owner}, whose own inherited members would be meant instead.
   */
  public static boolean throughEnclosingInstance(TreePath path, ClassSymbol owner) {
    for (TreePath p = path; p != null; p = p.getParentPath()) {
      if (p.getLeaf() instanceof ClassTree type) {
        ClassSymbol symbol = ASTHelpers.getSymbol(type);
        if (symbol == owner) {
          return true;
        }
        if (symbol == null || extendsClass(symbol, owner)) {
          return false;
        }
      }
    }
    return false;
  }

  private static boolean extendsClass(ClassSymbol type, ClassSymbol base) {
    for (Type t = type.getSuperclass();
        t != null && t.tsym instanceof ClassSymbol superclass;
        t = superclass.getSuperclass()) {
      if (superclass == base) {
        return true;
      }
    }
    return false;
  }

  /**
   * The class whose instance {@code lock} belongs to, when that is an instance of a class: the
   * class of a {@code this} monitor, the class declaring an instance field; null for a lock that
   * is the same object for all instances (a local, a static field, a class object).
   */
  public static ClassSymbol instanceOwner(Lock lock) {
    if (lock.holder() instanceof ClassSymbol type) {
      return lock.classObject() ? null : type;
    }
    return lock.holder() instanceof VarSymbol field
            && field.getKind() == ElementKind.FIELD
            && !field.isStatic()
        ? field.enclClass()
        : null;
  }

  /** The class whose {@code this} the code at {@code path} means: its innermost class. */
  private static ClassSymbol enclosingClass(TreePath path) {
    ClassTree type = ASTHelpers.findEnclosingNode(path, ClassTree.class);
    return type == null ? null : ASTHelpers.getSymbol(type);
  }

  /** Whether {@code call} is made on {@code this} (no receiver, or {@code this.m()}). */
  public static boolean onThis(MethodInvocationTree call) {
    ExpressionTree receiver = ASTHelpers.getReceiver(call);
    return receiver == null
        || (ASTHelpers.stripParentheses(receiver) instanceof IdentifierTree self
            && self.getName().contentEquals("this"));
  }
}
