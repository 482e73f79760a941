import dev.goconc.CancelContext;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.time.Duration;
import java.util.List;

/** Dispatches hall calls to a bank of elevator cars, each driven by its own goroutine. */
class ElevatorBank {
  enum Direction { UP, DOWN }

  sealed interface Command permits Call, Park, Shutdown {}

  record Call(int floor, Direction dir) implements Command {}

  record Park(int floor) implements Command {}

  record Shutdown() implements Command {}

  static final class Car {
    final int id;
    final Chan<Command> commands = Chan.make(8);
    volatile int floor;

    Car(int id) {
      this.id = id;
    }
  }

  private final List<Car> cars;

  ElevatorBank(int n) {
    this.cars = java.util.stream.IntStream.range(0, n).mapToObj(Car::new).toList();
  }

  void send(Car car, Command c) {
    switch (c) {
      case Shutdown s -> {
        car.commands.close();
        // BUG(SendOnClosedChannel): the shutdown command is sent after the close: it throws
        car.commands.send(s);
      }
      case Call call -> car.commands.send(call);
      case Park park -> car.commands.send(park);
    }
  }

  void sendFixed(Car car, Command c) {
    switch (c) {
      case Shutdown s -> {
        car.commands.send(s);
        // OK(SendOnClosedChannel): the close comes after the last send of this path
        car.commands.close();
      }
      case Call call -> car.commands.send(call);
      case Park park -> car.commands.send(park);
    }
  }

  /** Reports car positions to the monitoring wall until the drill's duration ends. */
  int monitor(Context parent, Duration drill, Duration every) {
    // BUG(TickerNotStopped): the early return when no car is running leaves the ticker ticking
    Ticker tick = Time.newTicker(every);
    if (cars.isEmpty()) {
      return 0;
    }
    int reports = 0;
    try (CancelContext ctx = Context.withTimeout(parent, drill)) {
      while (Select.<Boolean>select().recv(tick.c(), t -> true).recv(ctx.done(), x -> false).run()) {
        cars.forEach(c -> System.out.println("car " + c.id + " at " + c.floor));
        reports++;
      }
    }
    tick.stop();
    return reports;
  }

  int monitorFixed(Context parent, Duration drill, Duration every) {
    if (cars.isEmpty()) {
      return 0;
    }
    int reports = 0;
    // OK(TickerNotStopped): created after the early return and stopped by try-with-resources
    try (Ticker tick = Time.newTicker(every); CancelContext ctx = Context.withTimeout(parent, drill)) {
      while (Select.<Boolean>select().recv(tick.c(), t -> true).recv(ctx.done(), x -> false).run()) {
        cars.forEach(c -> System.out.println("car " + c.id + " at " + c.floor));
        reports++;
      }
    }
    return reports;
  }

  void start(Car car) {
    Go.go(() -> {
      for (Command c : car.commands) {
        switch (c) {
          case Call call -> car.floor = call.floor();
          case Park park -> car.floor = park.floor();
          case Shutdown s -> {
            return;
          }
        }
      }
    });
  }
}
