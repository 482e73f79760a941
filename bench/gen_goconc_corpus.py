#!/usr/bin/env python3
"""Generates a large Java code base that uses the goconc runtime heavily, for the compile-cost
benchmark (bench/compile-bench.sh).

Every file is a service class of one domain noun (orders, invoices, ...) whose methods are
drawn from the idioms people write with goroutines and channels: worker pools, pipelines,
fan-in, selects with timeouts, contexts, WaitGroups, ErrGroups, tickers, timers, non-blocking
sends. About one method in twelve carries one of the documented mistakes, as real code does.
The output is deterministic for a seed and compiles against the runtime's public API.

    python3 bench/gen_goconc_corpus.py --out DIR [--files 520] [--seed 42]
"""

import argparse
import os
import random
from string import Template

NOUNS = ["Order", "Invoice", "Shipment", "Payment", "Customer", "Ticket", "Report", "Session",
         "Device", "Sensor", "Account", "Quote", "Booking", "Parcel", "Claim", "Lead", "Asset",
         "Batch", "Job", "Event", "Metric", "Alert", "Upload", "Message", "Refund", "Review"]

HEADER = Template("""\
package $pkg;

import dev.goconc.CancelContext;
import dev.goconc.CancelFunc;
import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Received;
import dev.goconc.Select;
import dev.goconc.SendChan;
import dev.goconc.Ticker;
import dev.goconc.Time;
import dev.goconc.Timer;
import dev.goconc.WaitGroup;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** $noun processing for shard $shard: generated for the compile-cost benchmark. */
public final class $cls {
  /** One unit of work. */
  public record ${noun}Item(long id, String name, int weight, Instant createdAt) {
    public ${noun}Item {
      Objects.requireNonNull(name, "name");
      if (weight < 0) {
        throw new IllegalArgumentException("negative weight: " + weight);
      }
    }

    ${noun}Item withWeight(int newWeight) {
      return new ${noun}Item(id, name, newWeight, createdAt);
    }
  }

  /** The outcome of processing one item. */
  public record ${noun}Result(long id, int score, String status) {}

  private static final Context.Key<String> REQUEST_ID = Context.Key.of("request-id-$shard");
  private static final int DEFAULT_WORKERS = $workers;

  private final AtomicLong processed = new AtomicLong();
  private final AtomicInteger dropped = new AtomicInteger();
  private final Map<Long, ${noun}Result> cache = new HashMap<>();

  private ${noun}Result process(${noun}Item item) {
    int score = item.weight() * $mul + item.name().length();
    String status = score % 7 == 0 ? "review" : score > $limit ? "large" : "ok";
    processed.incrementAndGet();
    return new ${noun}Result(item.id(), score, status);
  }

  private static List<${noun}Item> sample(int n) {
    List<${noun}Item> items = new ArrayList<>(n);
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      items.add(new ${noun}Item(i, "$lower-" + i, (i * $mul) % $limit, now));
    }
    return items;
  }

  public long processedCount() {
    return processed.get();
  }

  public int droppedCount() {
    return dropped.get();
  }

  /** How many workers the pools of this service start. */
  public static int defaultWorkers() {
    return DEFAULT_WORKERS;
  }

  /** The request id a caller put into the context, or null. */
  public static String requestId(Context ctx) {
    return ctx.value(REQUEST_ID);
  }

  public synchronized Optional<${noun}Result> cached(long id) {
    return Optional.ofNullable(cache.get(id));
  }
""")

# Correct idioms. $N is the item type's noun, $s a unique suffix, $k/$t small numbers.
GOOD = [
Template("""
  /** A worker pool: $k workers drain a job channel; a closer ends the results. */
  public List<${N}Result> workerPool$s(List<${N}Item> items) {
    Chan<${N}Item> jobs = Chan.make(items.size());
    Chan<${N}Result> results = Chan.make($k);
    WaitGroup wg = new WaitGroup();
    for (int w = 0; w < DEFAULT_WORKERS; w++) {
      wg.go(() -> {
        for (${N}Item item : jobs) {
          results.send(process(item));
        }
      });
    }
    for (${N}Item item : items) {
      jobs.send(item);
    }
    jobs.close();
    Go.go(() -> {
      wg.await();
      results.close();
    });
    List<${N}Result> out = new ArrayList<>();
    for (${N}Result r : results) {
      out.add(r);
    }
    return out;
  }
"""),
Template("""
  /** A pipeline stage: the generator closes its channel in finally. */
  public RecvChan<${N}Item> generate$s(Context ctx, List<${N}Item> items) {
    Chan<${N}Item> out = Chan.make();
    Go.go(() -> {
      try {
        for (${N}Item item : items) {
          boolean sent = Select.<Boolean>select()
              .send(out, item, () -> true)
              .recv(ctx.done(), v -> false)
              .run();
          if (!sent) {
            return;
          }
        }
      } finally {
        out.close();
      }
    });
    return out.recvOnly();
  }

  /** The next stage: doubles every weight, closing its output when the input ends. */
  public RecvChan<${N}Item> doubleWeights$s(Context ctx, RecvChan<${N}Item> in) {
    Chan<${N}Item> out = Chan.make($k);
    Go.go(() -> {
      try {
        for (${N}Item item : in) {
          if (ctx.err() != null) {
            return;
          }
          out.send(item.withWeight(item.weight() * 2));
        }
      } finally {
        out.close();
      }
    });
    return out;
  }
"""),
Template("""
  /** Fan-in: merges the channels; closes the output once every forwarder is done. */
  public RecvChan<${N}Result> merge$s(List<RecvChan<${N}Result>> inputs) {
    Chan<${N}Result> out = Chan.make($k);
    WaitGroup wg = new WaitGroup();
    for (RecvChan<${N}Result> in : inputs) {
      wg.add(1);
      Go.go(() -> {
        try {
          for (${N}Result r : in) {
            out.send(r);
          }
        } finally {
          wg.done();
        }
      });
    }
    Go.go(() -> {
      wg.await();
      out.close();
    });
    return out;
  }
"""),
Template("""
  /** A call with a timeout: the result channel has room, so a late answer never blocks. */
  public Optional<${N}Result> fetchWithTimeout$s(${N}Item item) {
    Chan<${N}Result> result = Chan.make(1);
    Go.go(() -> result.send(process(item)));
    return Select.<Optional<${N}Result>>select()
        .recv(result, r -> Optional.of(r))
        .recv(Time.after(Duration.ofMillis($t)), t -> Optional.<${N}Result>empty())
        .run();
  }
"""),
Template("""
  /** Loops until the deadline, observing the context on every turn. */
  public int pollUntilDeadline$s(Context parent, RecvChan<${N}Item> in) {
    int seen = 0;
    try (CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis($t))) {
      while (true) {
        ${N}Item item = Select.<${N}Item>select()
            .recv(in, v -> v)
            .recv(ctx.done(), v -> null)
            .run();
        if (item == null) {
          return seen;
        }
        seen += item.weight() > $k ? 1 : 0;
      }
    }
  }
"""),
Template("""
  /** ErrGroup: fetches in parallel, at most $k at a time; the first failure cancels the rest. */
  public Map<Long, ${N}Result> fetchAll$s(Context ctx, List<${N}Item> items) {
    ErrGroup g = ErrGroup.withContext(ctx);
    g.setLimit($k);
    Map<Long, ${N}Result> out = new java.util.concurrent.ConcurrentHashMap<>();
    for (${N}Item item : items) {
      g.go(() -> {
        if (g.context().err() != null) {
          return;
        }
        if (item.weight() > $limit2) {
          throw new IllegalStateException("too heavy: " + item.id());
        }
        out.put(item.id(), process(item));
      });
    }
    Throwable err = g.await();
    if (err != null) {
      dropped.incrementAndGet();
      return Map.of();
    }
    return out;
  }
"""),
Template("""
  /** A ticker-driven flusher that stops on the quit channel and stops its ticker. */
  public void startFlusher$s(RecvChan<Void> quit, SendChan<Integer> flushed) {
    Go.go(() -> {
      Ticker ticker = Time.newTicker(Duration.ofMillis($t));
      try {
        int round = 0;
        while (true) {
          boolean go = Select.<Boolean>select()
              .recv(ticker.c(), t -> true)
              .recv(quit, v -> false)
              .run();
          if (!go) {
            return;
          }
          round++;
          if (!flushed.trySend(round)) {
            dropped.incrementAndGet();
          }
        }
      } finally {
        ticker.stop();
      }
    });
  }
"""),
Template("""
  /** One producer, one consumer; the producer closes in finally. */
  public long produceConsume$s(int n) {
    Chan<${N}Item> ch = Chan.make($k);
    Go.go(() -> {
      try {
        for (${N}Item item : sample(n)) {
          ch.send(item);
        }
      } finally {
        ch.close();
      }
    });
    long total = 0;
    for (${N}Item item : ch) {
      total += process(item).score();
    }
    return total;
  }
"""),
Template("""
  /** Non-blocking publish: drops and counts when the subscriber is slow. */
  public int publish$s(SendChan<${N}Result> events, List<${N}Item> items) {
    int sent = 0;
    for (${N}Item item : items) {
      ${N}Result r = process(item);
      if (events.trySend(r)) {
        sent++;
      } else {
        dropped.incrementAndGet();
      }
    }
    return sent;
  }

  /** Drains what is ready without blocking. */
  public List<${N}Result> drain$s(RecvChan<${N}Result> events) {
    List<${N}Result> out = new ArrayList<>();
    while (true) {
      Optional<Received<${N}Result>> next = events.tryReceive();
      if (next.isEmpty() || !next.get().ok()) {
        return out;
      }
      out.add(next.get().value());
    }
  }
"""),
Template("""
  /** Receives until the channel is closed, telling a zero value from the end. */
  public int sumUntilClosed$s(RecvChan<Integer> in) {
    int sum = 0;
    while (true) {
      Received<Integer> r = in.receiveOk();
      if (!r.ok()) {
        return sum;
      }
      sum += r.value() == null ? 0 : r.value() * $k;
    }
  }
"""),
Template("""
  /** Carries the request id down to the workers through the context. */
  public String handleRequest$s(Context parent, String requestId, List<${N}Item> items) {
    Context ctx = Context.withValue(parent, REQUEST_ID, requestId);
    StringBuilder log = new StringBuilder();
    WaitGroup wg = new WaitGroup();
    Chan<String> lines = Chan.make(items.size());
    for (${N}Item item : items) {
      wg.go(() -> lines.send(ctx.value(REQUEST_ID) + ":" + process(item).status()));
    }
    wg.await();
    lines.close();
    for (String line : lines) {
      log.append(line).append('\\n');
    }
    return log.toString();
  }
"""),
Template("""
  /** A counting semaphore from a buffered channel: at most $k in flight. */
  public void limited$s(List<${N}Item> items) {
    Chan<Boolean> slots = Chan.make($k);
    WaitGroup wg = new WaitGroup();
    for (${N}Item item : items) {
      slots.send(Boolean.TRUE);
      wg.go(() -> {
        try {
          synchronized (this) {
            cache.put(item.id(), process(item));
          }
        } finally {
          slots.receive();
        }
      });
    }
    wg.await();
  }
"""),
Template("""
  /** Waits for the first answer with a timer that is stopped on the early path. */
  public String firstAnswer$s(RecvChan<String> answers) {
    Timer timer = Time.newTimer(Duration.ofMillis($t));
    try {
      return Select.<String>select()
          .recv(answers, a -> a == null ? "closed" : a)
          .recv(timer.c(), t -> "timeout")
          .run();
    } finally {
      timer.stop();
    }
  }
"""),
Template("""
  /** An owner keeps the power to cancel and uses it on close. */
  public static final class ${N}Watcher$s implements AutoCloseable {
    private final CancelFunc stop;
    private final Chan<Instant> beats = Chan.make($k);

    public ${N}Watcher$s(Context parent) {
      CancelContext ctx = Context.withCancel(parent);
      this.stop = ctx.cancelFunc();
      Go.go(() -> {
        while (ctx.err() == null) {
          Select.<Boolean>select()
              .recv(ctx.done(), v -> false)
              .recv(Time.after(Duration.ofMillis($t)), t -> beats.trySend(t))
              .run();
        }
      });
    }

    public RecvChan<Instant> beats() {
      return beats;
    }

    @Override
    public void close() {
      stop.cancel();
    }
  }
"""),
Template("""
  /** Sends with a give-up path on the context, so the sender never leaks. */
  public boolean offer$s(Context ctx, SendChan<${N}Item> out, ${N}Item item) {
    return Select.<Boolean>select()
        .send(out, item, () -> true)
        .recv(ctx.done(), v -> false)
        .run();
  }

  /** Sorts and scores a batch without any concurrency. */
  public List<${N}Result> scoreBatch$s(List<${N}Item> items) {
    List<${N}Result> out = new ArrayList<>();
    for (${N}Item item : items) {
      ${N}Result r = process(item);
      if (!"review".equals(r.status())) {
        out.add(r);
      }
    }
    out.sort((a, b) -> Integer.compare(b.score(), a.score()));
    return out.size() > $k ? out.subList(0, $k) : out;
  }
"""),
Template("""
  /** Cancels the children when the first one answers. */
  public String race$s(Context parent, List<String> mirrors) {
    try (CancelContext ctx = Context.withCancel(parent)) {
      Chan<String> first = Chan.make(mirrors.size());
      for (String mirror : mirrors) {
        Go.go(() -> {
          if (ctx.err() == null) {
            first.send(mirror + "#" + mirror.length() * $k);
          }
        });
      }
      return Select.<String>select()
          .recv(first, v -> v)
          .recv(ctx.done(), v -> "cancelled")
          .run();
    }
  }
"""),
]

# The documented mistakes, one per template.
BAD = [
Template("""
  /** MISTAKE (GoroutineLeak): the sender blocks forever when the timeout wins. */
  public Optional<${N}Result> leakyFetch$s(${N}Item item) {
    Chan<${N}Result> result = Chan.make();
    Go.go(() -> result.send(process(item)));
    return Select.<Optional<${N}Result>>select()
        .recv(result, r -> Optional.of(r))
        .recv(Time.after(Duration.ofMillis($t)), t -> Optional.<${N}Result>empty())
        .run();
  }
"""),
Template("""
  /** MISTAKE (WaitGroupAddInGoroutine): await may return before the adds. */
  public void racyAdd$s(List<${N}Item> items) {
    WaitGroup wg = new WaitGroup();
    for (${N}Item item : items) {
      Go.go(() -> {
        wg.add(1);
        try {
          process(item);
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }
"""),
Template("""
  /** MISTAKE (LostCancel): the timeout context is never cancelled. */
  public ${N}Result lostCancel$s(Context parent, ${N}Item item) {
    CancelContext ctx = Context.withTimeout(parent, Duration.ofMillis($t));
    if (ctx.err() != null) {
      return null;
    }
    return process(item);
  }
"""),
Template("""
  /** MISTAKE (ContextInField): the context outlives the request. */
  public static final class ${N}Holder$s {
    private final Context ctx;

    public ${N}Holder$s(Context ctx) {
      this.ctx = ctx;
    }

    public boolean live() {
      return ctx.err() == null;
    }
  }
"""),
Template("""
  /** MISTAKE (ReceiverSideClose): the consumer closes its input. */
  public int consumeAndClose$s(Chan<${N}Item> in) {
    int n = 0;
    for (${N}Item item : in) {
      n += item.weight() > $k ? 1 : 0;
      if (n > $t) {
        break;
      }
    }
    in.close();
    return n;
  }
"""),
Template("""
  /** MISTAKE (UnclosedChannel): nobody closes the channel, so the loop never ends. */
  public int neverClosed$s(List<${N}Item> items) {
    Chan<${N}Item> ch = Chan.make(items.size());
    Go.go(() -> {
      for (${N}Item item : items) {
        ch.send(item);
      }
    });
    int n = 0;
    for (${N}Item item : ch) {
      n += item.weight();
    }
    return n;
  }
"""),
Template("""
  /** MISTAKE (WaitGroupDoneNotInFinally): an exception in process hangs await. */
  public void doneNotInFinally$s(List<${N}Item> items) {
    WaitGroup wg = new WaitGroup();
    for (${N}Item item : items) {
      wg.add(1);
      Go.go(() -> {
        process(item);
        wg.done();
      });
    }
    wg.await();
  }
"""),
]

FOOTER = """
  /** Runs a small sample through the worker methods; used by the smoke main. */
  public static void main(String[] args) {
    System.out.println(sample(3).size());
  }
}
"""


def generate_file(rng, pkg, cls, noun, shard, min_lines):
    parts = [HEADER.substitute(pkg=pkg, cls=cls, noun=noun, lower=noun.lower(), shard=shard,
                               workers=rng.randint(2, 16), mul=rng.randint(2, 9),
                               limit=rng.randint(50, 500))]
    lines = parts[0].count("\n")
    suffix = 0
    while lines < min_lines:
        suffix += 1
        pool = BAD if rng.random() < 1 / 12 else GOOD
        body = rng.choice(pool).substitute(N=noun, s=suffix, k=rng.randint(2, 64),
                                           t=rng.randint(10, 5000), limit2=rng.randint(100, 900))
        parts.append(body)
        lines += body.count("\n")
    parts.append(FOOTER)
    return "".join(parts)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--files", type=int, default=520)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--min-lines", type=int, default=200, help="lines per file, at least")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    total_lines = 0
    for i in range(args.files):
        pkg = "gen.shard%02d" % (i // 20)
        noun = NOUNS[i % len(NOUNS)]
        cls = "%sService%03d" % (noun, i)
        text = generate_file(rng, pkg, cls, noun, i, args.min_lines)
        d = os.path.join(args.out, *pkg.split("."))
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, cls + ".java"), "w", encoding="utf-8") as f:
            f.write(text)
        total_lines += text.count("\n")
    print("%d files, %d lines in %s" % (args.files, total_lines, args.out))


if __name__ == "__main__":
    main()
