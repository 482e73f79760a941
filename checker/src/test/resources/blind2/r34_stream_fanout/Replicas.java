// Program: read-your-writes probe; asks every replica for a version via streams of goroutines and takes the first answer or times out.
import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.function.ToLongFunction;

final class Replicas {
  static long firstVersion(List<String> replicas, ToLongFunction<String> version, Duration timeout) {
    Chan<Long> versions = Chan.make();
    // BUG(GoroutineLeak): only the first answer is received; every other replica's goroutine blocks on the unbuffered send
    replicas.stream().forEach(r -> Go.go(() -> versions.send(version.applyAsLong(r))));
    return Select.<Long>select()
        .recv(versions, v -> v)
        .recv(Time.after(timeout), t -> -1L)
        .run();
  }

  static long maxVersion(List<String> replicas, ToLongFunction<String> version) {
    Chan<Long> versions = Chan.make();
    replicas.forEach(r -> Go.go(() -> versions.send(version.applyAsLong(r))));
    long max = -1;
    // OK(GoroutineLeak): one receive per launched goroutine on every path
    for (int i = 0; i < replicas.size(); i++) {
      max = Math.max(max, versions.receive());
    }
    return max;
  }

  static long firstVersionFixed(Context ctx, List<String> replicas, ToLongFunction<String> version) {
    Chan<Long> versions = Chan.make();
    for (String r : replicas) {
      Go.go(() -> {
        long v = version.applyAsLong(r);
        // OK(GoroutineLeak): the send gives up when ctx is done
        Select.<Void>select().send(versions, v, () -> null).recv(ctx.done(), d -> null).run();
      });
    }
    return Select.<Long>select().recv(versions, v -> v).recv(ctx.done(), d -> -1L).run();
  }
}
