package dev.goconc;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live goroutines of this JVM. A goroutine is added before its thread starts and removed in
 * the {@code finally} of its body, so a snapshot never misses one that has started and never
 * lists one whose body has returned. A {@link ConcurrentHashMap} keeps adds and removes on
 * separate bins, so spawning from many threads does not contend on one lock.
 */
final class GoroutineRegistry {
  private static final ConcurrentHashMap<Long, Goroutine> LIVE = new ConcurrentHashMap<>();

  private GoroutineRegistry() {}

  static void add(Goroutine g) {
    LIVE.put(g.id(), g);
  }

  static void remove(Goroutine g) {
    LIVE.remove(g.id(), g);
  }

  /** The live goroutines, oldest first. */
  static List<Goroutine> live() {
    List<Goroutine> all = new ArrayList<>(LIVE.values());
    all.sort((a, b) -> Long.compare(a.id(), b.id()));
    return all;
  }
}
