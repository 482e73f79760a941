package dev.goconc.checker.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A count that may depend on values only the run knows: a sum of terms, each a whole number times
 * a product of {@link Unknown}s (the rounds of a loop, the size of a list, an {@code int}
 * variable). Two counts over the same unknowns compare whatever values the unknowns take: {@code
 * jobs.size() + 1} exceeds {@code jobs.size()}, {@code 2 × n} exceeds {@code n} once {@code n} is
 * at least one, while {@code n} and {@code 3} do not compare.
 */
public final class SymbolicCount {
  /**
   * A value the run decides, at least zero. Unknowns with the same {@code key} are the same value;
   * {@code name} is how a message writes it.
   */
  public record Unknown(Object key, String name) {}

  public static final SymbolicCount ZERO = new SymbolicCount(Map.of());

  /** Each product of unknowns (sorted by name), with its factor; no zero factors. */
  private final Map<List<Unknown>, Long> terms;

  private SymbolicCount(Map<List<Unknown>, Long> terms) {
    this.terms = terms;
  }

  public static SymbolicCount of(long constant) {
    return constant == 0 ? ZERO : new SymbolicCount(Map.of(List.of(), constant));
  }

  public static SymbolicCount of(Unknown unknown) {
    return new SymbolicCount(Map.of(List.of(unknown), 1L));
  }

  public SymbolicCount plus(SymbolicCount other) {
    Map<List<Unknown>, Long> sum = new LinkedHashMap<>(terms);
    other.terms.forEach((product, factor) -> sum.merge(product, factor, Long::sum));
    sum.values().removeIf(factor -> factor == 0);
    return new SymbolicCount(sum);
  }

  public SymbolicCount times(SymbolicCount other) {
    SymbolicCount product = ZERO;
    for (Map.Entry<List<Unknown>, Long> a : terms.entrySet()) {
      for (Map.Entry<List<Unknown>, Long> b : other.terms.entrySet()) {
        List<Unknown> unknowns = new ArrayList<>(a.getKey());
        unknowns.addAll(b.getKey());
        unknowns.sort(Comparator.comparing(Unknown::name));
        product = product.plus(
            new SymbolicCount(Map.of(List.copyOf(unknowns), a.getValue() * b.getValue())));
      }
    }
    return product;
  }

  public SymbolicCount minus(SymbolicCount other) {
    return plus(other.times(of(-1)));
  }

  /**
   * Whether this count is larger than {@code other} whenever what they count happens at all:
   * every factor of the difference is at least zero and one is positive.
   */
  public boolean exceeds(SymbolicCount other) {
    SymbolicCount difference = minus(other);
    return !difference.terms.isEmpty()
        && difference.terms.values().stream().allMatch(factor -> factor > 0);
  }

  /**
   * Whether this count is larger than {@code other}, a constant, once the unknowns it grows with
   * are large enough, where {@code growing} accepts every unknown it grows with: the difference is
   * a constant at most zero plus positive terms over those unknowns only. {@code list.size()}
   * outgrows {@code 1} (with two elements), {@code n} outgrows nothing {@code growing} refuses.
   */
  public boolean outgrows(SymbolicCount other, java.util.function.Predicate<Unknown> growing) {
    if (!other.terms.keySet().stream().allMatch(List::isEmpty)) {
      return false;
    }
    boolean grows = false;
    for (Map.Entry<List<Unknown>, Long> term : minus(other).terms.entrySet()) {
      if (term.getKey().isEmpty()) {
        continue; // the constant part: the unknowns make up for it once large enough
      }
      if (term.getValue() <= 0 || !term.getKey().stream().allMatch(growing)) {
        return false;
      }
      grows = true;
    }
    return grows;
  }

  /** Whether no term is negative, so the count only grows with its unknowns. */
  public boolean hasNoNegativeTerm() {
    return terms.values().stream().allMatch(factor -> factor > 0);
  }

  /** The count as a message writes it: {@code 3}, {@code jobs.size() + 1}, {@code 2 × n}. */
  @Override
  public String toString() {
    if (terms.isEmpty()) {
      return "0";
    }
    List<String> written = new ArrayList<>();
    terms.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> -e.getKey().size()))
        .forEach(term -> written.add(term(term.getKey(), term.getValue())));
    return String.join(" + ", written).replace("+ -", "- ");
  }

  private static String term(List<Unknown> product, long factor) {
    if (product.isEmpty()) {
      return Long.toString(factor);
    }
    String unknowns = product.stream().map(Unknown::name).collect(Collectors.joining(" × "));
    return factor == 1 ? unknowns : factor + " × " + unknowns;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SymbolicCount count && count.terms.equals(terms);
  }

  @Override
  public int hashCode() {
    return terms.hashCode();
  }
}
