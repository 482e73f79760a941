import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A transcoding farm: a fixed set of encoders drain a job channel, results are fanned in. */
final class TranscodeQueue {
  enum Preset {
    P480(854, 480), P720(1280, 720), P1080(1920, 1080);

    final int width;
    final int height;

    Preset(int width, int height) {
      this.width = width;
      this.height = height;
    }

    long estimatedBytes(long seconds) {
      return seconds * width * height / 8;
    }
  }

  record Job(String videoId, Preset preset, long seconds) {}

  record Rendition(String videoId, Preset preset, long bytes) {}

  interface Encoder {
    Rendition encode(Context ctx, Job job);
  }

  private final Encoder encoder;
  private final int encoders;
  private final Map<String, Integer> done = new ConcurrentHashMap<>();

  TranscodeQueue(Encoder encoder, int encoders) {
    this.encoder = encoder;
    this.encoders = encoders;
  }

  RecvChan<Rendition> run(Context ctx, List<Job> jobs) {
    Chan<Job> queue = Chan.make(jobs.size());
    // OK(IgnoredCancellation): queue has a slot for every job, so these sends cannot block
    for (Job j : jobs) {
      queue.send(j);
    }
    queue.close();
    Chan<Rendition> results = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < encoders; i++) {
      wg.go(() -> {
        for (Job job : queue) {
          Rendition r = encoder.encode(ctx, job);
          // OK(GoroutineLeak): the send sits in a select with ctx.done(), so a gone consumer cannot strand it
          boolean sent = Select.<Boolean>select()
              .send(results, r, () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            return;
          }
          done.merge(job.videoId(), 1, Integer::sum);
        }
      });
    }
    // OK(UnclosedChannel): the closer goroutine closes results once every encoder is done
    dev.goconc.Go.go(() -> {
      wg.await();
      results.close();
    });
    return results.recvOnly();
  }

  int renditionsOf(String videoId) {
    return done.getOrDefault(videoId, 0);
  }

  static long totalBytes(Context ctx, TranscodeQueue q, List<Job> jobs) {
    long sum = 0;
    for (Rendition r : q.run(ctx, jobs)) {
      sum += r.bytes();
    }
    return sum;
  }
}
