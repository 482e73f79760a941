import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Matches a family-tree person against census, parish and immigration archives in parallel. */
public class RecordMatcher {
  public record Person(String given, String surname, int birthYear, String place) {}
  public record Hit(String archive, String recordId, double confidence) {}

  public interface Archive {
    String name();
    List<Hit> search(Context ctx, Person p);
  }

  /** Streams hits from every archive; the stream closes when all archives answered. */
  public static RecvChan<Hit> search(Context ctx, Person p, List<Archive> archives) {
    Chan<Hit> hits = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (Archive a : archives) {
      wg.go(() -> {
        for (Hit h : a.search(ctx, p)) {
          // OK(GoroutineLeak): each send also selects on ctx.done()
          boolean stop = Select.<Boolean>select().send(hits, h, () -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            return;
          }
        }
      });
    }
    Go.go(() -> {
      wg.await();
      // OK(ReceiverSideClose): the closer goroutine closes after every sender finished
      hits.close();
    });
    return hits;
  }

  /** Keeps the good hits; stops reading early when enough are found, cancelling the rest. */
  public static List<Hit> best(Context parent, Person p, List<Archive> archives, int wanted) {
    List<Hit> out = new ArrayList<>();
    try (CancelContext ctx = Context.withCancel(parent)) {
      // OK(UnclosedChannel): search() closes the stream after its wait group
      for (Hit h : search(ctx, p, archives)) {
        if (h.confidence() >= 0.7) {
          out.add(h);
        }
        if (out.size() >= wanted) {
          break;
        }
      }
    }
    return out;
  }

  static String soundex(String s) {
    String u = s.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    if (u.isEmpty()) {
      return "";
    }
    StringBuilder b = new StringBuilder().append(u.charAt(0));
    String codes = "01230120022455012623010202";
    char last = codes.charAt(u.charAt(0) - 'A');
    for (int i = 1; i < u.length() && b.length() < 4; i++) {
      char c = codes.charAt(u.charAt(i) - 'A');
      if (c != '0' && c != last) {
        b.append(c);
      }
      last = c;
    }
    while (b.length() < 4) {
      b.append('0');
    }
    return b.toString();
  }
}
