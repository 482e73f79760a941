package dev.goconc.bench;

import static dev.goconc.bench.BenchmarkSettings.ELEMENTS;
import static dev.goconc.bench.BenchmarkSettings.value;

import com.softwaremill.jox.Channel;
import dev.goconc.Chan;
import dev.goconc.Select;
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
 * A consumer selecting over four channels, each fed by its own producer. The score is the
 * time per element received. Only goconc and jox have a select.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SelectBenchmark {
  static final int CHANNELS = 4;
  static final int PER_PRODUCER = ELEMENTS / CHANNELS;

  @Param({Pipes.GOCONC, Pipes.JOX})
  public String impl;

  @Param({"0", "16"})
  public int capacity;

  @Setup
  public void probe() {
    if (!impl.equals(Pipes.GOCONC) && !impl.equals(Pipes.JOX)) {
      throw new IllegalArgumentException("only goconc and jox have a select, not " + impl);
    }
    Pipes.probe(impl);
    if (impl.equals(Pipes.GOCONC)) {
      Chan<Integer> ready = Chan.make(1);
      ready.send(1);
      Select.<Integer>select().recv(ready, v -> v).otherwise(() -> 0).run();
    }
  }

  @Benchmark
  @OperationsPerInvocation(ELEMENTS)
  public void selectOverFour() {
    if (impl.equals(Pipes.GOCONC)) {
      goconc();
    } else {
      jox();
    }
  }

  private void goconc() {
    @SuppressWarnings("unchecked")
    Chan<Integer>[] chans = new Chan[CHANNELS];
    Runnable[] workers = new Runnable[CHANNELS + 1];
    for (int c = 0; c < CHANNELS; c++) {
      Chan<Integer> ch = capacity == 0 ? Chan.make() : Chan.make(capacity);
      chans[c] = ch;
      workers[c] = () -> {
        for (int i = 0; i < PER_PRODUCER; i++) {
          ch.send(value(i));
        }
      };
    }
    workers[CHANNELS] = () -> {
      for (int i = 0; i < ELEMENTS; i++) {
        Select.<Integer>select()
            .recv(chans[0], v -> v)
            .recv(chans[1], v -> v)
            .recv(chans[2], v -> v)
            .recv(chans[3], v -> v)
            .run();
      }
    };
    VirtualThreads.runAll(workers);
  }

  private void jox() {
    @SuppressWarnings("unchecked")
    Channel<Integer>[] chans = new Channel[CHANNELS];
    Runnable[] workers = new Runnable[CHANNELS + 1];
    for (int c = 0; c < CHANNELS; c++) {
      Channel<Integer> ch = capacity == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity);
      chans[c] = ch;
      workers[c] = () -> {
        try {
          for (int i = 0; i < PER_PRODUCER; i++) {
            ch.send(value(i));
          }
        } catch (InterruptedException e) {
          throw Interrupted.of(e);
        }
      };
    }
    workers[CHANNELS] = () -> {
      try {
        for (int i = 0; i < ELEMENTS; i++) {
          com.softwaremill.jox.Select.select(
              chans[0].receiveClause(), chans[1].receiveClause(), chans[2].receiveClause(), chans[3].receiveClause());
        }
      } catch (InterruptedException e) {
        throw Interrupted.of(e);
      }
    };
    VirtualThreads.runAll(workers);
  }
}
