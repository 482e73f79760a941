import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A warehouse robot path planner: plans every robot's route to its pick face. */
public class PathPlanner {
  public record Cell(int x, int y) {
    List<Cell> neighbours() {
      return List.of(new Cell(x + 1, y), new Cell(x - 1, y), new Cell(x, y + 1), new Cell(x, y - 1));
    }
  }

  public record Robot(String id, Cell at, Cell goal) {}

  public record Plan(String robot, List<Cell> route) {}

  private final Set<Cell> shelves;
  private final int width;
  private final int height;

  public PathPlanner(Set<Cell> shelves, int width, int height) {
    this.shelves = shelves;
    this.width = width;
    this.height = height;
  }

  /** Plans all robots; the whole planning round is abandoned when the wave is cancelled. */
  public List<Plan> planWave(Context ctx, List<Robot> robots) {
    Chan<Plan> plans = Chan.make();
    for (Robot r : robots) {
      Go.go(() -> {
        Plan p = new Plan(r.id(), bfs(r.at(), r.goal()).orElse(List.of()));
        // BUG(GoroutineLeak): a cancelled wave returns early and the remaining planners block here
        plans.send(p);
      });
    }
    List<Plan> out = new ArrayList<>();
    for (int i = 0; i < robots.size(); i++) {
      Plan p = Select.<Plan>select().recv(plans, x -> x).recv(ctx.done(), d -> null).run();
      if (p == null) {
        return out;
      }
      out.add(p);
    }
    return out;
  }

  /** The fixed wave: each planner also watches ctx.done() while sending. */
  public List<Plan> planWaveFixed(Context ctx, List<Robot> robots) {
    Chan<Plan> plans = Chan.make();
    for (Robot r : robots) {
      Go.go(() -> {
        Plan p = new Plan(r.id(), bfs(r.at(), r.goal()).orElse(List.of()));
        // OK(GoroutineLeak): the send sits in a select with ctx.done()
        Select.<Void>select().send(plans, p, () -> null).recv(ctx.done(), d -> null).run();
      });
    }
    List<Plan> out = new ArrayList<>();
    for (int i = 0; i < robots.size(); i++) {
      Plan p = Select.<Plan>select().recv(plans, x -> x).recv(ctx.done(), d -> null).run();
      if (p == null) {
        break;
      }
      out.add(p);
    }
    return out;
  }

  Optional<List<Cell>> bfs(Cell from, Cell to) {
    ArrayDeque<List<Cell>> frontier = new ArrayDeque<>();
    Set<Cell> seen = new HashSet<>();
    frontier.add(List.of(from));
    seen.add(from);
    while (!frontier.isEmpty()) {
      List<Cell> path = frontier.poll();
      Cell last = path.get(path.size() - 1);
      if (last.equals(to)) {
        return Optional.of(path);
      }
      for (Cell n : last.neighbours()) {
        boolean inside = n.x() >= 0 && n.y() >= 0 && n.x() < width && n.y() < height;
        if (inside && !shelves.contains(n) && seen.add(n)) {
          List<Cell> next = new ArrayList<>(path);
          next.add(n);
          frontier.add(next);
        }
      }
    }
    return Optional.empty();
  }
}
