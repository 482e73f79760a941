import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Queries every replica and keeps the first answer; gives up after a deadline. */
public final class SearchService {
  public interface Replica {
    String query(Context ctx, String q);
  }

  private final List<Replica> replicas;
  private final Duration budget;

  public SearchService(List<Replica> replicas, Duration budget) {
    this.replicas = List.copyOf(replicas);
    this.budget = budget;
  }

  public String first(Context ctx, String q) {
    Chan<String> answers = Chan.make();
    for (Replica r : replicas) {
      Go.go(
          () -> {
            String a = r.query(ctx, q);
            // BUG(GoroutineLeak): unbuffered send; after the first answer or the timeout nobody receives, the other replicas block forever
            answers.send(a);
          });
    }
    return Select.<String>select()
        .recv(answers, a -> a)
        .recv(Time.after(budget), t -> "timeout")
        .run();
  }

  public List<String> describe() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < replicas.size(); i++) {
      names.add("replica-" + i);
    }
    return names;
  }

  public static void main(String[] args) {
    SearchService s =
        new SearchService(
            List.of((c, q) -> "a:" + q, (c, q) -> "b:" + q, (c, q) -> "c:" + q),
            Duration.ofMillis(50));
    System.out.println(s.first(Context.background(), "go"));
  }
}
