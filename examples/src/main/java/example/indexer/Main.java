package example.indexer;

import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The command line: {@code indexer [--workers N] [--timeout 30s|500ms|2m] DIRECTORY}. Prints
 * the index of the directory's log files. Exit status: 0 when every file was indexed, 1 when
 * the run failed or stopped early, 2 on a usage error.
 *
 * <p>Graceful shutdown: on Ctrl-C (SIGINT/SIGTERM) a shutdown hook cancels the run's root
 * context and waits, up to {@link #GRACE}, for the run to stop its goroutines and print what it
 * indexed so far.
 */
public final class Main {
  static final Duration GRACE = Duration.ofSeconds(5);
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)");

  private Main() {}

  public static void main(String[] args) {
    Chan<Void> finished = Chan.make();
    int status;
    try (CancelContext root = Context.withCancel(Context.background())) {
      CancelFunc stop = root.cancelFunc();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(() -> onShutdown(stop, finished), "indexer-shutdown"));
      try {
        status = run(root, args, System.out, System.err);
      } finally {
        finished.close();
      }
    }
    System.exit(status);
  }

  /** Runs the command line under {@code ctx}; returns the exit status. */
  static int run(Context ctx, String[] args, PrintStream out, PrintStream err) {
    int workers = 4;
    Duration timeout = Duration.ofSeconds(30);
    Path dir = null;
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--workers" -> workers = Integer.parseInt(valueOf(args, ++i));
          case "--timeout" -> timeout = parseDuration(valueOf(args, ++i));
          default -> {
            if (args[i].startsWith("-") || dir != null) {
              throw new IllegalArgumentException("unexpected argument: " + args[i]);
            }
            dir = Path.of(args[i]);
          }
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("no directory given");
      }
      if (workers < 1) {
        throw new IllegalArgumentException("--workers must be at least 1");
      }
    } catch (IllegalArgumentException e) {
      err.println("indexer: " + e.getMessage());
      err.println("usage: indexer [--workers N] [--timeout 30s|500ms|2m] DIRECTORY");
      return 2;
    }
    if (!Files.isDirectory(dir)) {
      err.println("indexer: not a directory: " + dir);
      return 2;
    }
    LogIndexer indexer = new LogIndexer(workers, timeout, Duration.ofSeconds(1), err);
    try {
      IndexReport report = indexer.index(ctx, dir);
      out.print(report.render());
      return report.complete() ? 0 : 1;
    } catch (IndexingException e) {
      err.println("indexer: " + e.getMessage());
      return 1;
    }
  }

  /** Cancels the run, then waits for it to finish, at most {@link #GRACE}. */
  private static void onShutdown(CancelFunc stop, RecvChan<Void> finished) {
    if (finished.tryReceive().isPresent()) {
      return; // the run is over: a normal exit, nothing to stop
    }
    System.err.println("indexer: interrupted, stopping the workers");
    stop.cancel();
    Select.<Void>select()
        .recv(finished, done -> null)
        .recv(Time.after(GRACE), late -> null)
        .run();
  }

  private static String valueOf(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value");
    }
    return args[i];
  }

  static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration (30s, 500ms, 2m): " + text);
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      default -> Duration.ofMinutes(n);
    };
  }
}
