import dev.goconc.*;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A smart-home rule engine: device events in, actions out; rules evaluated per event. */
public class RuleEngine {
  public sealed interface Event permits Motion, DoorOpened, TempReading {}
  public record Motion(String room) implements Event {}
  public record DoorOpened(String door) implements Event {}
  public record TempReading(String room, double celsius) implements Event {}

  public record Action(String device, String command) {}

  public interface Rule {
    List<Action> apply(Event e, LocalTime now);
    default String name() {
      return getClass().getSimpleName();
    }
  }

  private final List<Rule> rules = new CopyOnWriteArrayList<>();

  public RuleEngine add(Rule r) {
    rules.add(r);
    return this;
  }

  /** The engine's goroutine: closes the actions channel when the event stream ends. */
  public RecvChan<Action> run(Context ctx, RecvChan<Event> events) {
    Chan<Action> actions = Chan.make(16);
    Go.go(() -> {
      try {
        // OK(IgnoredCancellation): the loop ends when events closes, and each send selects on ctx.done()
        for (Event e : events) {
          for (Action a : evaluate(e)) {
            boolean cancelled = Select.<Boolean>select()
                .send(actions, a, () -> false)
                .recv(ctx.done(), d -> true)
                .run();
            if (cancelled) {
              return;
            }
          }
        }
      } finally {
        // OK(UnclosedChannel): closed in finally by its only sender
        actions.close();
      }
    });
    return actions;
  }

  List<Action> evaluate(Event e) {
    List<Action> out = new ArrayList<>();
    LocalTime now = LocalTime.now();
    for (Rule r : rules) {
      out.addAll(r.apply(e, now));
    }
    return out;
  }

  /** Night-light rule, as an anonymous class. */
  static Rule nightLight() {
    return new Rule() {
      @Override
      public List<Action> apply(Event e, LocalTime now) {
        if (e instanceof Motion m && (now.isAfter(LocalTime.of(22, 0)) || now.isBefore(LocalTime.of(6, 0)))) {
          return List.of(new Action("light:" + m.room(), "on 20%"));
        }
        return List.of();
      }
    };
  }

  /** Turns a light off again after a quiet period, unless the context ends first. */
  static void autoOff(Context ctx, SendChan<Action> out, String room) {
    // OK(TickerNotStopped): the timer either fires (its channel received) or is stopped
    Timer quiet = Time.newTimer(Duration.ofMinutes(5));
    boolean fired = Select.<Boolean>select()
        .recv(quiet.c(), t -> true)
        .recv(ctx.done(), d -> false)
        .run();
    if (fired) {
      out.send(new Action("light:" + room, "off"));
    } else {
      quiet.stop();
    }
  }
}
