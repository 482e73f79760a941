import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** A greenhouse climate controller: vents, misters and heaters driven from sensor readings. */
public final class ClimateController implements AutoCloseable {
  public enum Actuator { VENT, MISTER, HEATER }

  public record Reading(double celsius, double humidity) {}

  private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
  private final ExecutorService actuatorIo = Executors.newFixedThreadPool(2);
  private final BlockingQueue<Reading> readings = new LinkedBlockingQueue<>(1024);
  private final Map<Actuator, Boolean> state = new EnumMap<>(Actuator.class);
  private final ReentrantLock stateLock = new ReentrantLock();
  private ScheduledFuture<?> controlLoop;
  private ScheduledFuture<?> nightMode;
  private Thread consumer;

  public void start() {
    // OK(PeriodicTaskNeverCancelled): handle kept, cancelled in close()
    controlLoop = clock.scheduleWithFixedDelay(this::control, 0, 10, TimeUnit.SECONDS);
    // OK(PeriodicTaskNeverCancelled): handle kept, cancelled in close()
    nightMode = clock.scheduleAtFixedRate(() -> set(Actuator.HEATER, true), 12, 24, TimeUnit.HOURS);
    consumer = Thread.ofVirtual().name("readings").start(this::consume);
  }

  private void consume() {
    // OK(InterruptIgnoredInTaskLoop): the interrupt ends the loop with the flag restored
    while (!Thread.currentThread().isInterrupted()) {
      try {
        Reading r = readings.poll(1, TimeUnit.SECONDS);
        if (r != null && r.humidity() < 0.55) {
          set(Actuator.MISTER, true);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void control() {
    Reading last = readings.peek();
    if (last == null) {
      return;
    }
    set(Actuator.VENT, last.celsius() > 28);
    set(Actuator.HEATER, last.celsius() < 12);
  }

  /** Switches an actuator through the I/O pool; the caller may wait on the result. */
  public CompletableFuture<Boolean> set(Actuator a, boolean on) {
    return CompletableFuture.supplyAsync(() -> {
      stateLock.lock();
      try {
        Boolean old = state.put(a, on);
        return old == null || old != on;
      } finally {
        stateLock.unlock();
      }
    }, actuatorIo);
  }

  public boolean offer(Reading r) {
    return readings.offer(r);
  }

  @Override
  public void close() {
    if (controlLoop != null) {
      controlLoop.cancel(false);
    }
    if (nightMode != null) {
      nightMode.cancel(false);
    }
    if (consumer != null) {
      consumer.interrupt();
    }
    clock.shutdown();
    // OK(ExecutorNotShutDown): the controller's pools end with it
    actuatorIo.shutdown();
  }
}
