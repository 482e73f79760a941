import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** A mining-pool share validator: miners submit shares, workers check them against the target. */
public final class ShareValidator {
  public record Share(String miner, String jobId, long nonce) {}

  public record Result(Share share, boolean valid) {}

  private final BigInteger target;
  private final int workers;

  public ShareValidator(BigInteger target, int workers) {
    this.target = target;
    this.workers = workers;
  }

  /** Validates a submitted batch with a fixed pool of workers. */
  public RecvChan<Result> validate(Context ctx, List<Share> batch) {
    Chan<Share> jobs = Chan.make(workers);
    Chan<Result> results = Chan.make(workers);
    // the producer: the only sender on jobs
    Go.go(() -> {
      try {
        for (Share s : batch) {
          boolean sent = Select.<Boolean>select().send(jobs, s, () -> true).recv(ctx.done(), d -> false).run();
          if (!sent) {
            break;
          }
        }
      } finally {
        // OK(UnclosedChannel): the sole producer closes jobs in finally
        jobs.close();
      }
    });
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < workers; i++) {
      Worker w = new Worker(jobs, results);
      wg.go(() -> w.run(ctx));
    }
    // OK(UnclosedChannel): results closed after all workers have finished
    Go.go(() -> {
      wg.await();
      results.close();
    });
    return results;
  }

  /** A worker: reads jobs until they close, sends results unless cancelled. */
  private final class Worker {
    private final RecvChan<Share> in;
    private final Chan<Result> out;

    Worker(RecvChan<Share> in, Chan<Result> out) {
      this.in = in;
      this.out = out;
    }

    void run(Context ctx) {
      for (Share s : in) {
        Result r = new Result(s, check(s));
        // OK(GoroutineLeak): the result send also watches ctx.done()
        Boolean sent = Select.<Boolean>select().send(out, r, () -> true).recv(ctx.done(), d -> false).run();
        if (!sent) {
          return;
        }
      }
    }
  }

  boolean check(Share s) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] h = sha.digest(sha.digest((s.jobId() + ":" + s.nonce()).getBytes(StandardCharsets.UTF_8)));
      return new BigInteger(1, h).compareTo(target) <= 0 && !HexFormat.of().formatHex(h).isEmpty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
