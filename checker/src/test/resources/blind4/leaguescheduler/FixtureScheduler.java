import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds a sports league's season fixtures: tries several solver strategies, keeps the best in time. */
public class FixtureScheduler {
  public record Team(String name, String stadium) {}
  public record Fixture(int round, Team home, Team away) {}
  public record Season(List<Fixture> fixtures, int travelKm) {}

  public interface Strategy {
    Season solve(List<Team> teams) throws Exception;
  }

  public Optional<Season> bestBroken(List<Team> teams, List<Strategy> strategies) throws InterruptedException {
    // BUG(ExecutorNotShutDown): a new pool per call, never shut down
    ExecutorService solvers = Executors.newCachedThreadPool();
    List<Future<Season>> running = new ArrayList<>();
    for (Strategy s : strategies) {
      running.add(solvers.submit(() -> s.solve(teams)));
    }
    Season best = null;
    for (Future<Season> f : running) {
      try {
        Season season = f.get(30, TimeUnit.SECONDS);
        if (best == null || season.travelKm() < best.travelKm()) {
          best = season;
        }
      } catch (ExecutionException | TimeoutException e) {
        // BUG(TimedGetWithoutCancel): a timed-out solver is left running
        System.err.println("strategy gave up: " + e);
      }
    }
    return Optional.ofNullable(best);
  }

  public Optional<Season> best(List<Team> teams, List<Strategy> strategies) throws InterruptedException {
    ExecutorService solvers = Executors.newCachedThreadPool();
    try {
      List<Future<Season>> running = new ArrayList<>();
      for (Strategy s : strategies) {
        Callable<Season> task = () -> s.solve(teams);
        running.add(solvers.submit(task));
      }
      Season best = null;
      for (Future<Season> f : running) {
        try {
          Season season = f.get(30, TimeUnit.SECONDS);
          best = best == null || season.travelKm() < best.travelKm() ? season : best;
        } catch (ExecutionException e) {
          continue;
        } catch (TimeoutException e) {
          // OK(TimedGetWithoutCancel): cancelled
          f.cancel(true);
        }
      }
      return Optional.ofNullable(best);
    } finally {
      // OK(ExecutorNotShutDown): shutdownNow in finally
      solvers.shutdownNow();
    }
  }

  /** Round-robin by the circle method, as an async helper. */
  public static CompletableFuture<List<Fixture>> circleBroken(List<Team> teams, ExecutorService pool) {
    CompletableFuture<List<Fixture>> f = new CompletableFuture<>();
    pool.execute(() -> {
      if (teams.size() % 2 == 1) {
        // BUG(FutureNotCompletedOnAllPaths): the odd-team early return never completes the future
        return;
      }
      f.complete(circle(teams));
    });
    return f;
  }

  public static CompletableFuture<List<Fixture>> circle(List<Team> teams, ExecutorService pool) {
    CompletableFuture<List<Fixture>> f = new CompletableFuture<>();
    pool.execute(() -> {
      if (teams.size() % 2 == 1) {
        // OK(FutureNotCompletedOnAllPaths): the early return completes it exceptionally first
        f.completeExceptionally(new IllegalArgumentException("odd number of teams: add a bye"));
        return;
      }
      f.complete(circle(teams));
    });
    return f;
  }

  static List<Fixture> circle(List<Team> teams) {
    List<Team> t = new ArrayList<>(teams);
    List<Fixture> out = new ArrayList<>();
    int n = t.size();
    for (int round = 0; round < n - 1; round++) {
      for (int i = 0; i < n / 2; i++) {
        out.add(new Fixture(round + 1, t.get(i), t.get(n - 1 - i)));
      }
      t.add(1, t.remove(n - 1));
    }
    return out;
  }
}
