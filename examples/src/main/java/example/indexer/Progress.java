package example.indexer;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts of the work done so far, updated by the workers and read by the progress reporter. */
final class Progress {
  private final AtomicInteger files = new AtomicInteger();
  private final AtomicInteger lines = new AtomicInteger();

  void fileDone(FileSummary summary) {
    lines.addAndGet(summary.lines());
    files.incrementAndGet();
  }

  @Override
  public String toString() {
    return "indexing: " + files.get() + " files, " + lines.get() + " lines so far";
  }
}
