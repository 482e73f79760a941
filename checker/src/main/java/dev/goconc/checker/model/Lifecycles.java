package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Symbol.ClassSymbol;
import com.sun.tools.javac.code.Symbol.MethodSymbol;
import com.sun.tools.javac.code.Symbol;
import dev.goconc.checker.api.GoconcApi;
import java.util.Set;

/**
 * Whether the instances of a class have an end: a moment at which what they started should stop.
 * A class has one when it is {@code AutoCloseable} or declares (or inherits) a method with no
 * parameters named as lifecycles name their end ({@code close}, {@code stop}, {@code shutdown},
 * {@code dispose}, ...). Work that an instance starts and never stops outlives such an end; in a
 * class with none, the work lives as long as the process by design.
 */
public final class Lifecycles {
  private Lifecycles() {}

  /** The names of the methods that end an instance's life, across the common frameworks. */
  public static final Set<String> END_METHOD_NAMES =
      Set.of(
          "close",
          "stop",
          "stopAsync",
          "shutdown",
          "shutdownNow",
          "dispose",
          "destroy",
          "terminate",
          "doStop",
          "preDestroy");

  /** Whether instances of {@code type} have an end (see the class comment). */
  public static boolean hasEnd(ClassSymbol type, VisitorState state) {
    if (type == null) {
      return false;
    }
    if (GoconcApi.isSubtypeOf(type.type, "java.lang.AutoCloseable", state)) {
      return true;
    }
    return state
        .getTypes()
        .membersClosure(type.type, false)
        .getSymbols(Lifecycles::endsAnInstance)
        .iterator()
        .hasNext();
  }

  private static boolean endsAnInstance(Symbol member) {
    return member instanceof MethodSymbol method
        && !method.isStatic()
        && method.getParameters().isEmpty()
        && END_METHOD_NAMES.contains(method.getSimpleName().toString());
  }
}
