import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.Select;
import dev.goconc.Ticker;
import dev.goconc.Time;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A stub resolver: asks two upstreams at once, caches answers, re-resolves hot names. */
class CachingResolver {
  interface Upstream {
    Optional<InetAddress> query(String name);
  }

  record Entry(InetAddress address, Instant expires) {
    boolean fresh() {
      return Instant.now().isBefore(expires);
    }
  }

  private final Upstream primary;
  private final Upstream secondary;
  private final Map<String, Entry> cache = new ConcurrentHashMap<>();
  private final Duration ttl;

  CachingResolver(Upstream primary, Upstream secondary, Duration ttl) {
    this.primary = primary;
    this.secondary = secondary;
    this.ttl = ttl;
    Go.go(this::refreshHotNames);
  }

  private void refreshHotNames() {
    Ticker every = Time.newTicker(ttl.dividedBy(2));
    // BUG(GoroutineLeak): a refresher loop with no way out and no done channel, started by every resolver
    while (true) {
      every.c().receive();
      for (String name : List.copyOf(cache.keySet())) {
        race(name).ifPresent(a -> cache.put(name, new Entry(a, Instant.now().plus(ttl))));
      }
    }
  }

  Optional<InetAddress> resolve(String name) {
    Entry e = cache.get(name);
    if (e != null && e.fresh()) {
      return Optional.of(e.address());
    }
    Optional<InetAddress> answer = race(name);
    answer.ifPresent(a -> cache.put(name, new Entry(a, Instant.now().plus(ttl))));
    return answer;
  }

  /** First upstream to answer wins. */
  private Optional<InetAddress> race(String name) {
    Chan<Optional<InetAddress>> answers = Chan.make();
    for (Upstream u : List.of(primary, secondary)) {
      Go.go(() -> {
        Optional<InetAddress> a = u.query(name);
        // BUG(GoroutineLeak): two senders, one receive: the slower upstream's goroutine blocks forever
        answers.send(a);
      });
    }
    return Select.<Optional<InetAddress>>select()
        .recv(answers, a -> a)
        .recv(Time.after(Duration.ofSeconds(2)), t -> Optional.empty())
        .run();
  }

  /** Same race, with a slot for every upstream. */
  Optional<InetAddress> raceFixed(String name) {
    List<Upstream> upstreams = List.of(primary, secondary);
    Chan<Optional<InetAddress>> answers = Chan.make(upstreams.size());
    for (Upstream u : upstreams) {
      Go.go(() -> {
        Optional<InetAddress> a = u.query(name);
        // OK(GoroutineLeak): capacity equals the number of senders
        answers.send(a);
      });
    }
    return Select.<Optional<InetAddress>>select()
        .recv(answers, a -> a)
        .recv(Time.after(Duration.ofSeconds(2)), t -> Optional.empty())
        .run();
  }
}
