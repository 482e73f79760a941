import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A fraud-rule evaluator with a deadline: every rule votes; late rules are ignored. */
public class FraudEvaluator {
  public record Payment(String card, long cents, String country, String merchant) {}

  public record Vote(String rule, double score) {}

  public interface Rule {
    String name();

    double score(Payment p);

    static Rule of(String name, Predicate<Payment> hit, double weight) {
      return new Rule() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public double score(Payment p) {
          return hit.test(p) ? weight : 0;
        }
      };
    }
  }

  private final List<Rule> rules;
  private final Duration deadline;

  public FraudEvaluator(List<Rule> rules, Duration deadline) {
    this.rules = rules;
    this.deadline = deadline;
  }

  /** Sums the votes that arrive before the deadline. */
  public double evaluate(Payment p) {
    Chan<Vote> votes = Chan.make();
    for (Rule r : rules) {
      Go.go(() -> {
        // BUG(GoroutineLeak): the evaluator stops receiving at the deadline and slow rules block here
        votes.send(new Vote(r.name(), r.score(p)));
      });
    }
    var timeout = Time.after(deadline);
    double total = 0;
    for (int i = 0; i < rules.size(); i++) {
      Vote v = Select.<Vote>select().recv(votes, x -> x).recv(timeout, t -> null).run();
      if (v == null) {
        return total;
      }
      total += v.score();
    }
    return total;
  }

  /** The fixed evaluator: one slot per rule. */
  public double evaluateBuffered(Payment p) {
    // OK(GoroutineLeak): a slot for every rule's vote
    Chan<Vote> votes = Chan.make(rules.size());
    rules.forEach(r -> Go.go(() -> votes.send(new Vote(r.name(), r.score(p)))));
    var timeout = Time.after(deadline);
    double total = 0;
    for (int i = 0; i < rules.size(); i++) {
      Vote v = Select.<Vote>select().recv(votes, x -> x).recv(timeout, t -> null).run();
      if (v == null) {
        break;
      }
      total += v.score();
    }
    return total;
  }

  /** Explains a decision: every rule's vote, waiting for all of them. */
  public List<Vote> explain(Context ctx, Payment p) {
    List<Vote> out = new ArrayList<>();
    WaitGroup wg = new WaitGroup();
    for (Rule r : rules) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): added inside the goroutine, the await below can pass first
        wg.add(1);
        try {
          Vote v = new Vote(r.name(), r.score(p));
          synchronized (out) {
            out.add(v);
          }
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    return out;
  }

  public List<Vote> explainFixed(Context ctx, Payment p) {
    List<Vote> out = new ArrayList<>();
    WaitGroup wg = new WaitGroup();
    for (Rule r : rules) {
      // OK(WaitGroupAddInGoroutine): added before the launch
      wg.add(1);
      Go.go(() -> {
        try {
          Vote v = new Vote(r.name(), r.score(p));
          synchronized (out) {
            out.add(v);
          }
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    return out;
  }
}
