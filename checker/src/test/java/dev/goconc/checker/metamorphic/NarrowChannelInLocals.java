package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.Optional;
import java.util.Set;

/**
 * For a {@code Chan} variable, {@code var chRecv = ch.recvOnly();} and
 * {@code var chSend = ch.sendOnly();} after its declaration, and each later receive (receive,
 * receiveOk, tryReceive, a for-each, a select's {@code recv}) goes through {@code chRecv}, each
 * send and close (send, trySend, close, a select's {@code send}) through {@code chSend}: views of
 * the same channel. Other uses (passing, returning, len) keep the channel.
 */
final class NarrowChannelInLocals implements Transformation {
  private static final Set<String> RECEIVES = Set.of("receive", "receiveOk", "tryReceive");
  private static final Set<String> SENDS = Set.of("send", "trySend", "close");

  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    boolean changed = false;
    for (ChannelVariables channel : ChannelVariables.in(member)) {
      String recv = channel.name() + "Recv";
      String send = channel.name() + "Send";
      if (!channel.type().equals("Chan") || ChannelVariables.taken(member, recv) || ChannelVariables.taken(member, send)) {
        continue;
      }
      boolean received = false;
      boolean sent = false;
      for (NameExpr use : channel.uses()) {
        switch (role(use)) {
          case "recv" -> {
            use.setName(recv);
            received = true;
          }
          case "send" -> {
            use.setName(send);
            sent = true;
          }
          default -> {}
        }
      }
      // Declared in reverse: each goes right after the channel's declaration.
      if (sent) {
        channel.declareAlias(member, Java.statement("var " + send + " = " + channel.name() + ".sendOnly();"));
      }
      if (received) {
        channel.declareAlias(member, Java.statement("var " + recv + " = " + channel.name() + ".recvOnly();"));
      }
      changed |= received || sent;
    }
    return Rewritten.inPlace(member, changed);
  }

  private static String role(NameExpr use) {
    Object parent = use.getParentNode().orElse(null);
    if (parent instanceof ForEachStmt loop && loop.getIterable() == use) {
      return "recv";
    }
    if (parent instanceof MethodCallExpr call) {
      boolean isScope = call.getScope().map(s -> s == use).orElse(false);
      String name = call.getNameAsString();
      if (isScope && RECEIVES.contains(name)) {
        return "recv";
      }
      if (isScope && SENDS.contains(name)) {
        return "send";
      }
      boolean firstArgument = !call.getArguments().isEmpty() && call.getArgument(0) == use;
      if (firstArgument && name.equals("recv") && call.getArguments().size() == 2) {
        return "recv";
      }
      if (firstArgument && name.equals("send") && call.getArguments().size() == 3) {
        return "send";
      }
    }
    return "";
  }
}
