package dev.goconc.bench;

import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Spawn-and-join of 100,000 goroutines with trivial bodies. The score is the time per
 * goroutine: {@code Go.go} (numbering, start site, registry, exception handler) against a plain
 * virtual thread, and {@code WaitGroup.go}, which joins the way Go code does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpawnBenchmark {
  static final int GOROUTINES = BenchmarkSettings.ELEMENTS; // WholeRuns divides by ELEMENTS

  @Benchmark
  @OperationsPerInvocation(GOROUTINES)
  public void goGo() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(GOROUTINES);
    for (int i = 0; i < GOROUTINES; i++) {
      Go.go(done::countDown);
    }
    done.await();
  }

  @Benchmark
  @OperationsPerInvocation(GOROUTINES)
  public void plainVirtualThread() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(GOROUTINES);
    for (int i = 0; i < GOROUTINES; i++) {
      Thread.ofVirtual().start(done::countDown);
    }
    done.await();
  }

  @Benchmark
  @OperationsPerInvocation(GOROUTINES)
  public void waitGroupGo() {
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < GOROUTINES; i++) {
      wg.go(() -> {});
    }
    wg.await();
  }
}
