import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.RecvChan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A customs declaration checker: parse, classify, flag declarations above the de-minimis. */
public final class CustomsChecker {
  public record Declaration(String id, String hsCode, BigDecimal value, String origin) {}

  public record Flag(Declaration declaration, String reason) {}

  private static final Set<String> EMBARGOED = Set.of("XX", "YY");
  private static final BigDecimal DE_MINIMIS = new BigDecimal("150");

  /** Returns the first {@code limit} flags; stops the pipeline once it has them. */
  public List<Flag> firstFlags(Context parent, List<Declaration> batch, int limit) {
    List<Flag> flags = new ArrayList<>();
    // OK(LostCancel): try-with-resources; cancelling also stops the stages early
    try (CancelContext ctx = Context.withCancel(parent)) {
      RecvChan<Declaration> src = Stages.source(ctx, batch);
      RecvChan<Declaration> dutiable = Stages.filter(ctx, src, d -> d.value().compareTo(DE_MINIMIS) > 0 || EMBARGOED.contains(d.origin()));
      RecvChan<Flag> out = Stages.map(ctx, dutiable, CustomsChecker::classify);
      for (Flag f : out) {
        flags.add(f);
        if (flags.size() == limit) {
          break;
        }
      }
    }
    return flags;
  }

  static Flag classify(Declaration d) {
    String reason = switch (d.hsCode().substring(0, 2)) {
      case "93" -> "arms and ammunition";
      case "30" -> "pharmaceuticals: licence required";
      case "71" -> d.value().compareTo(new BigDecimal("10000")) > 0 ? "precious metals above threshold" : "precious metals";
      default -> EMBARGOED.contains(d.origin()) ? "embargoed origin " + d.origin() : "value above de-minimis";
    };
    return new Flag(d, reason);
  }
}
