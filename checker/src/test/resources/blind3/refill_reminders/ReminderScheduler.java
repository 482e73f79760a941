import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Sends pharmacy refill reminders on each patient's schedule until the prescription ends. */
final class ReminderScheduler implements AutoCloseable {
  record Prescription(String patientId, String drug, Duration every, LocalDate endsOn) {}

  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final Map<String, ScheduledFuture<?>> reminders = new ConcurrentHashMap<>();
  private final Consumer<String> notifier;

  ReminderScheduler(Consumer<String> notifier) {
    this.notifier = notifier;
  }

  void start(Prescription p) {
    long period = p.every().toMinutes();
    // OK(PeriodicTaskNeverCancelled): the handle is kept per patient and cancelled by stop() and close()
    ScheduledFuture<?> f = timer.scheduleAtFixedRate(() -> {
      if (LocalDate.now().isAfter(p.endsOn())) {
        stop(p.patientId());
        return;
      }
      notifier.accept(p.patientId() + ": time to refill " + p.drug());
    }, period, period, TimeUnit.MINUTES);
    ScheduledFuture<?> previous = reminders.put(p.patientId(), f);
    if (previous != null) {
      previous.cancel(false);
    }
  }

  void stop(String patientId) {
    ScheduledFuture<?> f = reminders.remove(patientId);
    if (f != null) {
      f.cancel(false);
    }
  }

  @Override
  public void close() {
    reminders.values().forEach(f -> f.cancel(false));
    reminders.clear();
    // OK(ExecutorNotShutDown): shut down on close
    timer.shutdownNow();
  }
}
