import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Fills a crossword grid: tries each candidate for the first slot in parallel; the first full fill wins. */
public class CrosswordFiller {
  public record Slot(int row, int col, boolean across, int length) {}
  public record Fill(List<String> words) {}

  public interface Dictionary {
    List<String> candidates(String pattern);
  }

  private final Dictionary dict;

  public CrosswordFiller(Dictionary dict) {
    this.dict = dict;
  }

  public Optional<Fill> fill(Context parent, List<Slot> slots) {
    if (slots.isEmpty()) {
      return Optional.of(new Fill(List.of()));
    }
    try (CancelContext ctx = Context.withCancel(parent)) {
      List<String> firsts = dict.candidates(".".repeat(slots.get(0).length()));
      // OK(GoroutineLeak): one slot per searcher; the winner is read, the losers' sends land in the buffer
      Chan<Optional<Fill>> results = Chan.make(firsts.size());
      for (String first : firsts) {
        Go.go(() -> {
          List<String> words = new ArrayList<>(List.of(first));
          results.send(search(ctx, slots, words) ? Optional.of(new Fill(words)) : Optional.empty());
        });
      }
      // BUG(IgnoredCancellation): the loop blocks on each receive with ctx in scope and never observes it
      for (int i = 0; i < firsts.size(); i++) {
        Optional<Fill> r = results.receive();
        if (r.isPresent()) {
          ctx.cancel();
          return r;
        }
      }
      return Optional.empty();
    }
  }

  boolean search(Context ctx, List<Slot> slots, List<String> words) {
    if (ctx.err() != null) {
      return false;
    }
    if (words.size() == slots.size()) {
      return true;
    }
    Slot next = slots.get(words.size());
    for (String w : dict.candidates(pattern(next, words))) {
      words.add(w);
      if (search(ctx, slots, words)) {
        return true;
      }
      words.remove(words.size() - 1);
    }
    return false;
  }

  static String pattern(Slot s, List<String> placed) {
    return ".".repeat(s.length()) + (placed.isEmpty() ? "" : "");
  }
}
