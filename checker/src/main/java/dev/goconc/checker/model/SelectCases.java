package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.google.errorprone.util.ASTHelpers;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreePath;
import dev.goconc.checker.api.GoconcApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cases of one fluent {@code Select.select()...run()} chain. A select built through
 * intermediate variables has no visible chain: {@link #around} is then empty and callers decide
 * conservatively.
 */
public final class SelectCases {
  private SelectCases() {}

  /** Whether {@code call} is a {@code recv}, {@code recvOk}, {@code send} or {@code otherwise}. */
  public static boolean isCase(MethodInvocationTree call, VisitorState state) {
    return GoconcApi.SELECT_CASE.matches(call, state);
  }

  /**
   * Every case of the chain that the case at {@code casePath} belongs to, when the chain starts
   * with {@code Select.select()} and ends with {@code run()} in the same expression.
   */
  public static Optional<List<MethodInvocationTree>> around(TreePath casePath, VisitorState state) {
    TreePath top = casePath;
    while (top.getParentPath() != null
        && top.getParentPath().getLeaf() instanceof MemberSelectTree select
        && top.getParentPath().getParentPath() != null
        && top.getParentPath().getParentPath().getLeaf() instanceof MethodInvocationTree outer
        && outer.getMethodSelect() == select) {
      top = top.getParentPath().getParentPath();
      if (GoconcApi.SELECT_RUN.matches((MethodInvocationTree) top.getLeaf(), state)) {
        break;
      }
    }
    if (!(top.getLeaf() instanceof MethodInvocationTree run)
        || !GoconcApi.SELECT_RUN.matches(run, state)) {
      return Optional.empty();
    }
    List<MethodInvocationTree> cases = new ArrayList<>();
    ExpressionTree receiver = ASTHelpers.getReceiver(run);
    while (receiver instanceof MethodInvocationTree call) {
      if (GoconcApi.SELECT_START.matches(call, state)) {
        return Optional.of(List.copyOf(cases.reversed()));
      }
      if (!isCase(call, state)) {
        return Optional.empty();
      }
      cases.add(call);
      receiver = ASTHelpers.getReceiver(call);
    }
    return Optional.empty();
  }

  /**
   * Whether the select chain ending in {@code run} has an {@code otherwise} case. Unlike {@link
   * #around}, it needs no {@code Select.select()} at the chain's start.
   */
  public static boolean hasOtherwise(MethodInvocationTree run, VisitorState state) {
    ExpressionTree receiver = ASTHelpers.getReceiver(run);
    while (receiver instanceof MethodInvocationTree call) {
      if (GoconcApi.SELECT_OTHERWISE.matches(call, state)) {
        return true;
      }
      receiver = ASTHelpers.getReceiver(call);
    }
    return false;
  }

  /** The channel expression of a receive or send case; empty for {@code otherwise}. */
  public static Optional<ExpressionTree> channelOf(MethodInvocationTree selectCase) {
    return selectCase.getArguments().isEmpty()
        ? Optional.empty()
        : Optional.of(selectCase.getArguments().get(0));
  }
}
