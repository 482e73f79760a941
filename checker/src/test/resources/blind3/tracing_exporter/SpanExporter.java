import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Buffers finished spans and exports them in batches: on size, on a timer, and at shutdown. */
final class SpanExporter implements AutoCloseable {
  record Span(String traceId, String spanId, String name, long micros) {}

  interface Backend {
    void export(List<Span> batch);
  }

  private final Chan<Span> spans = Chan.make(4096);
  private final Chan<Boolean> flushed = Chan.make(1);
  private final Backend backend;

  SpanExporter(Backend backend, int batchSize, Duration interval) {
    this.backend = backend;
    Go.go(() -> run(batchSize, interval));
  }

  boolean record(Span s) {
    return spans.trySend(s);
  }

  private void run(int batchSize, Duration interval) {
    List<Span> batch = new ArrayList<>();
    try (Ticker tick = Time.newTicker(interval)) {
      // OK(GoroutineLeak): ends when spans is closed by close()
      while (true) {
        Boolean more = Select.<Boolean>select()
            .recvOk(spans, r -> {
              if (r.ok()) {
                batch.add(r.value());
              }
              return r.ok();
            })
            .recv(tick.c(), t -> Boolean.TRUE)
            .run();
        if (!more || batch.size() >= batchSize) {
          if (!batch.isEmpty()) {
            backend.export(List.copyOf(batch));
            batch.clear();
          }
        }
        if (!more) {
          break;
        }
      }
    } finally {
      flushed.send(Boolean.TRUE);
    }
  }

  @Override
  public void close() {
    // OK(ReceiverSideClose): the exporter's producer side (record) belongs to this class; close is the owner's end-of-input
    spans.close();
    flushed.receive();
  }
}
