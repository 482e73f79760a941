import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** A wind-farm turbine controller: yaws each nacelle into the wind, feathers in storms. */
public class TurbineController implements AutoCloseable {
  public record WindSample(String turbine, double degrees, double metresPerSecond) {}

  public interface Actuator {
    void yawTo(String turbine, double degrees);

    void feather(String turbine);
  }

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final BlockingQueue<WindSample> samples = new LinkedBlockingQueue<>();
  private final Map<String, Double> heading = new ConcurrentHashMap<>();
  private final Actuator actuator;
  private ScheduledFuture<?> stormWatch;

  public TurbineController(Actuator actuator) {
    this.actuator = actuator;
  }

  /** Starts the yaw loop and the periodic storm check. */
  public void start() {
    scheduler.execute(this::yawLoop);
    // OK(PeriodicTaskNeverCancelled): kept in a field and cancelled by close()
    stormWatch = scheduler.scheduleAtFixedRate(this::checkStorm, 0, 5, TimeUnit.SECONDS);
  }

  /** Logs the farm's output once a minute, forever. */
  public void startReporting(ScheduledExecutorService shared) {
    // BUG(PeriodicTaskNeverCancelled): the handle is dropped; the report runs on after close()
    shared.scheduleAtFixedRate(() -> System.out.println("headings " + heading), 1, 1, TimeUnit.MINUTES);
  }

  private void yawLoop() {
    // BUG(InterruptIgnoredInTaskLoop): the interrupt from shutdownNow is swallowed, the loop never ends
    while (true) {
      try {
        WindSample s = samples.take();
        double current = heading.getOrDefault(s.turbine(), 0.0);
        if (Math.abs(current - s.degrees()) > 8) {
          actuator.yawTo(s.turbine(), s.degrees());
          heading.put(s.turbine(), s.degrees());
        }
      } catch (InterruptedException e) {
        System.err.println("yaw loop interrupted, continuing");
      }
    }
  }

  /** The loop as it should be: an interrupt ends it. */
  void yawLoopFixed() {
    // OK(InterruptIgnoredInTaskLoop): the interrupt is restored and the loop returns
    while (!Thread.currentThread().isInterrupted()) {
      try {
        WindSample s = samples.take();
        actuator.yawTo(s.turbine(), s.degrees());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void checkStorm() {
    samples.stream().filter(s -> s.metresPerSecond() > 25).map(WindSample::turbine).distinct().forEach(actuator::feather);
  }

  public void offer(WindSample s) {
    samples.offer(s);
  }

  @Override
  public void close() {
    if (stormWatch != null) {
      stormWatch.cancel(false);
    }
    scheduler.shutdownNow();
  }
}
