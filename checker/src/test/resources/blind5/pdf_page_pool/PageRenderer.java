import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** A PDF renderer's page pool: renders pages in parallel, at most N at a time. */
public final class PageRenderer {
  public record Page(int number, String contentStream, float widthPt, float heightPt) {}

  public interface Painter {
    BufferedImage paint(Context ctx, Page p, int dpi);
  }

  private final Painter painter;
  private final Chan<Boolean> permits;

  public PageRenderer(Painter painter, int concurrency) {
    this.painter = Objects.requireNonNull(painter);
    this.permits = Chan.make(concurrency);
  }

  /** Renders every page; a slot per page, filled by index, so order is kept. */
  public List<BufferedImage> render(Context ctx, List<Page> pages, int dpi) {
    BufferedImage[] out = new BufferedImage[pages.size()];
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < pages.size(); i++) {
      final int idx = i;
      // OK(WaitGroupAddInGoroutine): wg.go adds before the goroutine starts
      wg.go(new Runnable() {
        @Override
        public void run() {
          // OK(GoroutineLeak): the permit send gives up when ctx is done
          boolean got = Select.<Boolean>select().send(permits, Boolean.TRUE, () -> true).recv(ctx.done(), d -> false).run();
          if (!got) {
            return;
          }
          try {
            out[idx] = painter.paint(ctx, pages.get(idx), dpi);
          } finally {
            permits.receive();
          }
        }
      });
    }
    wg.await();
    return Arrays.asList(out);
  }

  /** A thumbnail strip: one small render per page, sequentially. */
  public List<BufferedImage> thumbnails(Context ctx, List<Page> pages) {
    return pages.stream().takeWhile(p -> ctx.err() == null).map(p -> painter.paint(ctx, p, 24)).toList();
  }
}
