import dev.goconc.*;
import java.math.BigDecimal;
import java.util.List;

/** Insurance claim triage: claims flow through fraud scoring into queues by severity. */
public class ClaimTriage {
  public record Claim(String id, String policy, BigDecimal amount, String description) {}
  public record Scored(Claim claim, double fraudRisk) {}
  public enum Queue { FAST_TRACK, ADJUSTER, SIU }

  public interface FraudModel {
    double risk(Claim c) throws Exception;
  }

  /** Scores claims on a goroutine; the output closes when input ends or the model fails. */
  static RecvChan<Scored> scoreBroken(RecvChan<Claim> claims, FraudModel model) {
    Chan<Scored> out = Chan.make(16);
    // BUG(UnclosedChannel): when the model throws, the goroutine returns without closing out and route's range never ends
    Go.go(() -> {
      for (Claim c : claims) {
        double risk;
        try {
          risk = model.risk(c);
        } catch (Exception e) {
          System.err.println("model down: " + e);
          return;
        }
        out.send(new Scored(c, risk));
      }
      out.close();
    });
    return out;
  }

  static RecvChan<Scored> score(Context ctx, RecvChan<Claim> claims, FraudModel model) {
    Chan<Scored> out = Chan.make(16);
    Go.go(() -> {
      try {
        for (Claim c : claims) {
          Scored s = new Scored(c, model.risk(c));
          boolean stop = Select.<Boolean>select().send(out, s, () -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            return;
          }
        }
      } catch (Exception e) {
        System.err.println("model down: " + e);
      } finally {
        // OK(UnclosedChannel): closed in finally on every path
        out.close();
      }
    });
    return out;
  }

  static Queue route(Scored s) {
    if (s.fraudRisk() > 0.8) {
      return Queue.SIU;
    }
    return s.claim().amount().compareTo(new BigDecimal("2000")) < 0 ? Queue.FAST_TRACK : Queue.ADJUSTER;
  }

  /** Routes scored claims; the old router closed the scored channel when it saw a duplicate. */
  static int routeAllBroken(Chan<Scored> scored, List<Claim> fastTrack) {
    int n = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (true) {
      Received<Scored> r = scored.receiveOk();
      if (!r.ok()) {
        return n;
      }
      if (!seen.add(r.value().claim().id())) {
        // BUG(ReceiverSideClose): the router only receives from scored; closing it makes the scorer throw on its next send
        scored.close();
        return n;
      }
      if (route(r.value()) == Queue.FAST_TRACK) {
        fastTrack.add(r.value().claim());
      }
      n++;
    }
  }

  static int routeAll(RecvChan<Scored> scored, List<Claim> fastTrack) {
    int n = 0;
    for (Scored s : scored) {
      if (route(s) == Queue.FAST_TRACK) {
        fastTrack.add(s.claim());
      }
      n++;
    }
    return n;
  }

  public static int run(Context ctx, List<Claim> batch, FraudModel model, List<Claim> fastTrack) {
    Chan<Claim> in = Chan.make(batch.size());
    batch.forEach(in::send);
    // OK(ReceiverSideClose): the method sent every claim itself, then closes
    in.close();
    return routeAll(score(ctx, in, model), fastTrack);
  }
}
