import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;

/** A ferry's boarding desk: scans a ticket, asks the reservation system, waits at most 3 seconds. */
public class BoardingDesk {
  public record Ticket(String code, String vehicleClass) {}
  public record Lane(int number, String reason) {}

  public interface Reservations {
    Lane assign(Ticket t) throws Exception;
  }

  private final ExecutorService workers;
  private final Reservations reservations;

  public BoardingDesk(ExecutorService workers, Reservations reservations) {
    this.workers = workers;
    this.reservations = reservations;
  }

  public Optional<Lane> laneForBroken(Ticket t) throws InterruptedException {
    SynchronousQueue<Lane> answer = new SynchronousQueue<>();
    workers.execute(() -> {
      try {
        Lane lane = reservations.assign(t);
        // BUG(QueueHandoffLeak): put on a SynchronousQueue blocks forever once the desk stopped polling after 3 s
        answer.put(lane);
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
    });
    return Optional.ofNullable(answer.poll(3, TimeUnit.SECONDS));
  }

  public Optional<Lane> laneFor(Ticket t) throws InterruptedException {
    BlockingQueue<Lane> answer = new ArrayBlockingQueue<>(1);
    workers.execute(() -> {
      try {
        // OK(QueueHandoffLeak): the queue has a slot for the single answer, so the put never waits
        answer.put(reservations.assign(t));
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      }
    });
    return Optional.ofNullable(answer.poll(3, TimeUnit.SECONDS));
  }

  /** The manual-override desk offers instead of putting, so it can never hang. */
  public Optional<Lane> override(Ticket t, int lane) throws InterruptedException {
    SynchronousQueue<Lane> handoff = new SynchronousQueue<>();
    workers.execute(() -> {
      // OK(QueueHandoffLeak): offer with a timeout gives up when nobody takes the lane
      try {
        handoff.offer(new Lane(lane, "manual"), 3, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    return Optional.ofNullable(handoff.poll(3, TimeUnit.SECONDS));
  }
}
