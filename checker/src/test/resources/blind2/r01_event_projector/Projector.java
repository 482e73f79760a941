// Program: event-sourcing projector; four workers fold an event log into balances, the feeder never closes the event channel.
import dev.goconc.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

sealed interface Event permits Deposited, Withdrawn {}

record Deposited(String account, long cents) implements Event {}

record Withdrawn(String account, long cents) implements Event {}

final class Projector {
  private final List<Event> log;

  Projector(List<Event> log) {
    this.log = List.copyOf(log);
  }

  Map<String, Long> balances() {
    Chan<Event> events = Chan.make(16);
    Map<String, Long> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < 4; i++) {
      wg.go(() -> {
        // BUG(UnclosedChannel): the feeder below never closes events, so every worker's range waits forever
        for (Event e : events) {
          switch (e) {
            case Deposited d -> out.merge(d.account(), d.cents(), Long::sum);
            case Withdrawn w -> out.merge(w.account(), -w.cents(), Long::sum);
          }
        }
      });
    }
    Go.go(() -> log.forEach(events::send));
    wg.await();
    return out;
  }

  Map<String, Long> balancesFixed() {
    Chan<Event> events = Chan.make(16);
    Map<String, Long> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < 4; i++) {
      wg.go(() -> {
        // OK(UnclosedChannel): the feeder closes events in finally
        for (Event e : events) {
          long delta = switch (e) {
            case Deposited d -> d.cents();
            case Withdrawn w -> -w.cents();
          };
          String account = e instanceof Deposited d ? d.account() : ((Withdrawn) e).account();
          out.merge(account, delta, Long::sum);
        }
      });
    }
    Go.go(() -> {
      try {
        log.forEach(events::send);
      } finally {
        events.close();
      }
    });
    wg.await();
    return out;
  }
}
