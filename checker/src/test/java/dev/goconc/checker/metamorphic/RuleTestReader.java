package dev.goconc.checker.metamorphic;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the rule test classes as text and finds every {@code doTest()} of a
 * {@code CompilationTestHelper} made for goconc rules: {@code newInstance(Rule.class, ...)} held
 * in a field or inline, or inside a loop over a constant list of rule classes. Its sources are
 * the {@code addSourceLines} arguments: text blocks, string lines, or constants of the class
 * made of them.
 */
final class RuleTestReader {
  private final Set<String> knownRules;
  private final Skips skips;

  RuleTestReader(Set<String> knownRules, Skips skips) {
    this.knownRules = knownRules;
    this.skips = skips;
  }

  List<RuleTestCompilation> read(Path testDirectory) {
    List<RuleTestCompilation> compilations = new ArrayList<>();
    for (Path file : testClasses(testDirectory)) {
      compilations.addAll(readClass(file));
    }
    return compilations;
  }

  private static List<Path> testClasses(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith("Test.java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<RuleTestCompilation> readClass(Path file) {
    CompilationUnit unit;
    try {
      unit = Java.parse(Files.readString(file, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String testClass = file.getFileName().toString().replace(".java", "");
    Map<String, List<String>> helperFields = new HashMap<>();
    for (VariableDeclarator field : unit.findAll(VariableDeclarator.class)) {
      field.getInitializer()
          .flatMap(this::helperRules)
          .ifPresent(rules -> helperFields.put(field.getNameAsString(), rules));
    }
    List<RuleTestCompilation> found = new ArrayList<>();
    for (MethodDeclaration test : unit.findAll(MethodDeclaration.class)) {
      if (test.getAnnotationByName("Test").isPresent()) {
        for (MethodCallExpr doTest :
            test.findAll(MethodCallExpr.class, c -> c.getNameAsString().equals("doTest"))) {
          compilation(doTest, helperFields, testClass, test.getNameAsString()).ifPresent(found::add);
        }
      }
    }
    return found;
  }

  /** Walks the call chain that ends in {@code doTest()} back to its helper. */
  private Optional<RuleTestCompilation> compilation(
      MethodCallExpr doTest, Map<String, List<String>> helperFields, String testClass, String testMethod) {
    String where = testClass + "#" + testMethod;
    List<TestSource> sources = new ArrayList<>();
    Expression link = doTest;
    List<String> rules = null;
    while (link instanceof MethodCallExpr call) {
      switch (call.getNameAsString()) {
        case "addSourceLines" -> {
          Optional<TestSource> source = source(call);
          if (source.isEmpty()) {
            skips.add("test source is not made of literals", where);
            return Optional.empty();
          }
          sources.add(0, source.get());
        }
        case "addInputLines", "addOutputLines" -> {
          skips.add("refactoring test (judges a fix, not findings)", where);
          return Optional.empty();
        }
        case "setArgs" -> {
          // Compiler flags change what a rule sees; the suite compiles with none.
          skips.add("test passes compiler flags", where);
          return Optional.empty();
        }
        case "newInstance", "compilation" -> {
          if (call.getNameAsString().equals("compilation") && call.getArguments().size() > 2) {
            skips.add("test passes compiler flags", where);
            return Optional.empty();
          }
          rules = helperRules(call).orElse(null);
        }
        default -> {}
      }
      link = call.getScope().orElse(null);
    }
    if (rules == null && link instanceof NameExpr field) {
      rules = helperFields.get(field.getNameAsString());
    }
    if (rules == null || !knownRules.containsAll(rules)) {
      skips.add("helper is not for goconc rules", where);
      return Optional.empty();
    }
    if (sources.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new RuleTestCompilation(rules, testClass, testMethod, List.copyOf(sources)));
  }

  /**
   * {@code newInstance(Rule.class, ...)} or the strict {@code StrictRules.compilation(Rule.class,
   * ...)}, or either with {@code rule} in a loop over rules.
   */
  private Optional<List<String>> helperRules(Expression expression) {
    if (!(expression instanceof MethodCallExpr call)
        || !isHelperFactory(call)
        || call.getArguments().isEmpty()) {
      return Optional.empty();
    }
    Expression rule = call.getArgument(0);
    if (rule instanceof ClassExpr single) {
      return Optional.of(List.of(single.getType().asString()));
    }
    if (rule instanceof NameExpr variable) {
      return loopOverRules(call, variable.getNameAsString());
    }
    return Optional.empty();
  }

  private static boolean isHelperFactory(MethodCallExpr call) {
    String scope = call.getScope().map(Object::toString).orElse("");
    return (call.getNameAsString().equals("newInstance") && scope.equals("CompilationTestHelper"))
        || (call.getNameAsString().equals("compilation") && scope.equals("StrictRules"));
  }

  private static Optional<List<String>> loopOverRules(Node call, String variable) {
    Optional<ForEachStmt> loop = call.findAncestor(ForEachStmt.class);
    if (loop.isEmpty()
        || !loop.get().getVariableDeclarator().getNameAsString().equals(variable)
        || !(loop.get().getIterable() instanceof NameExpr list)) {
      return Optional.empty();
    }
    return constant(call, list.getNameAsString())
        .filter(MethodCallExpr.class::isInstance)
        .map(MethodCallExpr.class::cast)
        .filter(listOf -> listOf.getArguments().stream().allMatch(ClassExpr.class::isInstance))
        .map(listOf -> listOf.getArguments().stream().map(a -> ((ClassExpr) a).getType().asString()).toList());
  }

  /** The initializer of a field of the test class. */
  private static Optional<Expression> constant(Node from, String name) {
    CompilationUnit unit = from.findCompilationUnit().orElseThrow();
    return unit.findAll(VariableDeclarator.class, v -> v.getNameAsString().equals(name)).stream()
        .flatMap(v -> v.getInitializer().stream())
        .findFirst();
  }

  private static Optional<TestSource> source(MethodCallExpr addSourceLines) {
    List<Expression> arguments = addSourceLines.getArguments();
    if (arguments.size() < 2 || !(arguments.get(0) instanceof StringLiteralExpr fileName)) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    for (Expression line : arguments.subList(1, arguments.size())) {
      if (!appendLines(line, text)) {
        return Optional.empty();
      }
    }
    return Optional.of(new TestSource(fileName.asString(), text.toString()));
  }

  /** {@code "a" + "b"}: one line written in two pieces. */
  private static Optional<String> concatenation(Expression expression) {
    if (expression instanceof StringLiteralExpr literal) {
      return Optional.of(literal.asString());
    }
    if (expression instanceof BinaryExpr plus && plus.getOperator() == BinaryExpr.Operator.PLUS) {
      return concatenation(plus.getLeft()).flatMap(l -> concatenation(plus.getRight()).map(r -> l + r));
    }
    return Optional.empty();
  }

  /** A text block, a string line, a constant, or an array of lines, as the helper joins them. */
  private static boolean appendLines(Expression lines, StringBuilder text) {
    if (lines instanceof TextBlockLiteralExpr block) {
      text.append(block.asString());
      return true;
    }
    if (lines instanceof StringLiteralExpr || lines instanceof BinaryExpr) {
      Optional<String> line = concatenation(lines);
      line.ifPresent(l -> text.append(l).append('\n'));
      return line.isPresent();
    }
    if (lines instanceof NameExpr name) {
      Optional<Expression> value = constant(name, name.getNameAsString());
      return value.isPresent() && appendLines(value.get(), text);
    }
    if (lines instanceof ArrayCreationExpr array && array.getInitializer().isPresent()) {
      return appendLines(array.getInitializer().get(), text);
    }
    if (lines instanceof ArrayInitializerExpr array) {
      return array.getValues().stream().allMatch(value -> appendLines(value, text));
    }
    return false;
  }
}
