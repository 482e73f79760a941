import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Exports each course's gradebook to CSV, then zips them once all are written. */
final class GradebookExporter implements AutoCloseable {
  record Course(String code, int students) {}

  interface Writer {
    Path writeCsv(Course c);

    Path zip(List<Path> files);
  }

  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final Writer writer;

  GradebookExporter(Writer writer) {
    this.writer = writer;
  }

  Path export(List<Course> courses) {
    List<Path> files = new java.util.concurrent.CopyOnWriteArrayList<>();
    Phaser written = new Phaser(1);
    for (Course c : courses) {
      written.register();
      pool.execute(() -> {
        try {
          files.add(writer.writeCsv(c));
        } finally {
          written.arriveAndDeregister();
        }
      });
    }
    written.arriveAndAwaitAdvance();
    return writer.zip(files);
  }

  Path exportWithin(List<Course> courses, long seconds) throws InterruptedException, ExecutionException {
    Future<Path> f = pool.submit(() -> export(courses));
    try {
      return f.get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // OK(TimedGetWithoutCancel): cancelled when we stop waiting
      f.cancel(true);
      throw new IllegalStateException("export took longer than " + seconds + "s");
    }
  }

  @Override
  public void close() {
    // OK(ExecutorNotShutDown): the field's pool is shut down when the exporter closes
    pool.shutdown();
  }
}
