import com.google.errorprone.ErrorProneTimings;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.tools.javac.api.BasicJavacTask;
import java.io.IOException;
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
 * <pre>
 * java --add-exports ... -cp EP_CLASSPATH:CHECKER_JAR bench/EpTimings.java \
 *   --rules A,B,C --plugin "-Xplugin:ErrorProne ..." [--findings FILE] -- JAVAC_ARGS... @sources
 * </pre>
 */
public final class EpTimings {
  public static void main(String[] args) throws IOException {
    Set<String> rules = Set.of();
    String plugin = null;
    Path findings = null;
    int i = 0;
    for (; i < args.length && !args[i].equals("--"); i++) {
      switch (args[i]) {
        case "--rules" -> rules = Set.of(args[++i].split(","));
        case "--plugin" -> plugin = args[++i];
        case "--findings" -> findings = Path.of(args[++i]);
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
    long start = System.nanoTime();
    boolean ok = task.call();
    Duration wall = Duration.ofNanos(System.nanoTime() - start);
    report(ok, wall, init.get(), timings.get(), rules);
    if (findings != null) {
      Files.write(findings, reported.stream().sorted().toList());
      System.out.printf(Locale.ROOT, "%n%d warnings and errors written to %s%n", reported.size(), findings);
    }
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
