import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Time;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A language-learning flashcard scheduler (SM-2 style), with a background sync to the server. */
public final class ReviewScheduler implements AutoCloseable {
  public record Card(String id, String front, String back) {}

  public record State(int repetitions, double ease, int intervalDays, LocalDate due) {
    static State fresh() {
      return new State(0, 2.5, 0, LocalDate.now());
    }
  }

  public interface Server {
    void push(Context ctx, Map<String, State> states);
  }

  private final Map<String, State> states = new ConcurrentHashMap<>();
  // OK(ContextInField): only the cancel function is kept
  private final CancelFunc stopSync;

  public ReviewScheduler(Context appCtx, Server server, Duration syncEvery) {
    // OK(LostCancel): its cancel function is stored and called by close()
    CancelContext syncCtx = Context.withCancel(appCtx);
    this.stopSync = syncCtx.cancelFunc();
    Go.go(() -> syncLoop(syncCtx, server, syncEvery));
  }

  private void syncLoop(Context ctx, Server server, Duration every) {
    // OK(GoroutineLeak): ends when ctx is cancelled
    while (true) {
      boolean again = Select.<Boolean>select().recv(Time.after(every), t -> true).recv(ctx.done(), d -> false).run();
      if (!again) {
        return;
      }
      server.push(ctx, Map.copyOf(states));
    }
  }

  /** Grades a review, 0 (blackout) to 5 (perfect). */
  public State grade(Card card, int quality) {
    return states.compute(card.id(), (id, s) -> next(s == null ? State.fresh() : s, quality));
  }

  static State next(State s, int q) {
    if (q < 3) {
      return new State(0, s.ease(), 1, LocalDate.now().plusDays(1));
    }
    double ease = Math.max(1.3, s.ease() + 0.1 - (5 - q) * (0.08 + (5 - q) * 0.02));
    int interval = s.repetitions() == 0 ? 1 : s.repetitions() == 1 ? 6 : (int) Math.round(s.intervalDays() * ease);
    return new State(s.repetitions() + 1, ease, interval, LocalDate.now().plusDays(interval));
  }

  /** Due cards; the context may be absent when called from the offline CLI. */
  public List<Card> due(Context maybeCtx, List<Card> deck) {
    // OK(BackgroundContextInsteadOfParameter): a null fallback, not a replacement
    Context ctx = maybeCtx != null ? maybeCtx : Context.background();
    LocalDate today = LocalDate.now();
    return deck.stream()
        .takeWhile(c -> ctx.err() == null)
        .filter(c -> !states.getOrDefault(c.id(), State.fresh()).due().isAfter(today))
        .toList();
  }

  /** Both the session and the request context lead; the deck follows. */
  // OK(ContextNotFirstParameter): several leading Context parameters are fine
  public int sessionSize(Context session, Context request, List<Card> deck) {
    return request.err() == null && session.err() == null ? due(request, deck).size() : 0;
  }

  @Override
  public void close() {
    stopSync.cancel();
  }
}
