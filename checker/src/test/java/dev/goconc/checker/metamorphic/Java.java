package dev.goconc.checker.metamorphic;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.stmt.Statement;
import java.util.function.Function;

/** javaparser at the language level the rule tests are written in. */
final class Java {
  private static final ParserConfiguration CONFIG =
      new ParserConfiguration().setLanguageLevel(LanguageLevel.JAVA_21);

  private Java() {}

  static CompilationUnit parse(String text) {
    return parse(text, parser -> parser.parse(text));
  }

  static Expression expression(String text) {
    return parse(text, parser -> parser.parseExpression(text));
  }

  static Statement statement(String text) {
    return parse(text, parser -> parser.parseStatement(text));
  }

  static BodyDeclaration<?> member(String text) {
    return parse(text, parser -> parser.parseBodyDeclaration(text));
  }

  private static <T> T parse(String text, Function<JavaParser, ParseResult<T>> how) {
    ParseResult<T> result = how.apply(new JavaParser(CONFIG));
    if (!result.isSuccessful() || result.getResult().isEmpty()) {
      throw new IllegalArgumentException("does not parse: " + result.getProblems() + "\n" + text);
    }
    return result.getResult().get();
  }
}
