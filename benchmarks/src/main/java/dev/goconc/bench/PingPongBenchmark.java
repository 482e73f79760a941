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
 * Unbuffered ping-pong between two goroutines: one sends on {@code ping} and waits on {@code
 * pong}, the other answers. The score is one round trip (two rendezvous).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PingPongBenchmark {
  @Param({Pipes.GOCONC, Pipes.JOX, Pipes.SYNCHRONOUS_QUEUE, Pipes.LINKED_TRANSFER_QUEUE})
  public String impl;

  @Setup
  public void probe() {
    Pipes.probe(impl);
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public void roundTrip() {
    Pipe ping = Pipes.create(impl, 0);
    Pipe pong = Pipes.create(impl, 0);
    VirtualThreads.runAll(
        () -> {
          for (int i = 0; i < ELEMENTS; i++) {
            ping.put(value(i));
            pong.take();
          }
        },
        () -> {
          for (int i = 0; i < ELEMENTS; i++) {
            pong.put(ping.take());
          }
        });
  }
}
