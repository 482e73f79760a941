import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import dev.goconc.WaitGroup;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Scanned pages -> OCR -> spell check -> index, each stage a goroutine or a pool. */
final class OcrPipeline {
  record Page(Path scan, int number) {}

  record Text(Page page, String raw) {}

  record Checked(Page page, String text, int corrections) {}

  /** A stage: applies f to each input with `workers` goroutines; closes its output when all are done. */
  static <I, O> RecvChan<O> stage(Context ctx, RecvChan<I> in, int workers, Function<I, O> f) {
    Chan<O> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < workers; i++) {
      wg.go(() -> {
        for (I item : in) {
          O result = f.apply(item);
          // OK(GoroutineLeak): the send is in a select with ctx.done()
          boolean sent = Select.<Boolean>select()
              .send(out, result, () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            return;
          }
        }
      });
    }
    // OK(UnclosedChannel): closed once every worker of the stage has finished
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }

  static RecvChan<Page> pages(Context ctx, List<Path> scans) {
    Chan<Page> out = Chan.make();
    Go.go(() -> {
      try {
        int n = 1;
        for (Path p : scans) {
          Page page = new Page(p, n++);
          boolean sent = Select.<Boolean>select()
              .send(out, page, () -> true)
              .recv(ctx.done(), x -> false)
              .run();
          if (!sent) {
            break;
          }
        }
      } finally {
        out.close();
      }
    });
    return out;
  }

  static List<Checked> run(Context parent, List<Path> scans, Function<Page, Text> ocr, Function<Text, Checked> spell) {
    try (CancelContext ctx = Context.withCancel(parent)) {
      RecvChan<Text> texts = stage(ctx, pages(ctx, scans), 4, ocr);
      RecvChan<Checked> checked = stage(ctx, texts, 2, spell);
      List<Checked> out = new ArrayList<>();
      for (Checked c : checked) {
        out.add(c);
        if (c.corrections() > 1000) {
          break;
        }
      }
      return out;
    }
  }
}
