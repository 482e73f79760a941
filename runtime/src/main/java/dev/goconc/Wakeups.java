package dev.goconc;

import java.util.ArrayList;
import java.util.List;

/**
 * Waiters completed under a channel's lock, woken once it is released: an unpark can cost a
 * scheduler submission and a carrier's wake-up, which should not lengthen the critical section
 * that other goroutines are waiting to enter. Usually one waiter, so the list is made lazily.
 */
final class Wakeups {
  private Waiter first;
  private List<Waiter> more;

  void add(Waiter w) {
    if (first == null) {
      first = w;
    } else {
      if (more == null) {
        more = new ArrayList<>();
      }
      more.add(w);
    }
  }

  /** Wakes every added waiter; the caller holds no channel lock. */
  void wakeAll() {
    if (first != null) {
      first.wake();
    }
    if (more != null) {
      for (Waiter w : more) {
        w.wake();
      }
    }
  }
}
