package example.indexer;

import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ContextException;
import dev.goconc.ErrGroup;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.SendChan;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Indexes every {@code *.log} file under a directory, as a three-stage pipeline:
 *
 * <ol>
 *   <li>{@code discover} walks the directory and sends each log file's path;
 *   <li>{@code summarizeAll} reads the files in parallel, at most {@code workers} at a time (an
 *       {@code ErrGroup} with a limit), and sends each file's summary;
 *   <li>the collector adds the summaries up.
 * </ol>
 *
 * <p>Each stage closes its output in {@code finally}, so the next stage's loop ends on every
 * path. Every blocking send also waits on the context, so when the run's deadline passes, the
 * caller cancels, or a worker fails (the group cancels its context), every stage stops and
 * {@link #index} returns: a report marked "stopped early", or an {@link IndexingException}.
 * No goroutine outlives the call.
 */
public final class LogIndexer {
  private final int workers;
  private final Duration timeout;
  private final Duration progressInterval;
  private final PrintStream log;

  /**
   * @param workers how many files are read at once
   * @param timeout the deadline of one run
   * @param progressInterval how often a running index prints its progress to {@code log}
   */
  public LogIndexer(int workers, Duration timeout, Duration progressInterval, PrintStream log) {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1: " + workers);
    }
    this.workers = workers;
    this.timeout = timeout;
    this.progressInterval = progressInterval;
    this.log = log;
  }

  /**
   * Indexes {@code root} within the indexer's timeout, stopping early when {@code ctx} ends.
   *
   * @throws IndexingException when a file cannot be read
   */
  public IndexReport index(Context ctx, Path root) {
    Progress progress = new Progress();
    WaitGroup reporter = new WaitGroup();
    try (CancelContext run = Context.withTimeout(ctx, timeout)) {
      try (CancelContext reporting = Context.withCancel(run)) {
        reporter.go(() -> reportProgress(reporting, progress));
        return runPipeline(run, root, progress);
      } finally {
        reporter.await(); // the reporter stops once 'reporting' is cancelled on leaving the try
      }
    }
  }

  private IndexReport runPipeline(Context ctx, Path root, Progress progress) {
    ErrGroup pipeline = ErrGroup.withContext(ctx);
    Context stages = pipeline.context();
    Chan<Path> files = Chan.make();
    Chan<FileSummary> summaries = Chan.make(workers);
    IndexReport.Builder report = new IndexReport.Builder(root);

    pipeline.go(() -> discover(stages, root, files));
    pipeline.go(() -> summarizeAll(stages, files, summaries, progress));
    pipeline.go(
        () -> {
          for (FileSummary summary : summaries) {
            report.add(summary);
          }
        });

    Throwable failure = pipeline.await();
    if (failure instanceof ContextException stopped) {
      return report.build(Optional.of(stopped));
    }
    if (failure != null) {
      throw new IndexingException("cannot index " + root + ": " + failure.getMessage(), failure);
    }
    return report.build(Optional.ofNullable(ctx.err()));
  }

  /** Stage 1: sends the path of every log file under {@code root}, in name order. */
  static void discover(Context ctx, Path root, SendChan<Path> out) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      Iterator<Path> logs =
          walk.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().iterator();
      while (logs.hasNext()) {
        Path next = logs.next();
        boolean sent =
            Select.<Boolean>select()
                .send(out, next, () -> true)
                .recv(ctx.done(), cancelled -> false)
                .run();
        if (!sent) {
          return;
        }
      }
    } finally {
      out.close();
    }
  }

  /** Stage 2: summarizes each file from {@code in}, {@code workers} at a time. */
  private void summarizeAll(
      Context ctx, RecvChan<Path> in, SendChan<FileSummary> out, Progress progress)
      throws Exception {
    try {
      ErrGroup group = ErrGroup.withContext(ctx);
      group.setLimit(workers);
      Context work = group.context();
      for (Path file : in) {
        if (work.err() != null) {
          break; // a worker failed or the run ended: start no more
        }
        group.go(
            () -> {
              FileSummary summary = FileSummary.of(work, file);
              progress.fileDone(summary);
              Select.<Void>select()
                  .send(out, summary, () -> null)
                  .recv(work.done(), cancelled -> null)
                  .run();
            });
      }
      rethrow(group.await());
    } finally {
      out.close();
    }
  }

  /** Prints the progress every {@code progressInterval} until {@code ctx} ends. */
  private void reportProgress(Context ctx, Progress progress) {
    try (Ticker ticker = Time.newTicker(progressInterval)) {
      boolean running = true;
      while (running) {
        running =
            Select.<Boolean>select()
                .recv(ticker.c(), tick -> printed(progress))
                .recv(ctx.done(), stop -> false)
                .run();
      }
    }
  }

  private boolean printed(Progress progress) {
    log.println(progress);
    return true;
  }

  private static void rethrow(Throwable failure) throws Exception {
    if (failure instanceof Exception e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (failure != null) {
      throw new IllegalStateException(failure);
    }
  }
}
