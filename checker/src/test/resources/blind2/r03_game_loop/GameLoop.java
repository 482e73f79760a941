// Program: game loop; a fixed-rate tick drives simulation, input arrives on a channel, the loop honours cancellation. Correct.
import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

final class GameLoop {
  enum Input { LEFT, RIGHT, JUMP }

  private final Chan<Input> inputs = Chan.make(32);
  private int x;
  private int frames;

  void press(Input i) {
    inputs.trySend(i);
  }

  void run(Context ctx) {
    // OK(TickerNotStopped): try-with-resources stops the ticker on every path
    try (Ticker frame = Time.newTicker(Duration.ofMillis(16))) {
      Deque<Input> pending = new ArrayDeque<>();
      // OK(IgnoredCancellation): the select has a ctx.done() case
      while (true) {
        boolean alive = Select.<Boolean>select()
            .recv(inputs, i -> pending.add(i))
            .recv(frame.c(), t -> {
              step(pending);
              return true;
            })
            .recv(ctx.done(), d -> false)
            .run();
        if (!alive) {
          return;
        }
      }
    }
  }

  private void step(Deque<Input> pending) {
    while (!pending.isEmpty()) {
      switch (pending.poll()) {
        case LEFT -> x--;
        case RIGHT -> x++;
        case JUMP -> { }
      }
    }
    frames++;
  }

  static int playFor(Duration d) {
    GameLoop game = new GameLoop();
    // OK(LostCancel): the timeout context is closed by try-with-resources
    try (CancelContext ctx = Context.withTimeout(Context.background(), d)) {
      WaitGroup wg = new WaitGroup();
      // OK(GoroutineLeak): the loop ends when ctx's deadline passes
      wg.go(() -> game.run(ctx));
      game.press(Input.RIGHT);
      wg.await();
    }
    return game.frames;
  }
}
