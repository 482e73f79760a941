package dev.goconc.checker.metamorphic;

import dev.goconc.checker.goker.MetamorphicKernels;
import java.util.List;
import java.util.Set;

/**
 * The GoKer kernels as rule-test compilations: each fixed twin a negative for every rule, each
 * reached kernel a positive for the rule that reaches it ({@link MetamorphicKernels}). Their ids
 * read {@code GoKer#grpc660/fixed Fixed.java:BenchmarkClient.doCloseLoopUnary}.
 */
final class KernelCases {
  private KernelCases() {}

  static List<RuleTestCompilation> read(Set<String> allRules) {
    return MetamorphicKernels.sources(allRules).stream()
        .map(s -> new RuleTestCompilation(
            s.rules(), "GoKer", s.kernel() + "/" + s.label(), List.of(new TestSource(s.fileName(), s.text()))))
        .toList();
  }
}
