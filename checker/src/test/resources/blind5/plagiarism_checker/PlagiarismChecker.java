import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.Select;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A thesis plagiarism checker: shingles a thesis and compares it with a corpus in parallel. */
public final class PlagiarismChecker {
  public record Document(String id, String text) {}

  public record Match(String sourceId, double jaccard) {}

  private final List<Document> corpus;

  public PlagiarismChecker(List<Document> corpus) {
    this.corpus = List.copyOf(corpus);
  }

  public List<Match> check(Context parent, Document thesis, double threshold) throws Exception {
    Set<String> mine = shingles(thesis.text());
    // OK(LostCancel): try-with-resources
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMinutes(2))) {
      ErrGroup g = ErrGroup.withContext(ctx);
      g.setLimit(8);
      // OK(GoroutineLeak): capacity for one match per corpus document
      Chan<Match> matches = Chan.make(corpus.size());
      for (Document d : corpus) {
        g.go(() -> {
          if (g.context().err() != null) {
            return;
          }
          double j = jaccard(mine, shingles(d.text()));
          if (j >= threshold) {
            matches.send(new Match(d.id(), j));
          }
        });
      }
      Throwable err = g.await();
      // OK(SendOnClosedChannel): every sender has finished before this close
      matches.close();
      if (err != null) {
        throw new IllegalStateException("check failed", err);
      }
      List<Match> out = new ArrayList<>();
      for (Match m : matches) {
        out.add(m);
      }
      out.sort((a, b) -> Double.compare(b.jaccard(), a.jaccard()));
      return out;
    }
  }

  /** Streams progress to a UI; the UI may stop listening at any time. */
  public void progress(Context ctx, Chan<Integer> ui, int total) {
    Go.go(() -> {
      // OK(IgnoredCancellation): the select watches ctx.done()
      for (int done = 0; done <= total; done += Math.max(1, total / 10)) {
        int pct = done * 100 / Math.max(1, total);
        boolean more = Select.<Boolean>select().send(ui, pct, () -> true).recv(ctx.done(), d -> false).run();
        if (!more) {
          return;
        }
      }
    });
  }

  static Set<String> shingles(String text) {
    String[] w = text.toLowerCase().split("\\s+");
    Set<String> out = new HashSet<>();
    for (int i = 0; i + 4 <= w.length; i++) {
      out.add(String.join(" ", java.util.Arrays.copyOfRange(w, i, i + 4)));
    }
    return out;
  }

  static double jaccard(Set<String> a, Set<String> b) {
    Set<String> inter = new HashSet<>(a);
    inter.retainAll(b);
    Set<String> union = new HashSet<>(a);
    union.addAll(b);
    return union.isEmpty() ? 0 : inter.size() / (double) union.size();
  }
}
