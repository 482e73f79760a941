package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.NameExpr;
import java.util.List;
import java.util.Optional;

/**
 * After a channel variable's declaration (or at the start of the body, for a parameter),
 * {@code var chAlias = ch;} and every later use of {@code ch} uses {@code chAlias}: the same
 * channel under another name.
 */
final class AliasChannelWithVar implements Transformation {
  @Override
  public Optional<Rewritten> apply(BodyDeclaration<?> member) {
    boolean changed = false;
    for (ChannelVariables channel : ChannelVariables.in(member)) {
      String alias = channel.name() + "Alias";
      List<NameExpr> uses = channel.uses();
      if (uses.isEmpty() || ChannelVariables.taken(member, alias)) {
        continue;
      }
      uses.forEach(use -> use.setName(alias));
      channel.declareAlias(member, Java.statement("var " + alias + " = " + channel.name() + ";"));
      changed = true;
    }
    return Rewritten.inPlace(member, changed);
  }
}
