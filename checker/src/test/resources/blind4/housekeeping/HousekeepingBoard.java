import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A hotel's housekeeping board: inspects checked-out rooms and assigns cleaners. */
public class HousekeepingBoard {
  public enum RoomState { DIRTY, CLEAN, OUT_OF_ORDER }
  public record Room(int number, int floor) {}
  public record Inspection(Room room, RoomState state) {}

  public interface Inspector {
    RoomState inspect(Room r);
  }

  /** Inspects every room in parallel; gives up on the whole batch if one room is out of order. */
  public static List<Inspection> inspectBroken(List<Room> rooms, Inspector inspector) {
    Chan<Inspection> results = Chan.make();
    // BUG(GoroutineLeak): the out-of-order return below strands the inspections still sending
    rooms.stream().forEach(r -> Go.go(() -> results.send(new Inspection(r, inspector.inspect(r)))));
    List<Inspection> out = new ArrayList<>();
    for (int i = 0; i < rooms.size(); i++) {
      Inspection in = results.receive();
      if (in.state() == RoomState.OUT_OF_ORDER) {
        return List.of(in);
      }
      out.add(in);
    }
    return out;
  }

  public static List<Inspection> inspect(List<Room> rooms, Inspector inspector) {
    // OK(GoroutineLeak): a slot per room: the early return strands nobody
    Chan<Inspection> results = Chan.make(rooms.size());
    rooms.forEach(r -> Go.go(() -> results.send(new Inspection(r, inspector.inspect(r)))));
    List<Inspection> out = new ArrayList<>();
    for (int i = 0; i < rooms.size(); i++) {
      Inspection in = results.receive();
      if (in.state() == RoomState.OUT_OF_ORDER) {
        return List.of(in);
      }
      out.add(in);
    }
    return out;
  }

  /** Streams the dirty rooms of a floor walk; the walk stops at a locked fire door. */
  public static RecvChan<Room> dirtyRoomsBroken(List<Room> floor, Inspector inspector) {
    Chan<Room> dirty = Chan.make(4);
    // BUG(UnclosedChannel): the OUT_OF_ORDER case returns from the goroutine without closing dirty
    Go.go(() -> {
      int i = 0;
      do {
        Room r = floor.get(i++);
        switch (inspector.inspect(r)) {
          case DIRTY -> dirty.send(r);
          case CLEAN -> { }
          case OUT_OF_ORDER -> {
            return;
          }
        }
      } while (i < floor.size());
      dirty.close();
    });
    return dirty;
  }

  public static RecvChan<Room> dirtyRooms(List<Room> floor, Inspector inspector) {
    Chan<Room> dirty = Chan.make(4);
    Go.go(() -> {
      try {
        for (Room r : floor) {
          RoomState s = inspector.inspect(r);
          if (s == RoomState.OUT_OF_ORDER) {
            return;
          }
          if (s == RoomState.DIRTY) {
            dirty.send(r);
          }
        }
      } finally {
        // OK(UnclosedChannel): closed in finally, on the early return too
        dirty.close();
      }
    });
    return dirty;
  }

  /** Assigns the dirty rooms to cleaners round-robin, with a shift deadline. */
  public static List<List<Room>> assign(Context ctx, RecvChan<Room> dirty, int cleaners) {
    List<List<Room>> lists = new ArrayList<>();
    for (int i = 0; i < cleaners; i++) {
      lists.add(new ArrayList<>());
    }
    int next = 0;
    // OK(UnclosedChannel): dirtyRooms() closes its output in finally
    for (Room r : dirty) {
      if (ctx.err() != null) {
        break;
      }
      lists.get(next++ % cleaners).add(r);
    }
    return lists;
  }

  /** A pager reminder to the supervisor: cancelled if the rooms are done in time. */
  public static boolean remindSupervisor(Context ctx, RecvChan<Void> allDone) {
    try (Timer t = Time.newTimer(Duration.ofHours(2))) {
      return Select.<Boolean>select().recv(allDone, d -> false).recv(t.c(), x -> true).recv(ctx.done(), d -> false).run();
    }
  }
}
