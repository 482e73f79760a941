// Program: batcher; items are grouped into batches flushed on size or on a linger timer that is reset after each flush. Correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

final class Batcher<T> {
  private final Chan<T> items = Chan.make(256);
  private final int maxSize;
  private final Duration linger;
  private final Consumer<List<T>> flush;

  Batcher(int maxSize, Duration linger, Consumer<List<T>> flush) {
    this.maxSize = maxSize;
    this.linger = linger;
    this.flush = flush;
  }

  SendChan<T> input() {
    return items.sendOnly();
  }

  void run(Context ctx) {
    List<T> batch = new ArrayList<>();
    // OK(TickerNotStopped): stopped by try-with-resources on every path
    try (Timer timer = Time.newTimer(linger)) {
      // OK(IgnoredCancellation): the select has a ctx.done() case
      while (true) {
        int what = Select.<Integer>select()
            .recvOk(items, r -> {
              if (!r.ok()) {
                return 2;
              }
              batch.add(r.value());
              return batch.size() >= maxSize ? 1 : 0;
            })
            .recv(timer.c(), t -> 1)
            .recv(ctx.done(), d -> 2)
            .run();
        if (what >= 1 && !batch.isEmpty()) {
          flush.accept(List.copyOf(batch));
          batch.clear();
          timer.reset(linger);
        }
        if (what == 2) {
          return;
        }
      }
    }
  }

  static <T> void runFor(Batcher<T> b, List<T> values) {
    try (CancelContext ctx = Context.withCancel(Context.background())) {
      WaitGroup wg = new WaitGroup();
      wg.go(() -> b.run(ctx));
      values.forEach(b.input()::send);
      // OK(SendOnClosedChannel): every send above completed before the close
      b.items.close();
      wg.await();
    }
  }
}
