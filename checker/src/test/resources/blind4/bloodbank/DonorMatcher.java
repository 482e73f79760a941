import dev.goconc.*;
import java.util.ArrayList;
import java.util.List;

/** A blood bank's matcher: searches regional inventories for compatible units. */
public class DonorMatcher {
  public enum Group {
    O_NEG, O_POS, A_NEG, A_POS, B_NEG, B_POS, AB_NEG, AB_POS;

    boolean canDonateTo(Group recipient) {
      boolean rhOk = name().endsWith("NEG") || recipient.name().endsWith("POS");
      String d = name().split("_")[0];
      String r = recipient.name().split("_")[0];
      boolean aboOk = d.equals("O") || d.equals(r) || r.equals("AB");
      return rhOk && aboOk;
    }
  }

  public record Unit(String id, Group group, String region, int daysToExpiry) {}

  public interface Inventory {
    List<Unit> units();
  }

  /** Streams one inventory's compatible units. */
  static RecvChan<Unit> compatible(Inventory inv, Group recipient) {
    Chan<Unit> out = Chan.make(8);
    Go.go(() -> {
      try {
        inv.units().stream().filter(u -> u.group().canDonateTo(recipient)).forEach(out::send);
      } finally {
        // OK(UnclosedChannel): closed in finally by its only sender
        out.close();
      }
    });
    return out;
  }

  /** Merges any number of streams; this version forgot the closer. */
  @SafeVarargs
  static <T> RecvChan<T> mergeBroken(RecvChan<T>... streams) {
    Chan<T> out = Chan.make();
    for (RecvChan<T> s : streams) {
      // BUG(UnclosedChannel): each forwarder ends without closing out and no closer waits for them all
      Go.go(() -> s.forEach(out::send));
    }
    return out;
  }

  @SafeVarargs
  static <T> RecvChan<T> merge(RecvChan<T>... streams) {
    Chan<T> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (RecvChan<T> s : streams) {
      wg.go(() -> s.forEach(out::send));
    }
    // OK(UnclosedChannel): the closer goroutine closes out after every forwarder
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }

  /** Picks the units closest to expiry first (first-expiring, first-out). */
  public static List<Unit> match(Group recipient, int needed, Inventory north, Inventory south) {
    List<Unit> all = new ArrayList<>();
    for (Unit u : merge(compatible(north, recipient), compatible(south, recipient))) {
      all.add(u);
    }
    all.sort(java.util.Comparator.comparingInt(Unit::daysToExpiry));
    return all.subList(0, Math.min(needed, all.size()));
  }

  public static List<Unit> matchBroken(Group recipient, int needed, Inventory north, Inventory south) {
    List<Unit> all = new ArrayList<>();
    for (Unit u : mergeBroken(compatible(north, recipient), compatible(south, recipient))) {
      all.add(u);
    }
    return all.subList(0, Math.min(needed, all.size()));
  }
}
