package dev.goconc.checker.metamorphic;

import java.util.List;

/**
 * One rewritten case, ready to compile: its files live in a package of their own
 * ({@code mm.v<id>}) so that many variants share one javac run, and {@code caseLines} are the
 * line ranges of the case's code in {@code caseFile}.
 */
record Variant(
    int id,
    RuleCase ruleCase,
    String transformation,
    boolean sameCount,
    List<TestSource> files,
    String caseFile,
    List<LineRange> caseLines) {

  record LineRange(int first, int last) {
    boolean contains(long line) {
      return line >= first && line <= last;
    }
  }

  String caseText() {
    return files.stream().filter(f -> f.fileName().equals(caseFile)).findFirst().orElseThrow().text();
  }

  static String packageOf(int id) {
    return "mm.v" + id;
  }
}
