package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.flow.ExceptionHandlers;
import dev.goconc.checker.flow.ExitPaths;
import java.util.List;
import java.util.function.Predicate;

/**
 * Where a task's work may fail: the one reading of "this call may throw" for a question about
 * every way out of a task or body, a failure included (does every way out complete the future).
 *
 * <p>A call or a constructor may throw: I/O, a remote call, the unit's own code, a library the
 * model does not know. Not the JDK's in-memory code, whose failure is a programming error (a
 * null, an index out of range) rather than the work failing: the methods and constructors of
 * strings, boxes, {@code Math}, {@code Optional}, {@code Objects}, {@code Arrays}, {@code
 * Collections} and the lists, sets, maps and iterators of java.util and java.util.concurrent (the
 * blocking queues aside), and the JDK's own exceptions' constructors. Even there, a method that
 * declares an exception ({@code Integer.parseInt}'s {@code NumberFormatException}, {@code
 * getBytes(charsetName)}), or that takes code to run ({@code computeIfAbsent(key, loader)}, a
 * comparator), may throw: the JDK says so, or the code it runs is anyone's. Arithmetic, casts
 * and unboxing are no calls and never count.
 */
public final class FailingWork {
  private FailingWork() {}

  /** Whether {@code tree} is a call or constructor where the work may fail. */
  public static boolean mayFail(Tree tree, VisitorState state) {
    MethodSymbol method =
        switch (tree) {
          case MethodInvocationTree call -> ASTHelpers.getSymbol(call);
          case NewClassTree created ->
              created.getClassBody() == null ? ASTHelpers.getSymbol(created) : null;
          default -> null;
        };
    if (method == null) {
      return tree instanceof MethodInvocationTree || tree instanceof NewClassTree;
    }
    return !inMemory(method, state)
        || !method.getThrownTypes().isEmpty()
        || method.getParameters().stream().anyMatch(p -> runsCode(p.type, state));
  }

  /**
   * The exits of {@code paths}, the graph of {@code body}, from just after {@code start} (from the
   * entry when null) that pass no tree {@code passes} accepts, where the exception of a call where
   * the work may fail (but the trees {@code cannotFail} accepts) is a path into the {@code catch}
   * of the body that takes it: the catch exists for it ({@code catch (IOException e) { return;
   * }}). An exception that leaves the body is an exit of kind {@code THROW} with no tree. In a body
   * without a {@code catch} such exceptions can only leave, and the plain walk answers.
   */
  public static List<ExitPaths.Exit> exitsThroughCatches(ExitPaths paths, Tree body, Tree start,
      Predicate<Tree> passes, Predicate<Tree> cannotFail, VisitorState state) {
    return ExceptionHandlers.anyCatchIn(body)
        ? paths.exitsAvoidingThrows(start, passes, t -> mayFail(t, state) && !cannotFail.test(t))
        : paths.exitsAvoiding(start, passes);
  }

  /** Whether {@code method} is the JDK's in-memory code (see the class comment). */
  private static boolean inMemory(MethodSymbol method, VisitorState state) {
    ClassSymbol owner = method.enclClass();
    if (owner == null) {
      return false;
    }
    String name = owner.getQualifiedName().toString();
    if (JdkApi.IN_MEMORY_CLASSES.contains(name)) {
      return true;
    }
    String pkg = owner.packge().getQualifiedName().toString();
    if (method.isConstructor()
        && pkg.startsWith("java.")
        && ASTHelpers.isSubtype(owner.type, state.getSymtab().throwableType, state)) {
      return true;
    }
    return JdkApi.COLLECTION_PACKAGES.contains(pkg)
        && JdkApi.IN_MEMORY_KINDS.stream()
            .anyMatch(k -> GoconcApi.isSubtypeOf(owner.type, k, state))
        && JdkApi.WAITING_COLLECTIONS.stream()
            .noneMatch(k -> GoconcApi.isSubtypeOf(owner.type, k, state));
  }

  /** Whether a parameter of type {@code type} is code the method runs (a functional interface). */
  private static boolean runsCode(Type type, VisitorState state) {
    return type != null
        && type.tsym != null
        && !type.isPrimitive()
        && state.getTypes().isFunctionalInterface(type.tsym);
  }
}
