package dev.goconc.bench;

import static dev.goconc.bench.BenchmarkSettings.ELEMENTS;
import static dev.goconc.bench.BenchmarkSettings.value;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Four producers and four consumers sharing one channel of capacity 16. The score is the time
 * per element moved (all producers' elements together).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class FanBenchmark {
  static final int SIDES = 4;
  static final int PER_WORKER = ELEMENTS / SIDES;

  @Param({Pipes.GOCONC, Pipes.JOX, Pipes.ARRAY_BLOCKING_QUEUE, Pipes.LINKED_TRANSFER_QUEUE})
  public String impl;

  @Param({"16"})
  public int capacity;

  @Setup
  public void probe() {
    Pipes.probe(impl);
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public void fourToFour() {
    Pipe pipe = Pipes.create(impl, capacity);
    Runnable[] workers = new Runnable[2 * SIDES];
    for (int w = 0; w < SIDES; w++) {
      workers[w] = () -> {
        for (int i = 0; i < PER_WORKER; i++) {
          pipe.put(value(i));
        }
      };
      workers[SIDES + w] = () -> {
        for (int i = 0; i < PER_WORKER; i++) {
          pipe.take();
        }
      };
    }
    VirtualThreads.runAll(workers);
  }
}
