package dev.goconc.gate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/goconc-check}: the pull-request gate. Compiles the given sources with javac,
 * Error Prone and the goconc rules, keeps the findings that are new (not in the baseline, on
 * lines changed since {@code --new-since}), reports them, and exits 0 (nothing at or above
 * {@code --fail-on}), 1 (findings that fail), or 2 (usage error, unreadable input, sources that
 * do not compile). Every failure is one message naming its cause, never a stack trace
 * ({@code GOCONC_DEBUG=1} adds one for internal errors).
 *
 * <p>The goconc runtime the gate was built with is appended to the sources' classpath, after
 * the user's entries, so goconc code compiles without setup and a project's own runtime
 * version wins.
 */
public final class GoconcCheck {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int UNUSABLE = 2;

  private static final int SHOWN_STALE_ENTRIES = 5;

  private final Path cwd;
  private final Map<String, String> env;
  private final PrintStream out;
  private final PrintStream err;

  private GoconcCheck(Path cwd, Map<String, String> env, PrintStream out, PrintStream err) {
    this.cwd = cwd;
    this.env = env;
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int status = run(args, Path.of("").toAbsolutePath(), System.out, System.err);
    System.out.flush();
    System.exit(status);
  }

  /** Runs the gate as the command line would, with paths relative to {@code cwd}. */
  static int run(String[] args, Path cwd, PrintStream out, PrintStream err) {
    return run(args, cwd, System.getenv(), out, err);
  }

  /** As {@link #run(String[], Path, PrintStream, PrintStream)}, with {@code env} as the environment (PATH for Maven). */
  static int run(String[] args, Path cwd, Map<String, String> env, PrintStream out, PrintStream err) {
    try {
      return new GoconcCheck(cwd, env, out, err).check(Options.parse(args));
    } catch (GateException e) {
      err.println("goconc-check: " + e.getMessage());
      return UNUSABLE;
    } catch (RuntimeException | LinkageError e) {
      err.println("goconc-check: internal error: " + e);
      if (System.getenv("GOCONC_DEBUG") != null) {
        e.printStackTrace(err);
      }
      return UNUSABLE;
    }
  }

  private int check(Options options) throws GateException {
    if (options.help()) {
      out.print(Options.USAGE);
      return OK;
    }
    ReportRoot root = ReportRoot.choose(options.root() == null ? null : Path.of(options.root()), cwd);
    CompileInputs inputs = CompileInputs.of(options, cwd, env, err);

    RuleCatalog rules = RuleCatalog.load(GoconcCheck.class.getClassLoader());
    if (rules.isEmpty()) {
      throw new GateException("no goconc rules on the gate's classpath (is the checker jar missing?)");
    }
    List<Finding> all =
        new GateCompiler(GateEnvironment.processorPath(), rules)
            .compile(inputs.sources(), inputs.classpath(), inputs.testClasspath(), root).stream()
            .sorted(Finding.ORDER)
            .toList();

    List<Finding> reported = all;
    String accepted = "";
    if (options.newSince() != null) {
      reported = onChangedLines(reported, options.newSince(), root);
      accepted = " on lines changed since " + options.newSince();
    }
    if (options.baseline() != null) {
      Path baselineFile = cwd.resolve(options.baseline());
      if (options.updateBaseline() || !Files.exists(baselineFile)) {
        Baseline.write(baselineFile, options.baseline(), all);
        err.println("goconc-check: wrote the baseline " + options.baseline() + " with "
            + plural(all.size(), "finding") + "; they are accepted from now on");
        reported = List.of();
      } else {
        int before = reported.size();
        Baseline baseline = Baseline.read(baselineFile, options.baseline());
        reported = baseline.newFindings(reported);
        accepted += ", " + (before - reported.size()) + " accepted by the baseline";
        reportStale(baseline.staleEntries(all), options.baseline());
      }
    }

    write(options.format().render(reported, rules), options.output());
    long failing = reported.stream().filter(f -> options.failOn().fails(f.severity())).count();
    err.println("goconc-check: " + plural(reported.size(), "finding") + " in "
        + plural(inputs.sources().size(), "file") + accepted + "; "
        + (failing > 0 ? failing + " at or above --fail-on " : "none at or above --fail-on ")
        + options.failOn().name().toLowerCase(java.util.Locale.ROOT));
    return failing > 0 ? FINDINGS : OK;
  }

  private void reportStale(List<String> stale, String baselineName) {
    if (stale.isEmpty()) {
      return;
    }
    String shown = String.join("\n  ", stale.subList(0, Math.min(stale.size(), SHOWN_STALE_ENTRIES)));
    String more = stale.size() > SHOWN_STALE_ENTRIES ? "\n  … and " + (stale.size() - SHOWN_STALE_ENTRIES) + " more" : "";
    boolean one = stale.size() == 1;
    err.println("goconc-check: " + stale.size() + (one ? " entry" : " entries") + " of the baseline "
        + baselineName + (one ? " matches" : " match") + " no finding any more (fixed, or the file"
        + " moved, or the baseline was written with another --root); --update-baseline drops "
        + (one ? "it" : "them") + ":\n  " + shown + more);
  }

  private static List<Finding> onChangedLines(List<Finding> findings, String ref, ReportRoot root)
      throws GateException {
    Path workTree = Git.topLevel(root.dir());
    if (workTree == null) {
      throw new GateException("--new-since needs a git work tree, and " + root.dir() + " is not in one");
    }
    ChangedLines changed = ChangedLines.since(ref, workTree);
    ReportRoot inWorkTree = new ReportRoot(workTree);
    return findings.stream()
        .filter(f -> changed.contains(inWorkTree.display(root.dir().resolve(f.path())), f.line()))
        .toList();
  }

  private void write(String report, String output) throws GateException {
    if (output == null) {
      out.print(report);
      out.flush();
      return;
    }
    try {
      Path file = cwd.resolve(output);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, report);
    } catch (IOException e) {
      throw new GateException("cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  private static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
