package dev.goconc.checker.metamorphic;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.comments.LineComment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Applies a transformation to a fresh parse of a case's source and prints the variant. */
final class VariantBuilder {
  /** Marks the members that hold the case, so their lines can be found in the printed text. */
  private static final String CASE_MARK = " metamorphic: the case";

  /** Each source parsed once; every variant starts from a copy (cloning is cheaper than parsing). */
  private final IdentityHashMap<TestSource, CompilationUnit> parsed = new IdentityHashMap<>();

  private int nextId;

  Optional<Variant> build(RuleCase ruleCase, Transformation transformation) {
    CompilationUnit unit = parsed.computeIfAbsent(ruleCase.source(), s -> Java.parse(s.text())).clone();
    List<TestSource> otherFiles = new ArrayList<>(ruleCase.compilation().sources());
    otherFiles.remove(ruleCase.fileIndex());
    SourceFacts.recordOtherFiles(unit, otherFiles);
    BodyDeclaration<?> member = CaseMembers.in(unit).get(ruleCase.memberIndex());
    Optional<Transformation.Rewritten> rewritten;
    try {
      rewritten = transformation.apply(member);
    } catch (RuntimeException e) {
      throw new IllegalStateException(transformation.name() + " failed on " + ruleCase.id(), e);
    }
    if (rewritten.isEmpty()) {
      return Optional.empty();
    }
    UnusedMembers.remove(unit, rewritten.get().members());
    int id = nextId++;
    String packageName = Variant.packageOf(id);
    for (BodyDeclaration<?> caseMember : rewritten.get().members()) {
      caseMember.setComment(new LineComment(CASE_MARK));
    }
    unit.setPackageDeclaration(packageName);
    String text = unit.toString();
    List<TestSource> files = new ArrayList<>();
    List<TestSource> sources = ruleCase.compilation().sources();
    for (int i = 0; i < sources.size(); i++) {
      String fileText =
          i == ruleCase.fileIndex() ? text : "package " + packageName + ";\n" + sources.get(i).text();
      files.add(new TestSource(path(packageName, sources.get(i).fileName()), fileText));
    }
    return Optional.of(
        new Variant(
            id,
            ruleCase,
            transformation.name(),
            rewritten.get().sameCount(),
            List.copyOf(files),
            path(packageName, ruleCase.source().fileName()),
            caseLines(text, rewritten.get().members().size())));
  }

  private static String path(String packageName, String fileName) {
    return packageName.replace('.', '/') + "/" + fileName;
  }

  private static List<Variant.LineRange> caseLines(String printed, int expected) {
    List<Variant.LineRange> lines = new ArrayList<>();
    for (BodyDeclaration<?> member : Java.parse(printed).findAll(BodyDeclaration.class)) {
      boolean marked =
          member.getComment().map(c -> c.getContent().equals(CASE_MARK)).orElse(false);
      if (marked) {
        lines.add(
            new Variant.LineRange(member.getBegin().orElseThrow().line, member.getEnd().orElseThrow().line));
      }
    }
    if (lines.size() != expected) {
      throw new IllegalStateException("case members lost in printing:\n" + printed);
    }
    return List.copyOf(lines);
  }
}
