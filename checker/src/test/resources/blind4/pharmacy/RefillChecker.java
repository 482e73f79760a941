import dev.goconc.*;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Checks which prescriptions are due for refill, one goroutine per patient, with insurer checks. */
public class RefillChecker {
  public record Rx(String id, String patient, String drug, LocalDate lastFill, int daysSupply) {}
  public enum Verdict { DUE, NOT_DUE, DENIED }

  public interface Insurer {
    boolean covers(Rx rx);
  }

  private final Insurer insurer;

  public RefillChecker(Insurer insurer) {
    this.insurer = insurer;
  }

  public Map<String, Verdict> checkBroken(List<Rx> scripts, LocalDate today) {
    Map<String, Verdict> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (Rx rx : scripts) {
      wg.add(1);
      Go.go(() -> {
        try {
          out.put(rx.id(), verdict(rx, today));
        } catch (RuntimeException e) {
          out.put(rx.id(), Verdict.DENIED);
          // BUG(WaitGroupDoneExceedsAdd): on an insurer failure done runs here and again in finally: two dones for one add
          wg.done();
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    return out;
  }

  public Map<String, Verdict> check(List<Rx> scripts, LocalDate today) {
    Map<String, Verdict> out = new ConcurrentHashMap<>();
    WaitGroup wg = new WaitGroup();
    for (Rx rx : scripts) {
      wg.add(1);
      Go.go(() -> {
        try {
          out.put(rx.id(), verdict(rx, today));
        } catch (RuntimeException e) {
          out.put(rx.id(), Verdict.DENIED);
        } finally {
          // OK(WaitGroupDoneExceedsAdd): exactly one done per add, in finally
          wg.done();
        }
      });
    }
    wg.await();
    return out;
  }

  Verdict verdict(Rx rx, LocalDate today) {
    if (rx.lastFill().plusDays(rx.daysSupply() - 5L).isAfter(today)) {
      return Verdict.NOT_DUE;
    }
    return insurer.covers(rx) ? Verdict.DUE : Verdict.DENIED;
  }

  /** Compounded drugs need a pharmacist and a lab check: two tasks, one group slot each. */
  public boolean compoundBroken(Rx rx, Runnable pharmacistSignOff, Runnable labCheck) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(() -> {
      try {
        pharmacistSignOff.run();
      } finally {
        wg.done();
      }
    });
    Go.go(() -> {
      try {
        labCheck.run();
      } finally {
        // BUG(WaitGroupDoneExceedsAdd): the second task's done was never added: the counter goes negative
        wg.done();
      }
    });
    wg.await();
    return true;
  }
}
