package dev.goconc.checker.api;

import static com.google.errorprone.matchers.method.MethodMatchers.instanceMethod;
import static com.google.errorprone.matchers.method.MethodMatchers.staticMethod;

import com.google.errorprone.VisitorState;
import com.google.errorprone.matchers.Matcher;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import javax.lang.model.element.Name;

/**
 * Method matchers that compare the name a call or method reference is written with before
 * anything else. The rules ask "is this a send, a close, an await?" of nearly every call they
 * meet, and Error Prone's method matchers test the receiver's type (a subtype test) before the
 * method's name; almost every call has another name, which a name comparison settles at once.
 * The answer is the same as the plain matcher's: a call or reference invokes the method it is
 * written with the name of.
 */
final class NamedMethods implements Matcher<ExpressionTree> {
  private final String[] names;
  private final Matcher<ExpressionTree> full;

  private NamedMethods(String[] names, Matcher<ExpressionTree> full) {
    this.names = names.clone();
    this.full = full;
  }

  /** An instance method named one of {@code names} on {@code type} or a subtype. */
  static Matcher<ExpressionTree> onDescendantOf(String type, String... names) {
    return new NamedMethods(names, instanceMethod().onDescendantOf(type).namedAnyOf(names));
  }

  /** An instance method named one of {@code names} called on exactly {@code type}. */
  static Matcher<ExpressionTree> onExactClass(String type, String... names) {
    return new NamedMethods(names, instanceMethod().onExactClass(type).namedAnyOf(names));
  }

  /** A static method named one of {@code names} of {@code type}. */
  static Matcher<ExpressionTree> staticOf(String type, String... names) {
    return new NamedMethods(names, staticMethod().onClass(type).namedAnyOf(names));
  }

  @Override
  public boolean matches(ExpressionTree tree, VisitorState state) {
    Name written = nameWritten(tree);
    return (written == null || isOneOfNames(written)) && full.matches(tree, state);
  }

  private boolean isOneOfNames(Name written) {
    int length = written.length();
    for (String name : names) {
      if (name.length() == length && written.contentEquals(name)) {
        return true;
      }
    }
    return false;
  }

  /** The method name {@code tree} is written with, or null when it is not a call or reference. */
  private static Name nameWritten(ExpressionTree tree) {
    return switch (tree) {
      case MethodInvocationTree call -> switch (call.getMethodSelect()) {
        case MemberSelectTree select -> select.getIdentifier();
        case IdentifierTree identifier -> identifier.getName();
        default -> null;
      };
      case MemberReferenceTree reference -> reference.getName();
      default -> null;
    };
  }
}
