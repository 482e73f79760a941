package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.DataKey;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a case's source cannot see of the test's other files: the names they use, so that a
 * member another file calls is neither removed nor moved away. Carried on the parsed source.
 */
final class SourceFacts {
  private static final DataKey<Set<String>> OTHER_FILES_NAMES = new DataKey<>() {};
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  private SourceFacts() {}

  static void recordOtherFiles(CompilationUnit unit, List<TestSource> otherFiles) {
    Set<String> names = new HashSet<>();
    for (TestSource file : otherFiles) {
      Matcher identifier = IDENTIFIER.matcher(file.text());
      while (identifier.find()) {
        names.add(identifier.group());
      }
    }
    unit.setData(OTHER_FILES_NAMES, names);
  }

  static Set<String> namesUsedByOtherFiles(CompilationUnit unit) {
    return unit.containsData(OTHER_FILES_NAMES) ? unit.getData(OTHER_FILES_NAMES) : Set.of();
  }
}
