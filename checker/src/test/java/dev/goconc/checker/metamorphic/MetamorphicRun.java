package dev.goconc.checker.metamorphic;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole suite as data: reads the cases, builds every variant (the original of each case
 * included), compiles them all in one batch, and compares each variant's verdict with its
 * case's.
 */
final class MetamorphicRun {
  /** A variant whose verdict differs: a line of the known-misses file, and both texts to read. */
  record Miss(
      String rule, String caseId, String transformation, int expected, int actual, String original, String variant) {
    String line() {
      return rule + " | " + caseId + " | " + transformation + " | expected " + expected + ", got " + actual;
    }
  }

  /** Per rule and transformation: variants judged, and how many changed verdict. */
  static final class Tally {
    int cases;
    final Map<String, int[]> byTransformation = new LinkedHashMap<>();

    int[] of(String transformation) {
      return byTransformation.computeIfAbsent(transformation, t -> new int[2]);
    }
  }

  final Skips skips = new Skips();
  final List<Miss> misses = new ArrayList<>();
  final List<String> notCompiling = new ArrayList<>();
  final Map<String, Tally> tallies = new TreeMap<>();
  final List<Transformation> transformations;
  int cases;
  int variants;
  long compileCpuMillis;

  private MetamorphicRun(List<Transformation> transformations) {
    this.transformations = transformations;
  }

  static MetamorphicRun of(Path ruleTests, List<Transformation> transformations) {
    MetamorphicRun run = new MetamorphicRun(transformations);
    run.judge(ruleTests);
    return run;
  }

  private void judge(Path ruleTests) {
    List<RuleTestCompilation> compilations =
        new ArrayList<>(new RuleTestReader(VariantCompiler.ruleNames(), skips).read(ruleTests));
    compilations.addAll(KernelCases.read(VariantCompiler.ruleNames()));
    List<RuleCase> allCases = new CaseExtractor(skips).cases(compilations);
    VariantBuilder builder = new VariantBuilder();
    Map<RuleCase, Variant> originals = new LinkedHashMap<>();
    Map<RuleCase, List<Variant>> rewritten = new LinkedHashMap<>();
    List<Variant> all = new ArrayList<>();
    for (RuleCase ruleCase : allCases) {
      Variant original = builder.build(ruleCase, new Original()).orElseThrow();
      originals.put(ruleCase, original);
      all.add(original);
      List<Variant> variantsOfCase = new ArrayList<>();
      for (Transformation transformation : transformations) {
        if (Exclusions.of(ruleCase, transformation).isPresent()) {
          skips.add("excluded by name (Exclusions)", ruleCase.id() + " " + transformation.name());
          continue;
        }
        builder.build(ruleCase, transformation).ifPresent(variantsOfCase::add);
      }
      rewritten.put(ruleCase, variantsOfCase);
      all.addAll(variantsOfCase);
    }
    long before = threadCpuMillis();
    Map<Integer, VariantCompiler.Outcome> outcomes = new VariantCompiler().compile(all);
    compileCpuMillis = threadCpuMillis() - before;
    for (RuleCase ruleCase : allCases) {
      VariantCompiler.Outcome original = outcomes.get(originals.get(ruleCase).id());
      if (!original.compileErrors().isEmpty()) {
        skips.add("original does not compile alone", ruleCase.id() + ": " + original.compileErrors().get(0));
        continue;
      }
      if (!agrees(ruleCase, originals.get(ruleCase), original)) {
        skips.add("original's verdict here differs from its test's", ruleCase.id());
        continue;
      }
      cases++;
      ruleCase.rules().forEach(rule -> tallies.computeIfAbsent(rule, r -> new Tally()).cases++);
      for (Variant variant : rewritten.get(ruleCase)) {
        judge(variant, outcomes.get(variant.id()), originals.get(ruleCase));
      }
    }
  }

  static long threadCpuMillis() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
  }

  private static boolean agrees(RuleCase ruleCase, Variant variant, VariantCompiler.Outcome outcome) {
    return ruleCase.rules().stream()
        .allMatch(rule -> outcome.findings(rule, variant) == ruleCase.expectedFindings());
  }

  private void judge(Variant variant, VariantCompiler.Outcome outcome, Variant original) {
    RuleCase ruleCase = variant.ruleCase();
    if (!outcome.compileErrors().isEmpty()) {
      notCompiling.add(ruleCase.id() + " | " + variant.transformation() + " | " + outcome.compileErrors().get(0));
      return;
    }
    variants++;
    int expected = ruleCase.expectedFindings();
    for (String rule : ruleCase.rules()) {
      int actual = outcome.findings(rule, variant);
      boolean keeps = variant.sameCount() ? actual == expected : (actual == 0) == (expected == 0);
      int[] tally = tallies.get(rule).of(variant.transformation());
      tally[0]++;
      if (!keeps) {
        tally[1]++;
        misses.add(new Miss(rule, ruleCase.id(), variant.transformation(), expected, actual,
            original.caseText(), variant.caseText()));
      }
    }
  }
}
