import dev.goconc.*;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Stacks exposures from several telescope cameras into one deep image. */
public class ImageStacker {
  public record Exposure(String camera, int index, float[] pixels) {}

  public interface Camera {
    String name();
    List<Exposure> readOut(int count);
  }

  private final int width;
  private final int height;

  public ImageStacker(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /** Every camera streams its exposures into one channel; the stacker drains it with receiveOk. */
  public float[] stackBroken(List<Camera> cameras, int perCamera) {
    Chan<Exposure> exposures = Chan.make(cameras.size());
    for (Camera c : cameras) {
      Go.go(() -> c.readOut(perCamera).forEach(exposures::send));
    }
    float[] sum = new float[width * height];
    // BUG(UnclosedChannel): nobody closes exposures, so ok never becomes false and the loop never ends
    for (Received<Exposure> r = exposures.receiveOk(); r.ok(); r = exposures.receiveOk()) {
      add(sum, r.value());
    }
    return sum;
  }

  public float[] stack(List<Camera> cameras, int perCamera) {
    Chan<Exposure> exposures = Chan.make(cameras.size());
    WaitGroup wg = new WaitGroup();
    for (Camera c : cameras) {
      wg.go(() -> c.readOut(perCamera).forEach(exposures::send));
    }
    Go.go(() -> {
      wg.await();
      exposures.close();
    });
    float[] sum = new float[width * height];
    // OK(UnclosedChannel): the closer goroutine closes exposures after the cameras finish
    for (Received<Exposure> r = exposures.receiveOk(); r.ok(); r = exposures.receiveOk()) {
      add(sum, r.value());
    }
    return sum;
  }

  void add(float[] sum, Exposure e) {
    for (int i = 0; i < sum.length && i < e.pixels().length; i++) {
      sum[i] += e.pixels()[i];
    }
  }

  /** Focus check: takes one exposure from the guide camera, gives up after 5 s. */
  public Optional<Exposure> focusFrameBroken(Camera guide) {
    Chan<Exposure> frame = Chan.make();
    Go.go(() -> {
      Exposure e = guide.readOut(1).get(0);
      // BUG(GoroutineLeak): if the 5 s timeout fires first, nobody ever receives this frame
      frame.send(e);
    });
    return Select.<Optional<Exposure>>select()
        .recv(frame, Optional::of)
        .recv(Time.after(Duration.ofSeconds(5)), t -> Optional.<Exposure>empty())
        .run();
  }

  public Optional<Exposure> focusFrame(Camera guide) {
    // OK(GoroutineLeak): one buffered slot: the send completes even after the timeout
    Chan<Exposure> frame = Chan.make(1);
    Go.go(() -> frame.send(guide.readOut(1).get(0)));
    return Select.<Optional<Exposure>>select()
        .recv(frame, Optional::of)
        .recv(Time.after(Duration.ofSeconds(5)), t -> Optional.<Exposure>empty())
        .run();
  }
}
