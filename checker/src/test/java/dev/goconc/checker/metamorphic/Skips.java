package dev.goconc.checker.metamorphic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the suite could not judge, counted by reason so the report says how much it left out. */
final class Skips {
  private final Map<String, List<String>> byReason = new TreeMap<>();

  void add(String reason, String what) {
    byReason.computeIfAbsent(reason, r -> new ArrayList<>()).add(what);
  }

  Map<String, List<String>> byReason() {
    return byReason;
  }
}
