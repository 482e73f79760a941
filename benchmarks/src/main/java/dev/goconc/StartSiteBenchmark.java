package dev.goconc;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What naming a goroutine by its start site costs, apart from starting it: {@code Go}'s
 * StackWalker capture against the Throwable it avoids. In package {@code dev.goconc} to reach
 * the package-private capture.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class StartSiteBenchmark {
  private static final StackWalker CLASS_ONLY = StackWalker.getInstance(java.util.Set.of(), 8);

  @Benchmark
  public StartSite goStartSite() {
    return Go.startSite();
  }

  @Benchmark
  public String goStartSiteAndName() {
    StartSite site = Go.startSite();
    return new Goroutine(42, site, " @ " + site).name();
  }

  /** The floor: the same walk keeping only the class, no method or line. */
  @Benchmark
  public String walkClassOnly() {
    return CLASS_ONLY.walk(s -> s.skip(1).findFirst().map(f -> f.getClassName()).orElseThrow());
  }

  @Benchmark
  public StackTraceElement throwable() {
    return new Throwable().getStackTrace()[1];
  }
}
