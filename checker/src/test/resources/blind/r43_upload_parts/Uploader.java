import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Multipart upload: each part on its own goroutine. */
public final class Uploader {
  private final AtomicLong bytes = new AtomicLong();

  public long upload(List<byte[]> parts) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    for (byte[] part : parts) {
      Go.go(
          () -> {
            try {
              bytes.addAndGet(part.length);
            } finally {
              // BUG(WaitGroupDoneExceedsAdd): one add(1) for the whole batch but a done() per part: the counter goes negative and throws
              wg.done();
            }
          });
    }
    wg.await();
    return bytes.get();
  }

  public long uploadFixed(List<byte[]> parts) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): one add per part, one done per part
    wg.add(parts.size());
    for (byte[] part : parts) {
      Go.go(
          () -> {
            try {
              bytes.addAndGet(part.length);
            } finally {
              wg.done();
            }
          });
    }
    wg.await();
    return bytes.get();
  }
}
