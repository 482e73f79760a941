import dev.goconc.*;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Verifies a lottery draw: independent auditors recompute the draw from the published seed. */
public class DrawVerifier {
  public record Draw(String seedHex, List<Integer> numbers) {}
  public record Verdict(String auditor, boolean agrees) {}

  public interface Auditor {
    String name();
    List<Integer> recompute(String seedHex, int count, int max);
  }

  /** Every auditor answers; the verifier needs a quorum but always collects every answer. */
  public static boolean verify(Context ctx, Draw draw, List<Auditor> auditors, int quorum) {
    // OK(GoroutineLeak): the buffer holds every auditor's verdict, so an early return strands nobody
    Chan<Verdict> verdicts = Chan.make(auditors.size());
    for (Auditor a : auditors) {
      Go.go(() -> verdicts.send(new Verdict(a.name(),
          a.recompute(draw.seedHex(), draw.numbers().size(), 49).equals(draw.numbers()))));
    }
    int agree = 0;
    for (int i = 0; i < auditors.size(); i++) {
      Verdict v = Select.<Verdict>select().recv(verdicts, x -> x).recv(ctx.done(), d -> null).run();
      if (v == null) {
        return false;
      }
      if (v.agrees() && ++agree >= quorum) {
        return true;
      }
    }
    return false;
  }

  /** The reference algorithm: hash chain over the seed, rejection sampling without repeats. */
  public static List<Integer> reference(String seedHex, int count, int max) {
    List<Integer> out = new ArrayList<>();
    byte[] state = HexFormat.of().parseHex(seedHex);
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      while (out.size() < count) {
        state = sha.digest(state);
        int n = 1 + Math.floorMod(((state[0] & 0xFF) << 8) | (state[1] & 0xFF), max);
        if (!out.contains(n)) {
          out.add(n);
        }
      }
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /** Publishes the audit log lines as they are produced; the producer closes. */
  public static RecvChan<String> auditLog(Draw draw, List<Auditor> auditors) {
    Chan<String> lines = Chan.make(auditors.size() + 1);
    Go.go(() -> {
      try {
        lines.send("draw " + draw.numbers());
        for (Auditor a : auditors) {
          lines.send(a.name() + " registered");
        }
      } finally {
        // OK(UnclosedChannel): closed in finally by the only sender
        lines.close();
      }
    });
    return lines;
  }
}
