import dev.goconc.*;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** A three-stage pipeline: tokenize, score, decide. */
public class SpamScorer {
  public record Email(String id, String subject, String body) {}
  record Tokens(Email email, List<String> words) {}
  public record Verdict(String id, double score, boolean spam) {}

  private final double threshold;

  public SpamScorer(double threshold) {
    this.threshold = threshold;
  }

  /** A generic stage: one goroutine maps in to out and closes out when in is drained. */
  static <A, B> RecvChan<B> stage(RecvChan<A> in, Function<A, B> f) {
    Chan<B> out = Chan.make(8);
    Go.go(() -> {
      try {
        for (A a : in) {
          out.send(f.apply(a));
        }
      } finally {
        // OK(ReceiverSideClose): this goroutine is out's only sender
        out.close();
      }
    });
    return out;
  }

  public RecvChan<Verdict> score(RecvChan<Email> inbox) {
    RecvChan<Tokens> tokens = stage(inbox, e -> new Tokens(e,
        List.of((e.subject() + " " + e.body()).toLowerCase(Locale.ROOT).split("\\W+"))));
    return stage(tokens, t -> {
      double s = t.words().stream().mapToDouble(SpamScorer::weight).sum() / Math.max(1, t.words().size());
      return new Verdict(t.email().id(), s, s > threshold);
    });
  }

  static double weight(String word) {
    return switch (word) {
      case "free", "winner", "prize" -> 3.0;
      case "unsubscribe" -> 1.0;
      default -> 0.0;
    };
  }

  /** The quarantine writer: the old version closed its input when it saw a fatal verdict. */
  static int quarantineBroken(Chan<Verdict> verdicts, List<String> quarantine) {
    int n = 0;
    for (Verdict v : verdicts) {
      if (v.score() > 10) {
        // BUG(ReceiverSideClose): the writer only receives from verdicts; closing it makes the scorer's next send throw
        verdicts.close();
        break;
      }
      if (v.spam()) {
        quarantine.add(v.id());
        n++;
      }
    }
    return n;
  }

  /** The fixed writer stops reading and tells the pipeline through its own done channel. */
  static int quarantine(RecvChan<Verdict> verdicts, Chan<Void> stop, List<String> quarantine) {
    int n = 0;
    for (Verdict v : verdicts) {
      if (v.score() > 10) {
        // OK(ReceiverSideClose): stop is a signal channel nobody sends on
        stop.close();
        break;
      }
      if (v.spam()) {
        quarantine.add(v.id());
        n++;
      }
    }
    return n;
  }
}
