import com.google.errorprone.ErrorProneTimings;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles sources once in-process with Error Prone and prints each check's time, read from
 * Error Prone's own per-check timings ({@code ErrorProneTimings}, which 2.50.0 records on every
 * compile but prints nowhere). Error Prone and the goconc checker are on this JVM's class path;
 * the file manager hands javac this class loader for the processor path, so the plugin and
 * this program share one {@code ErrorProneTimings} class.
 *
 * <p>{@code --findings FILE} also writes every warning and error javac reports, one line each
 * ({@code file:line:column: [check] message}, sorted), so a change to the checks can be shown to
 * leave what they find unchanged by diffing two runs' files.
 *
 * <p>{@code --repeat K} compiles K times in the same JVM and adds each rule's median and least
 * time over the warm compiles 2..K: on a machine shared with other work one cold compile's
 * per-check times move by tens of percent from run to run.
 *
 * <pre>
 * java --add-exports ... -cp EP_CLASSPATH:CHECKER_JAR bench/EpTimings.java \
 *   --rules A,B,C --plugin "-Xplugin:ErrorProne ..." [--findings FILE] [--repeat K] -- JAVAC_ARGS... @sources
 * </pre>
 */
public final class EpTimings {
  public static void main(String[] args) throws IOException {
    Set<String> rules = Set.of();
    String plugin = null;
    Path findings = null;
    int repeat = 1;
    int i = 0;
    for (; i < args.length && !args[i].equals("--"); i++) {
      switch (args[i]) {
        case "--rules" -> rules = Set.of(args[++i].split(","));
        case "--plugin" -> plugin = args[++i];
        case "--findings" -> findings = Path.of(args[++i]);
        case "--repeat" -> repeat = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    List<String> options = new ArrayList<>(List.of(args).subList(i + 1, args.length));
    options.add("-XDcompilePolicy=simple");
    options.add("--should-stop=ifError=FLOW");
    options.add(plugin);
    List<String> sources = new ArrayList<>();
    List<String> javacOptions = new ArrayList<>();
    for (String o : options) {
      if (o.startsWith("@")) {
        sources.addAll(Files.readAllLines(Path.of(o.substring(1))).stream().filter(s -> !s.isBlank()).toList());
      } else {
        javacOptions.add(o);
      }
    }

    List<Run> runs = new ArrayList<>();
    for (int n = 0; n < repeat; n++) {
      runs.add(compile(javacOptions, sources));
    }
    Run first = runs.get(0);
    report(first.ok(), first.wall(), first.init(), first.timings(), rules);
    if (repeat > 1) {
      reportRepeats(runs, rules);
    }
    if (findings != null) {
      Files.write(findings, first.findings());
      System.out.printf(Locale.ROOT, "%n%d warnings and errors written to %s%n", first.findings().size(), findings);
    }
  }

  /** One compile's outcome: Error Prone's timings, and the findings as sorted lines. */
  private record Run(boolean ok, Duration wall, Duration cpu, Duration init, Map<String, Duration> timings, List<String> findings) {}

  private static Run compile(List<String> javacOptions, List<String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StandardJavaFileManager standard = javac.getStandardFileManager(null, Locale.ROOT, null);
    JavaFileManager fm = new PluginLoaderFileManager(standard);
    List<String> reported = new ArrayList<>();
    DiagnosticListener<JavaFileObject> collect = d -> {
      if (d.getKind() == Diagnostic.Kind.ERROR || d.getKind() == Diagnostic.Kind.WARNING
          || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        reported.add(findingLine(d));
      }
    };
    JavacTask task =
        (JavacTask) javac.getTask(null, fm, collect, javacOptions, null, standard.getJavaFileObjectsFromStrings(sources));
    var context = ((BasicJavacTask) task).getContext();
    AtomicReference<Map<String, Duration>> timings = new AtomicReference<>();
    AtomicReference<Duration> init = new AtomicReference<>();
    task.addTaskListener(new TaskListener() {
      @Override
      public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.COMPILATION) {
          ErrorProneTimings t = ErrorProneTimings.instance(context);
          timings.set(t.timings());
          init.set(t.initializationTime());
        }
      }
    });
    var threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    boolean ok = task.call();
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    Duration cpu = Duration.ofNanos(threads.getCurrentThreadCpuTime() - cpuStart);
    return new Run(ok, wall, cpu, init.get(), timings.get(), reported.stream().sorted().toList());
  }

  /**
   * With {@code --repeat K}: each rule's time in the first (cold) compile, then the median and
   * the least over compiles 2..K of the same JVM (warm), which other load on the machine moves
   * less than one cold compile.
   */
  private static void reportRepeats(List<Run> runs, Set<String> rules) {
    List<Run> warm = runs.subList(1, runs.size());
    System.out.println();
    System.out.printf(Locale.ROOT, "Over %d compiles in one JVM (the first cold, %d warm):%n", runs.size(), warm.size());
    System.out.println();
    System.out.println("| goconc rule | first (ms) | warm median (ms) | warm least (ms) |");
    System.out.println("|---|---:|---:|---:|");
    List<String> rows = new ArrayList<>(rules.stream().sorted().toList());
    rows.add("all goconc rules");
    for (String r : rows) {
      long[] ms = new long[runs.size()];
      for (int n = 0; n < runs.size(); n++) {
        Map<String, Duration> t = runs.get(n).timings();
        ms[n] = r.equals("all goconc rules")
            ? rules.stream().mapToLong(x -> t.getOrDefault(x, Duration.ZERO).toNanos()).sum()
            : t.getOrDefault(r, Duration.ZERO).toNanos();
      }
      long[] sorted = java.util.Arrays.copyOfRange(ms, 1, ms.length);
      java.util.Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |%n", r, ms[0] / 1e6,
          sorted[sorted.length / 2] / 1e6, sorted[0] / 1e6);
    }
    System.out.printf(Locale.ROOT, "%ncompile walls (s): %s%n", String.join(", ",
        runs.stream().map(run -> String.format(Locale.ROOT, "%.2f", secs(run.wall().toNanos()))).toList()));
    // javac runs on the calling thread: its CPU time is the compile's work, which other load on
    // the machine does not inflate (compare with a run without the rules for their CPU cost).
    System.out.printf(Locale.ROOT, "compile CPU of the compiling thread (s): %s%n", String.join(", ",
        runs.stream().map(run -> String.format(Locale.ROOT, "%.2f", secs(run.cpu().toNanos()))).toList()));
  }

  /**
   * One finding as one line: where, then the whole message (it names the check and carries the
   * suggested fix) with its line breaks shown as {@code " | "}, so a changed fix shows in a diff.
   */
  private static String findingLine(Diagnostic<? extends JavaFileObject> d) {
    String where = d.getSource() == null ? "-" : d.getSource().getName();
    return where + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + ": "
        + d.getMessage(Locale.ROOT).replace("\n", " | ");
  }

  private static void report(boolean ok, Duration wall, Duration init, Map<String, Duration> timings, Set<String> rules) {
    if (timings == null) {
      System.out.println("Error Prone recorded no timings (did the plugin load?)");
      System.exit(2);
    }
    long total = timings.values().stream().mapToLong(Duration::toNanos).sum();
    long goconc = rules.stream().mapToLong(r -> timings.getOrDefault(r, Duration.ZERO).toNanos()).sum();
    System.out.printf(Locale.ROOT, "compile %s, wall %.2f s, Error Prone setup %.2f s, all checks %.2f s%n",
        ok ? "ok" : "FAILED", secs(wall.toNanos()), secs(init.toNanos()), secs(total));
    System.out.printf(Locale.ROOT, "goconc rules: %.3f s = %.2f%% of all checks' time, %.2f%% of the compile's wall%n",
        secs(goconc), pct(goconc, total), pct(goconc, wall.toNanos()));
    System.out.println();
    System.out.println("| goconc rule | time (ms) | share of all checks | share of compile wall |");
    System.out.println("|---|---:|---:|---:|");
    for (String r : rules.stream().sorted().toList()) {
      long n = timings.getOrDefault(r, Duration.ZERO).toNanos();
      System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f%% | %.2f%% |%n", r, n / 1e6, pct(n, total), pct(n, wall.toNanos()));
    }
    System.out.println();
    System.out.println("Slowest Error Prone checks, for scale:");
    System.out.println("| check | time (ms) | share of all checks |");
    System.out.println("|---|---:|---:|");
    timings.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Duration> e) -> e.getValue()).reversed())
        .limit(8)
        .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f%% |%n",
            e.getKey(), e.getValue().toNanos() / 1e6, pct(e.getValue().toNanos(), total)));
  }

  private static double secs(long nanos) {
    return nanos / 1e9;
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }

  /** Answers the processor path with this program's class loader, where Error Prone lives. */
  private static final class PluginLoaderFileManager extends ForwardingJavaFileManager<JavaFileManager> {
    PluginLoaderFileManager(JavaFileManager delegate) {
      super(delegate);
    }

    @Override
    public ClassLoader getClassLoader(Location location) {
      if (location == StandardLocation.ANNOTATION_PROCESSOR_PATH) {
        return EpTimings.class.getClassLoader();
      }
      return super.getClassLoader(location);
    }

    @Override
    public boolean hasLocation(Location location) {
      return location == StandardLocation.ANNOTATION_PROCESSOR_PATH || super.hasLocation(location);
    }
  }
}
