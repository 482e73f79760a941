package dev.goconc.checker.goker;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.goconc.checker.AllRulesCompilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every kernel and every twin compiled in one javac run with Error Prone and all goconc rules in
 * strict mode, and each finding sorted back to its kernel. Each file gets a package of its own,
 * written on its first line so that line numbers stay those of the file.
 */
final class KernelFindings {
  /** One finding of one rule on one line of a kernel ({@code buggy}) or of its twin. */
  record Finding(String kernel, boolean buggy, String rule, long line, String message) {}

  private static final Pattern DIAGNOSTIC =
      Pattern.compile("^(\\w+) /goker/(\\w+)/(Buggy|Fixed)\\.java:(\\d+):\\d+ (\\S+) (.*)$", Pattern.DOTALL);
  private static final Pattern RULE = Pattern.compile("^\\[(\\w+)\\] ");

  final List<Finding> findings = new ArrayList<>();
  /** Whatever javac said that is not a goconc finding and is an error: a kernel that does not compile. */
  final List<String> compileErrors = new ArrayList<>();

  static KernelFindings of(List<Kernel> kernels, Path classesDir) {
    List<AllRulesCompilation.Source> sources = new ArrayList<>();
    for (Kernel kernel : kernels) {
      sources.add(source(kernel, "Buggy", kernel.buggy()));
      sources.add(source(kernel, "Fixed", kernel.fixed()));
    }
    KernelFindings result = new KernelFindings();
    for (String diagnostic : AllRulesCompilation.compile(sources, classesDir).diagnostics()) {
      result.sort(diagnostic);
    }
    return result;
  }

  void writeReport(Path file) {
    StringBuilder text = new StringBuilder();
    for (Finding f : findings) {
      text.append(f.kernel()).append(f.buggy() ? " Buggy.java:" : " Fixed.java:").append(f.line())
          .append(' ').append(f.message().lines().findFirst().orElse("")).append('\n');
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static AllRulesCompilation.Source source(Kernel kernel, String variant, String text) {
    String packageLine = "package goker." + kernel.name() + "." + variant.toLowerCase(java.util.Locale.ROOT) + "; ";
    return new AllRulesCompilation.Source(
        "goker/" + kernel.name() + "/" + variant + ".java", packageLine + text);
  }

  private void sort(String diagnostic) {
    Matcher m = DIAGNOSTIC.matcher(diagnostic);
    if (m.matches()) {
      Matcher rule = RULE.matcher(m.group(6));
      if (m.group(5).endsWith("error.prone") && rule.find()) {
        findings.add(new Finding(m.group(2), m.group(3).equals("Buggy"), rule.group(1),
            Long.parseLong(m.group(4)), m.group(6)));
        return;
      }
      if (m.group(1).equals("ERROR")) {
        compileErrors.add(diagnostic);
      }
      return;
    }
    if (diagnostic.startsWith("ERROR") || diagnostic.startsWith("javac output")) {
      compileErrors.add(diagnostic);
    }
  }
}
