package dev.goconc.checker;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
import java.util.function.Predicate;

/** Whether a piece of code contains a call: the checks' cheap first look before any analysis. */
public final class Calls {
  private Calls() {}

  /** Whether any call under {@code tree} (lambdas included: select handlers) matches. */
  public static boolean anyIn(Tree tree, Predicate<MethodInvocationTree> test) {
    boolean[] found = new boolean[1];
    new TreeScanner<Void, Void>() {
      @Override
      public Void scan(Tree node, Void unused) {
        return found[0] ? null : super.scan(node, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        found[0] |= test.test(call);
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(tree, null);
    return found[0];
  }
}
