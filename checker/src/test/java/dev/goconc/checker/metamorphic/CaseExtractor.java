package dev.goconc.checker.metamorphic;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.comments.Comment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns each test compilation into cases, one per member of each source, and counts the BUG
 * markers that point into each member (a marker points at the first line after it that is not
 * itself a marker, as Error Prone's helper reads it).
 */
final class CaseExtractor {
  private final Skips skips;

  CaseExtractor(Skips skips) {
    this.skips = skips;
  }

  List<RuleCase> cases(List<RuleTestCompilation> compilations) {
    List<RuleCase> cases = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (RuleTestCompilation compilation : compilations) {
      for (int file = 0; file < compilation.sources().size(); file++) {
        for (RuleCase found : cases(compilation, file)) {
          if (ids.add(found.id())) {
            cases.add(found);
          } else {
            skips.add("same test, file and member twice", found.id());
          }
        }
      }
    }
    return cases;
  }

  private List<RuleCase> cases(RuleTestCompilation compilation, int file) {
    TestSource source = compilation.sources().get(file);
    String where = compilation.name() + " " + source.fileName();
    CompilationUnit unit;
    try {
      unit = Java.parse(source.text());
    } catch (IllegalArgumentException e) {
      skips.add("test source does not parse", where);
      return List.of();
    }
    if (unit.getPackageDeclaration().isPresent()) {
      // Each variant gets a package of its own; a source that names one is left out.
      skips.add("test source declares a package", where);
      return List.of();
    }
    List<Integer> markedLines = markedLines(unit);
    List<BodyDeclaration<?>> members = CaseMembers.in(unit);
    List<String> names = CaseMembers.names(members);
    List<RuleCase> cases = new ArrayList<>();
    List<Integer> unclaimed = new ArrayList<>(markedLines);
    for (int i = 0; i < members.size(); i++) {
      Range range = members.get(i).getRange().orElseThrow();
      int inside = 0;
      for (int line : markedLines) {
        if (line >= range.begin.line && line <= range.end.line) {
          inside++;
          unclaimed.remove(Integer.valueOf(line));
        }
      }
      cases.add(new RuleCase(compilation, file, i, names.get(i), inside));
    }
    for (int line : unclaimed) {
      skips.add("BUG marker outside every method (a field, a record header)", where + ":" + line);
    }
    return cases;
  }

  /** The line each marker points at, once per marker. */
  private static List<Integer> markedLines(CompilationUnit unit) {
    Set<Integer> markerLines = new TreeSet<>();
    for (Comment comment : unit.getAllComments()) {
      if (comment.getContent().trim().startsWith("BUG: Diagnostic")) {
        markerLines.add(comment.getBegin().orElseThrow().line);
      }
    }
    List<Integer> marked = new ArrayList<>();
    for (int line : markerLines) {
      int target = line + 1;
      while (markerLines.contains(target)) {
        target++;
      }
      marked.add(target);
    }
    return marked;
  }
}
