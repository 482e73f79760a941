package dev.goconc.bench;

import static dev.goconc.bench.BenchmarkSettings.ELEMENTS;

import java.util.Arrays;
import java.util.Locale;

/**
 * The JMH rows' workloads timed as whole runs, each call on its own, without JMH: one line per
 * JVM with every run's nanoseconds per element. JMH averages an iteration over many calls; this
 * shows each call of 100,000 elements, which is where the two regimes of a rendezvous on two
 * carriers (docs/benchmarks.md) can be seen and counted, and it takes seconds, not minutes.
 *
 * <pre>{@code
 * java -cp benchmarks.jar dev.goconc.bench.WholeRuns ROW IMPL [CAPACITY] [RUNS]
 * }</pre>
 *
 * ROW is {@code ping-pong}, {@code one-to-one}, {@code four-to-four}, {@code select-four} or
 * {@code spawn}; IMPL one of the JMH rows' implementations ({@code goconc}, {@code jox}, ...),
 * for {@code spawn} one of its methods ({@code goGo}, {@code plainVirtualThread}, {@code
 * waitGroupGo}), per goroutine instead of per element; CAPACITY as in the JMH row (default 16; 0
 * is unbuffered); RUNS measured after five warm-up runs (default 20). The workload is the JMH
 * benchmark method itself, so the two always measure the same thing.
 */
public final class WholeRuns {
  private static final int WARM_UP_RUNS = 5;

  private WholeRuns() {}

  public static void main(String[] args) {
    try {
      run(args);
    } catch (IllegalArgumentException e) {
      System.err.println("WholeRuns: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    }
  }

  private static final String USAGE =
      "usage: WholeRuns ping-pong|one-to-one|four-to-four|select-four|spawn IMPL [CAPACITY] [RUNS]";

  private static void run(String[] args) {
    if (args.length < 2 || args.length > 4) {
      throw new IllegalArgumentException("expected 2 to 4 arguments, got " + args.length);
    }
    String row = args[0];
    String impl = args[1];
    int capacity = args.length > 2 ? number("CAPACITY", args[2]) : 16;
    int runs = args.length > 3 ? number("RUNS", args[3]) : 20;
    if (runs < 1) {
      throw new IllegalArgumentException("RUNS must be at least 1, not " + runs);
    }
    Runnable call = workload(row, impl, capacity);

    long[] nanosPerElement = new long[runs];
    for (int r = -WARM_UP_RUNS; r < runs; r++) {
      long start = System.nanoTime();
      call.run();
      if (r >= 0) {
        nanosPerElement[r] = (System.nanoTime() - start) / ELEMENTS;
      }
    }
    long[] sorted = nanosPerElement.clone();
    Arrays.sort(sorted);
    boolean spawn = row.equals("spawn");
    System.out.printf(
        Locale.ROOT,
        "%s %s%s: median %d ns per %s, mean %.0f, runs %s%n",
        row, impl, spawn ? "" : " capacity " + (row.equals("ping-pong") ? 0 : capacity),
        sorted[runs / 2], spawn ? "goroutine" : "element",
        Arrays.stream(nanosPerElement).average().orElseThrow(), Arrays.toString(nanosPerElement));
  }

  private static int number(String name, String text) {
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not " + text);
    }
  }

  /** One call of the JMH row's benchmark method, set up as JMH would for these parameters. */
  private static Runnable workload(String row, String impl, int capacity) {
    return switch (row) {
      case "ping-pong" -> {
        PingPongBenchmark b = new PingPongBenchmark();
        b.impl = impl;
        b.probe();
        yield b::roundTrip;
      }
      case "one-to-one" -> {
        ProducerConsumerBenchmark b = new ProducerConsumerBenchmark();
        b.impl = impl;
        b.capacity = capacity;
        b.probe();
        yield b::oneToOne;
      }
      case "four-to-four" -> {
        FanBenchmark b = new FanBenchmark();
        b.impl = impl;
        b.capacity = capacity;
        b.probe();
        yield b::fourToFour;
      }
      case "select-four" -> {
        SelectBenchmark b = new SelectBenchmark();
        b.impl = impl;
        b.capacity = capacity;
        b.probe();
        yield b::selectOverFour;
      }
      case "spawn" -> spawn(impl);
      default -> throw new IllegalArgumentException("unknown row: " + row);
    };
  }

  /** One call of a {@link SpawnBenchmark} method, which starts {@code ELEMENTS} goroutines. */
  private static Runnable spawn(String method) {
    SpawnBenchmark b = new SpawnBenchmark();
    Interruptible call =
        switch (method) {
          case "goGo" -> b::goGo;
          case "plainVirtualThread" -> b::plainVirtualThread;
          case "waitGroupGo" -> b::waitGroupGo;
          default -> throw new IllegalArgumentException("unknown spawn method: " + method);
        };
    return () -> {
      try {
        call.run();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    };
  }

  private interface Interruptible {
    void run() throws InterruptedException;
  }
}
