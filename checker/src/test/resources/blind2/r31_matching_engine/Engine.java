// Program: order matching engine; one goroutine owns the book and serves commands carrying buffered reply channels. Correct.
import dev.goconc.*;
import java.util.PriorityQueue;
import java.util.Comparator;

final class Engine {
  sealed interface Command permits Place, Best, Stop {}
  record Place(long price, int qty, Chan<Integer> reply) implements Command {}
  record Best(Chan<Long> reply) implements Command {}
  record Stop() implements Command {}

  private final Chan<Command> commands = Chan.make(128);
  private final PriorityQueue<Long> bids = new PriorityQueue<>(Comparator.reverseOrder());

  void start() {
    // OK(GoroutineLeak): the loop returns on Stop
    Go.go(this::loop);
  }

  private void loop() {
    // OK(UnclosedChannel): the command loop ends on Stop, not on close
    for (Command c : commands) {
      switch (c) {
        case Place p -> {
          for (int i = 0; i < p.qty(); i++) {
            bids.add(p.price());
          }
          p.reply().send(bids.size());
        }
        case Best b -> b.reply().send(bids.isEmpty() ? -1L : bids.peek());
        case Stop s -> {
          return;
        }
      }
    }
  }

  int place(long price, int qty) {
    // OK(GoroutineLeak): the reply slot exists even if nobody waits
    Chan<Integer> reply = Chan.make(1);
    commands.send(new Place(price, qty, reply));
    return reply.receive();
  }

  long best() {
    Chan<Long> reply = Chan.make(1);
    commands.send(new Best(reply));
    return reply.receive();
  }

  void stop() {
    commands.send(new Stop());
  }
}
