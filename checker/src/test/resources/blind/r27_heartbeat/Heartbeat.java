import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Sends a heartbeat every second while a session is open. The scheduler is shared. */
public class Heartbeat implements AutoCloseable {
  public interface Link {
    void ping(String session);
  }

  private final ScheduledExecutorService shared;
  private final Link link;
  private final AtomicReference<Instant> lastSent = new AtomicReference<>();
  private final String session;

  public Heartbeat(ScheduledExecutorService shared, Link link, String session) {
    this.shared = shared;
    this.link = link;
    this.session = session;
  }

  public void open() {
    // BUG(PeriodicTaskNeverCancelled): the ScheduledFuture is dropped; close() cannot stop the periodic ping, which runs for ever on the shared scheduler
    shared.scheduleAtFixedRate(this::beat, 0, 1, TimeUnit.SECONDS);
  }

  private void beat() {
    link.ping(session);
    lastSent.set(Instant.now());
  }

  public Instant lastSent() {
    return lastSent.get();
  }

  @Override
  public void close() {
    System.out.println("session " + session + " closed");
  }
}
