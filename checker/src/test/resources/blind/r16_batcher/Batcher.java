import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Received;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Groups items into batches of at most maxSize, flushing a partial batch after maxWait. */
public final class Batcher<T> {
  private final int maxSize;
  private final Duration maxWait;
  private final Consumer<List<T>> sink;

  public Batcher(int maxSize, Duration maxWait, Consumer<List<T>> sink) {
    this.maxSize = maxSize;
    this.maxWait = maxWait;
    this.sink = sink;
  }

  public void run(RecvChan<T> items) {
    List<T> batch = new ArrayList<>();
    while (true) {
      // BUG(TickerNotStopped): when the batch fills (or items closes) first, this timer is never stopped
      Timer flush = Time.newTimer(maxWait);
      boolean open = true;
      while (batch.size() < maxSize) {
        Received<T> r =
            Select.<Received<T>>select().recvOk(items, x -> x).recv(flush.c(), t -> null).run();
        if (r == null) {
          break;
        }
        if (!r.ok()) {
          open = false;
          break;
        }
        batch.add(r.value());
      }
      if (!batch.isEmpty()) {
        sink.accept(List.copyOf(batch));
        batch.clear();
      }
      if (!open) {
        return;
      }
    }
  }

  public static void main(String[] args) {
    Chan<Integer> in = Chan.make(10);
    Go.go(
        () -> {
          try {
            for (int i = 0; i < 25; i++) {
              in.send(i);
            }
          } finally {
            in.close();
          }
        });
    new Batcher<Integer>(10, Duration.ofMillis(20), b -> System.out.println(b)).run(in);
  }
}
