// Program: chat-bot command dispatcher; workers range over a command channel; one worker closes the channel it receives from after its loop.
import dev.goconc.*;
import java.util.Map;
import java.util.function.Function;

final class Dispatcher {
  record Command(String name, String args, Chan<String> reply) {}

  private final Map<String, Function<String, String>> handlers;

  Dispatcher(Map<String, Function<String, String>> handlers) {
    this.handlers = Map.copyOf(handlers);
  }

  void serve(Chan<Command> commands, int workers) {
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < workers; i++) {
      wg.go(() -> {
        for (Command c : commands) {
          String out = handlers.getOrDefault(c.name(), a -> "unknown command").apply(c.args());
          c.reply().send(out);
        }
        // BUG(ReceiverSideClose): the worker only receives commands; closing here breaks the producer's next send (and the other workers close it again)
        commands.close();
      });
    }
    wg.await();
  }

  static String ask(Chan<Command> commands, String name, String args) {
    Chan<String> reply = Chan.make(1);
    commands.send(new Command(name, args, reply));
    return reply.receive();
  }

  static void feed(Chan<Command> commands, Iterable<Command> script) {
    try {
      for (Command c : script) {
        commands.send(c);
      }
    } finally {
      // OK(ReceiverSideClose): feed is the sender
      commands.close();
    }
  }
}
