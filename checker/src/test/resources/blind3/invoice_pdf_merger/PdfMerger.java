import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Renders invoice pages to PDF and merges them, as a chain of generic channel stages. */
final class PdfMerger {
  record Invoice(String number, List<String> lines) {}

  record Pdf(String name, int pages) {}

  @SafeVarargs
  static <T> RecvChan<T> of(Context ctx, T... items) {
    Chan<T> out = Chan.make();
    Go.go(() -> {
      try {
        for (T item : items) {
          if (!Select.<Boolean>select().send(out, item, () -> true).recv(ctx.done(), x -> false).run()) {
            return;
          }
        }
      } finally {
        // OK(UnclosedChannel): closed in finally by its only sender
        out.close();
      }
    });
    return out;
  }

  static <A, B> RecvChan<B> map(Context ctx, RecvChan<A> in, Function<? super A, ? extends B> f) {
    Chan<B> out = Chan.make();
    Go.go(() -> {
      try {
        for (A a : in) {
          B b = f.apply(a);
          // OK(GoroutineLeak): the send is in a select with ctx.done()
          if (!Select.<Boolean>select().send(out, b, () -> true).recv(ctx.done(), x -> false).run()) {
            return;
          }
        }
      } finally {
        out.close();
      }
    });
    return out;
  }

  static Pdf merge(Context parent, Invoice... invoices) {
    try (CancelContext ctx = Context.withCancel(parent)) {
      RecvChan<Pdf> pdfs = map(ctx, of(ctx, invoices), inv -> new Pdf(inv.number() + ".pdf", 1 + inv.lines().size() / 40));
      List<Pdf> all = new ArrayList<>();
      for (Pdf p : pdfs) {
        all.add(p);
      }
      return new Pdf("merged.pdf", all.stream().mapToInt(Pdf::pages).sum());
    }
  }
}
