import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups a site's click events into visitor sessions split by 30 minutes of inactivity. */
class Sessionizer {
  record Click(String visitor, String page, Instant at) {}

  record Session(String visitor, Instant start, Instant end, int clicks) {}

  /** Generic: streams an iterator's items into a channel. */
  static <T> RecvChan<T> stream(Iterator<T> items) {
    Chan<T> out = Chan.make(64);
    Go.go(() -> {
      // BUG(UnclosedChannel): out is closed only on the error path; when the iterator simply ends, the consumer's loop never does
      try {
        while (items.hasNext()) {
          out.send(items.next());
        }
      } catch (RuntimeException e) {
        out.close();
        throw e;
      }
    });
    return out;
  }

  static <T> RecvChan<T> streamFixed(Iterator<T> items) {
    Chan<T> out = Chan.make(64);
    Go.go(() -> {
      try {
        while (items.hasNext()) {
          out.send(items.next());
        }
      } finally {
        // OK(UnclosedChannel): closed on every way out
        out.close();
      }
    });
    return out;
  }

  static List<Session> sessions(Iterator<Click> clicks, Duration gap) {
    Map<String, Session> open = new LinkedHashMap<>();
    List<Session> done = new ArrayList<>();
    for (Click c : stream(clicks)) {
      Session s = open.get(c.visitor());
      if (s != null && Duration.between(s.end(), c.at()).compareTo(gap) <= 0) {
        open.put(c.visitor(), new Session(s.visitor(), s.start(), c.at(), s.clicks() + 1));
      } else {
        if (s != null) {
          done.add(s);
        }
        open.put(c.visitor(), new Session(c.visitor(), c.at(), c.at(), 1));
      }
    }
    done.addAll(open.values());
    return done;
  }

  /** Checks every partition of a day; stops at the first partition with a bot session. */
  static boolean anyBots(List<List<Click>> partitions, int botThreshold) {
    Chan<Boolean> verdicts = Chan.make();
    partitions.forEach(p -> Go.go(() -> {
      boolean bot = sessions(p.iterator(), Duration.ofMinutes(30)).stream().anyMatch(s -> s.clicks() > botThreshold);
      // BUG(GoroutineLeak): the caller breaks out at the first bot and stops receiving; the other partitions block here
      verdicts.send(bot);
    }));
    boolean found = false;
    scan:
    for (int i = 0; i < partitions.size(); i++) {
      if (verdicts.receive()) {
        found = true;
        break scan;
      }
    }
    return found;
  }

  static boolean anyBotsFixed(List<List<Click>> partitions, int botThreshold) {
    Chan<Boolean> verdicts = Chan.make(partitions.size());
    partitions.forEach(p -> Go.go(() -> {
      boolean bot = sessions(p.iterator(), Duration.ofMinutes(30)).stream().anyMatch(s -> s.clicks() > botThreshold);
      // OK(GoroutineLeak): a slot per partition, so breaking early strands nobody
      verdicts.send(bot);
    }));
    for (int i = 0; i < partitions.size(); i++) {
      if (verdicts.receive()) {
        return true;
      }
    }
    return false;
  }
}
