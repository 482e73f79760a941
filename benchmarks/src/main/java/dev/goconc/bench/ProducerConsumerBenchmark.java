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
 * One producer and one consumer over a buffered channel of capacity 16 and 1024. The score is
 * the time per element. {@code LinkedTransferQueue} rows are unbounded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProducerConsumerBenchmark {
  @Param({Pipes.GOCONC, Pipes.JOX, Pipes.ARRAY_BLOCKING_QUEUE, Pipes.LINKED_TRANSFER_QUEUE})
  public String impl;

  @Param({"16", "1024"})
  public int capacity;

  @Setup
  public void probe() {
    Pipes.probe(impl);
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public void oneToOne() {
    Pipe pipe = Pipes.create(impl, capacity);
    VirtualThreads.runAll(
        () -> {
          for (int i = 0; i < ELEMENTS; i++) {
            pipe.put(value(i));
          }
        },
        () -> {
          for (int i = 0; i < ELEMENTS; i++) {
            pipe.take();
          }
        });
  }
}
