package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Buffered channels under load: thousands of operations by goroutines on shared buffered
 * channels, checked by exactly-once accounting of every value (an array of per-value counters),
 * through the public API only. Every wait for goroutines is bounded by {@link #TIMEOUT} and fails
 * the test with the number still blocked, so a lost wake-up is a failure, not a hang. Each test's
 * comment names the wrong implementation it catches; {@code -Plong-tests} makes the runs larger.
 */
@Timeout(120)
final class BufferedChanRaceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final int SCALE = LincheckConfig.LONG ? 10 : 1;

  /** Goroutines started with {@link Go#go}, awaited together with a deadline. */
  private static final class Goroutines {
    private final List<CompletableFuture<Void>> running = new ArrayList<>();

    void go(Runnable body) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      running.add(done);
      Go.go(
          () -> {
            try {
              body.run();
              done.complete(null);
            } catch (Throwable t) {
              done.completeExceptionally(t);
            }
          });
    }

    /** Waits for every goroutine; fails if one threw or some are still running at the deadline. */
    void await(String what) {
      try {
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new))
            .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        long stuck = running.stream().filter(f -> !f.isDone()).count();
        running.stream().filter(CompletableFuture::isCompletedExceptionally).findFirst().ifPresent(BufferedChanRaceTest::rethrow);
        fail(what + ": " + stuck + " of " + running.size() + " goroutines still blocked after " + TIMEOUT);
      } catch (ExecutionException e) {
        throw new AssertionError(what + ": a goroutine failed", e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      running.clear();
    }
  }

  private static void rethrow(CompletableFuture<Void> failed) {
    try {
      failed.join();
    } catch (RuntimeException e) {
      throw new AssertionError("a goroutine failed", e.getCause());
    }
  }

  private static void assertEachOnce(AtomicIntegerArray seen, String what) {
    for (int v = 0; v < seen.length(); v++) {
      assertEquals(1, seen.get(v), what + ": value " + v + " received " + seen.get(v) + " times");
    }
  }

  /** Receives every value left in {@code ch}, which must be closed, into {@code seen}. */
  private static void drainClosed(Chan<Integer> ch, AtomicIntegerArray seen) {
    Optional<Received<Integer>> r = ch.tryReceive();
    while (r.isPresent() && r.get().ok()) {
      seen.incrementAndGet(r.get().value());
      r = ch.tryReceive();
    }
    assertEquals(Optional.of(new Received<Integer>(null, false)), r, ch + " is closed and drained");
  }

  // Catches: a receiver that frees a slot without waking a blocked sender (senders stay parked,
  // the deadline fails), or a woken sender that retries behind a later send of the same producer.
  @Test
  void manyProducersIntoOneConsumerKeepEachProducersOrder() {
    int producers = 64;
    int perProducer = 200 * SCALE;
    for (int capacity : new int[] {1, 2, 16}) {
      Chan<Integer> ch = Chan.make(capacity);
      Goroutines g = new Goroutines();
      for (int p = 0; p < producers; p++) {
        int base = p * perProducer;
        g.go(
            () -> {
              for (int i = 0; i < perProducer; i++) {
                ch.send(base + i);
              }
            });
      }
      int[] last = new int[producers];
      Arrays.fill(last, -1);
      AtomicIntegerArray seen = new AtomicIntegerArray(producers * perProducer);
      g.go(
          () -> {
            for (int n = 0; n < producers * perProducer; n++) {
              int v = ch.receive();
              int p = v / perProducer;
              assertTrue(v > last[p], "producer " + p + " sent " + last[p] + " before " + v);
              last[p] = v;
              seen.incrementAndGet(v);
            }
          });
      g.await("capacity " + capacity);
      assertEquals(Optional.empty(), ch.tryReceive(), "capacity " + capacity + ": extra value");
      assertEachOnce(seen, "capacity " + capacity);
    }
  }

  // Catches: a slot freed on B that wakes only a select blocked on sending to B, which then
  // commits its case on U and drops the wake-up, so the plain sender on B stays parked.
  @Test
  void slotFreedUnderASelectThatTakesAnotherCaseStillWakesTheBlockedSender() {
    int rounds = 500 * SCALE;
    for (int round = 0; round < rounds; round++) {
      Chan<Integer> b = Chan.make(1);
      Chan<Integer> u = Chan.make(1);
      b.send(0);
      AtomicIntegerArray seen = new AtomicIntegerArray(4); // 0: prefill, 1: select, 2: sender, 3: u
      AtomicBoolean selectSent = new AtomicBoolean();
      Goroutines g = new Goroutines();
      g.go(
          () -> {
            boolean sent =
                Select.<Boolean>select()
                    .send(b, 1, () -> true)
                    .recv(u, v -> {
                      seen.incrementAndGet(v);
                      return false;
                    })
                    .run();
            selectSent.set(sent);
            if (sent) {
              seen.incrementAndGet(b.receive()); // B got one more value: take one to let all finish
            }
          });
      g.go(() -> b.send(2));
      g.go(() -> seen.incrementAndGet(b.receive()));
      g.go(() -> u.send(3));
      g.await("round " + round);
      for (Optional<Received<Integer>> r = b.tryReceive(); r.isPresent(); r = b.tryReceive()) {
        seen.incrementAndGet(r.get().value());
      }
      for (Optional<Received<Integer>> r = u.tryReceive(); r.isPresent(); r = u.tryReceive()) {
        seen.incrementAndGet(r.get().value());
      }
      for (int v = 0; v < 4; v++) {
        assertEquals(v == 1 && !selectSent.get() ? 0 : 1, seen.get(v), "round " + round + ": value " + v);
      }
    }
  }

  // Catches: a select with a default that polls its buffered channels one by one and sees `a`
  // before a value arrives there and `b` after its value left, so it wrongly takes the default.
  // Under real parallelism only now and then (a third of runs for a select that relocks between
  // cases); the model-checked twin in BufferedChanModelCheckingTest catches it every time.
  @Test
  void selectWithDefaultNeverMissesAValueThatIsAlwaysInOneOfTwoBuffers() {
    int rounds = 2_000 * SCALE;
    for (int round = 0; round < rounds; round++) {
      Chan<Integer> a = Chan.make(1);
      Chan<Integer> b = Chan.make(1);
      b.send(2);
      AtomicInteger chose = new AtomicInteger();
      AtomicInteger arrived = new AtomicInteger();
      Goroutines g = new Goroutines();
      g.go(
          () -> {
            startTogether(arrived, 2);
            chose.set(Select.<Integer>select().recv(a, v -> v).recv(b, v -> v).otherwise(() -> -1).run());
          });
      g.go(
          () -> {
            startTogether(arrived, 2);
            a.send(1);
            Optional<Received<Integer>> unused = b.tryReceive(); // empty if the select took b's value
          });
      g.await("round " + round);
      assertTrue(chose.get() != -1, "round " + round + ": a or b held a value at every instant");
    }
  }

  /**
   * One round of a goroutine's wait for other goroutines' progress. {@code Thread.yield()} alone
   * may not give the carrier away: on one carrier, JDK 25 runs the yielding virtual thread again
   * ahead of goroutines started from outside, which then never run. So every few rounds this
   * parks for a few microseconds instead.
   */
  @SuppressWarnings("ThreadPriorityCheck") // yielding is how this lets others run
  private static void letOthersRun() {
    if (ThreadLocalRandom.current().nextInt(16) == 0) {
      LockSupport.parkNanos(10_000);
    } else {
      Thread.yield();
    }
  }

  /**
   * Lines up {@code parties} goroutines so that their next steps overlap: each waits, for a few
   * microseconds at most, until all have arrived (bounded, so one carrier cannot deadlock).
   */
  private static void startTogether(AtomicInteger arrived, int parties) {
    arrived.incrementAndGet();
    for (int i = 0; i < 20_000 && arrived.get() < parties; i++) {
      Thread.onSpinWait();
    }
  }

  // Catches: a len() derived from a ring's head and tail read apart, which goes negative or
  // above cap() while sends and receives move both.
  @Test
  void lenStaysWithinZeroAndCapWhileProducersAndConsumersRun() {
    for (int capacity : new int[] {1, 3}) {
      Chan<Integer> ch = Chan.make(capacity);
      int perProducer = 2_000 * SCALE;
      int producers = 4;
      AtomicBoolean running = new AtomicBoolean(true);
      AtomicInteger badLen = new AtomicInteger(Integer.MIN_VALUE);
      AtomicIntegerArray seen = new AtomicIntegerArray(producers * perProducer);
      // A platform thread: a virtual one spinning on len() could keep the goroutines off the
      // carriers (a lock-free len() never parks it).
      Thread observer =
          Thread.ofPlatform()
              .start(
                  () -> {
                    while (running.get()) {
                      int len = ch.len();
                      if (len < 0 || len > ch.cap()) {
                        badLen.compareAndSet(Integer.MIN_VALUE, len);
                      }
                    }
                  });
      Goroutines workers = new Goroutines();
      for (int p = 0; p < producers; p++) {
        int base = p * perProducer;
        workers.go(
            () -> {
              for (int i = 0; i < perProducer; i++) {
                if (i % 2 == 0 || !ch.trySend(base + i)) {
                  ch.send(base + i);
                }
              }
            });
      }
      AtomicInteger left = new AtomicInteger(producers * perProducer);
      for (int c = 0; c < 4; c++) {
        workers.go(
            () -> {
              while (left.getAndDecrement() > 0) {
                Optional<Received<Integer>> r = ch.tryReceive();
                seen.incrementAndGet(r.isPresent() ? r.get().value() : ch.receive());
              }
            });
      }
      workers.await("capacity " + capacity);
      running.set(false);
      try {
        observer.join(TIMEOUT);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
      assertTrue(!observer.isAlive(), "the len() observer did not stop");
      assertEquals(Integer.MIN_VALUE, badLen.get(), "len() out of [0, " + capacity + "]");
      assertEachOnce(seen, "capacity " + capacity);
    }
  }

  // Catches: a sender woken by close that retries into the buffer (a failed send delivered, or a
  // value slipped in after the receivers saw "drained"), or one woken that parks again (hang).
  @Test
  void closeRacingSendersBlockedOnAFullBufferDeliversExactlyTheSendsThatReturned() {
    int rounds = 200 * SCALE;
    int senders = 8;
    for (int capacity : new int[] {1, 2}) {
      for (int round = 0; round < rounds; round++) {
        Chan<Integer> ch = Chan.make(capacity);
        for (int i = 0; i < capacity; i++) {
          ch.send(i);
        }
        AtomicIntegerArray sent = new AtomicIntegerArray(capacity + senders);
        for (int i = 0; i < capacity; i++) {
          sent.set(i, 1);
        }
        AtomicIntegerArray seen = new AtomicIntegerArray(capacity + senders);
        Goroutines g = new Goroutines();
        AtomicInteger sending = new AtomicInteger();
        for (int s = 0; s < senders; s++) {
          int v = capacity + s;
          g.go(
              () -> {
                sending.incrementAndGet();
                try {
                  ch.send(v);
                  sent.set(v, 1);
                } catch (ChannelClosedException e) {
                  // not sent: must never be received
                }
              });
        }
        while (sending.get() < senders) {
          Thread.onSpinWait(); // the buffer is full: the senders are about to block
        }
        // One receiver drains from the start; the other closes once that one has taken a random
        // number of values (while the senders not yet served are blocked), then drains too.
        int beforeClose = ThreadLocalRandom.current().nextInt(capacity + senders + 1);
        AtomicInteger taken = new AtomicInteger();
        for (int r = 0; r < 2; r++) {
          boolean closes = r == 0;
          g.go(
              () -> {
                if (closes) {
                  while (taken.get() < beforeClose) {
                    letOthersRun();
                  }
                  ch.close();
                }
                Received<Integer> got = ch.receiveOk();
                while (got.ok()) {
                  seen.incrementAndGet(got.value());
                  taken.incrementAndGet();
                  got = ch.receiveOk();
                }
                assertEquals(new Received<Integer>(null, false), got);
                assertEquals(null, ch.receive(), "a closed, drained channel yields null");
              });
        }
        g.await("capacity " + capacity + ", round " + round);
        for (int v = 0; v < capacity + senders; v++) {
          assertEquals(sent.get(v), seen.get(v), "capacity " + capacity + ": value " + v);
        }
      }
    }
  }

  // Catches: an interrupted sender that throws after its value went into a slot (received
  // though the send failed), that returns normally without its value (lost), or that throws
  // with the interrupt flag cleared.
  @Test
  void interruptingSendersBlockedOnAFullBufferNeitherLosesNorDuplicates() {
    int senders = 16;
    int perSender = 300 * SCALE;
    Chan<Integer> ch = Chan.make(2);
    AtomicIntegerArray sent = new AtomicIntegerArray(senders * perSender);
    AtomicIntegerArray seen = new AtomicIntegerArray(senders * perSender);
    AtomicInteger flagCleared = new AtomicInteger();
    AtomicInteger interrupted = new AtomicInteger();
    AtomicReferenceArray<Thread> threads = new AtomicReferenceArray<>(senders);
    AtomicBoolean sending = new AtomicBoolean(true);
    Goroutines producers = new Goroutines();
    for (int s = 0; s < senders; s++) {
      int index = s;
      producers.go(
          () -> {
            threads.set(index, Thread.currentThread());
            for (int i = 0; i < perSender; i++) {
              int v = index * perSender + i;
              try {
                ch.send(v);
                sent.set(v, 1);
              } catch (GoInterruptedException e) {
                interrupted.incrementAndGet();
                if (!Thread.interrupted()) {
                  flagCleared.incrementAndGet();
                }
              }
            }
          });
    }
    Goroutines others = new Goroutines();
    others.go(
        () -> {
          ThreadLocalRandom rnd = ThreadLocalRandom.current();
          while (sending.get()) {
            Thread t = threads.get(rnd.nextInt(senders));
            if (t != null) {
              t.interrupt();
            }
            letOthersRun();
          }
        });
    others.go(
        () -> {
          for (Integer v : ch) {
            seen.incrementAndGet(v);
          }
        });
    producers.await("senders");
    sending.set(false);
    ch.close();
    others.await("interrupter and receiver");
    assertEquals(0, flagCleared.get(), "GoInterruptedException thrown with the flag cleared");
    assertTrue(interrupted.get() > 0, "no send was interrupted: the test exercised nothing");
    for (int v = 0; v < sent.length(); v++) {
      assertEquals(sent.get(v), seen.get(v), "value " + v + (sent.get(v) == 1 ? " sent" : " not sent"));
    }
  }

  // Catches: a receiver woken by a sender's notification that takes the buffered value and then
  // throws for the interrupt, so the value is neither returned nor left for the next receiver.
  @SuppressWarnings("ThreadPriorityCheck") // yields to vary the interleavings
  @Test
  void interruptingReceiversBlockedOnAnEmptyBufferLosesNoValue() {
    int receivers = 16;
    int total = 5_000 * SCALE;
    Chan<Integer> ch = Chan.make(2);
    AtomicIntegerArray seen = new AtomicIntegerArray(total);
    AtomicInteger flagCleared = new AtomicInteger();
    AtomicInteger interrupted = new AtomicInteger();
    AtomicReferenceArray<Thread> threads = new AtomicReferenceArray<>(receivers);
    AtomicBoolean receiving = new AtomicBoolean(true);
    Goroutines consumers = new Goroutines();
    for (int r = 0; r < receivers; r++) {
      int index = r;
      consumers.go(
          () -> {
            threads.set(index, Thread.currentThread());
            while (true) {
              try {
                Received<Integer> got = ch.receiveOk();
                if (!got.ok()) {
                  break;
                }
                seen.incrementAndGet(got.value());
              } catch (GoInterruptedException e) {
                interrupted.incrementAndGet();
                if (!Thread.interrupted()) {
                  flagCleared.incrementAndGet();
                }
              }
            }
          });
    }
    Goroutines others = new Goroutines();
    others.go(
        () -> {
          ThreadLocalRandom rnd = ThreadLocalRandom.current();
          while (receiving.get()) {
            Thread t = threads.get(rnd.nextInt(receivers));
            if (t != null) {
              t.interrupt();
            }
            letOthersRun();
          }
        });
    others.go(
        () -> {
          for (int v = 0; v < total; v++) {
            ch.send(v);
            if (v % 8 == 0) {
              Thread.yield(); // let the receivers block on an empty buffer now and then
            }
          }
          ch.close();
        });
    consumers.await("receivers");
    receiving.set(false);
    others.await("interrupter and sender");
    assertEquals(0, flagCleared.get(), "GoInterruptedException thrown with the flag cleared");
    assertTrue(interrupted.get() > 0, "no receive was interrupted: the test exercised nothing");
    assertEachOnce(seen, "interrupted receivers");
  }

  // Catches: a select blocked on send cases that a close wakes and that retries, finds no room
  // and parks again (hang), or that skips the closed channel and keeps waiting on the other.
  @SuppressWarnings("ThreadPriorityCheck") // yields to vary the interleavings
  @Test
  void closingOneOfTwoFullChannelsFailsEverySelectBlockedOnSendingToThem() {
    int rounds = 100 * SCALE;
    int selects = 8;
    for (int round = 0; round < rounds; round++) {
      Chan<Integer> a = Chan.make(1);
      Chan<Integer> b = Chan.make(2);
      a.send(1);
      b.send(2);
      b.send(3);
      AtomicReferenceArray<Object> outcomes = new AtomicReferenceArray<>(selects);
      Goroutines g = new Goroutines();
      for (int s = 0; s < selects; s++) {
        int index = s;
        g.go(
            () -> {
              try {
                outcomes.set(index, Select.<String>select().send(a, 10, () -> "a").send(b, 20, () -> "b").run());
              } catch (ChannelClosedException e) {
                outcomes.set(index, e);
              }
            });
      }
      if (round % 2 == 0) {
        Thread.yield(); // half the rounds close while the selects are still arriving
      }
      a.close();
      g.await("round " + round);
      for (int s = 0; s < selects; s++) {
        assertInstanceOf(ChannelClosedException.class, outcomes.get(s), "round " + round);
      }
      assertEquals(Optional.of(new Received<>(1, true)), a.tryReceive());
      assertEquals(Optional.of(new Received<Integer>(null, false)), a.tryReceive());
      assertEquals(2, b.len(), "a failed select put its value in b");
    }
  }

  // Catches: a select whose losing entries outlive it on a buffered channel (a later value is
  // taken by nobody) or that a buffered wake-up and an unbuffered hand-off both complete (one
  // value lost): senders on every channel, selects receiving from all of them, each value once.
  @Test
  void repeatedSelectsOverBufferedAndUnbufferedChannelsReceiveEachValueOnce() {
    List<Chan<Integer>> chans = List.of(Chan.make(1), Chan.make(2), Chan.make(4), Chan.make());
    int perChannel = 2_000 * SCALE;
    AtomicIntegerArray seen = new AtomicIntegerArray(chans.size() * perChannel);
    Goroutines senders = new Goroutines();
    for (int c = 0; c < chans.size(); c++) {
      Chan<Integer> ch = chans.get(c);
      int base = c * perChannel;
      for (int half = 0; half < 2; half++) {
        int from = base + half * perChannel / 2;
        senders.go(
            () -> {
              for (int i = 0; i < perChannel / 2; i++) {
                ch.send(from + i);
              }
            });
      }
    }
    Goroutines receivers = new Goroutines();
    for (int r = 0; r < 6; r++) {
      receivers.go(() -> selectUntilAllClosed(chans, seen));
    }
    senders.await("senders");
    chans.forEach(Chan::close);
    receivers.await("selecting receivers");
    assertEachOnce(seen, "mixed select");
  }

  /** Selects over the channels not yet seen closed, counting each value, until all are closed. */
  private static void selectUntilAllClosed(List<Chan<Integer>> chans, AtomicIntegerArray seen) {
    List<Chan<Integer>> open = new ArrayList<>(chans);
    while (!open.isEmpty()) {
      Select<Chan<Integer>> select = Select.select();
      for (Chan<Integer> ch : open) {
        select.recvOk(
            ch,
            r -> {
              if (r.ok()) {
                seen.incrementAndGet(r.value());
                return null;
              }
              return ch;
            });
      }
      Chan<Integer> closed = select.run();
      if (closed != null) {
        open.remove(closed);
      }
    }
  }

  // Catches any lost or duplicated value, or lost wake-up, when every kind of operation meets on
  // the same buffered channels at once: send, trySend, select sending to two channels, selects
  // with a send and a receive case, receive, tryReceive and select receiving from all.
  @Test
  void everyOperationMixedOverCapacitiesOneToFourDeliversEachValueOnce() {
    List<Chan<Integer>> chans = List.of(Chan.make(1), Chan.make(2), Chan.make(3), Chan.make(4));
    int producers = 16;
    int perProducer = 300 * SCALE;
    int relays = 4;
    int perRelay = 200 * SCALE;
    int total = producers * perProducer + relays * perRelay;
    AtomicIntegerArray seen = new AtomicIntegerArray(total);
    Goroutines sending = new Goroutines();
    for (int p = 0; p < producers; p++) {
      int base = p * perProducer;
      sending.go(
          () -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            for (int i = 0; i < perProducer; i++) {
              int v = base + i;
              Chan<Integer> ch = chans.get(rnd.nextInt(chans.size()));
              switch (rnd.nextInt(3)) {
                case 0 -> ch.send(v);
                case 1 -> {
                  if (!ch.trySend(v)) {
                    ch.send(v);
                  }
                }
                default -> {
                  Chan<Integer> other = chans.get(rnd.nextInt(chans.size()));
                  Select.<Void>select().send(ch, v, () -> null).send(other, v, () -> null).run();
                }
              }
            }
          });
    }
    for (int r = 0; r < relays; r++) {
      int base = producers * perProducer + r * perRelay;
      sending.go(
          () -> {
            // Sends its own values while taking others' whenever that is ready first.
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            int i = 0;
            while (i < perRelay) {
              Chan<Integer> to = chans.get(rnd.nextInt(chans.size()));
              Chan<Integer> from = chans.get(rnd.nextInt(chans.size()));
              boolean sent =
                  Select.<Boolean>select()
                      .send(to, base + i, () -> true)
                      .recv(from, v -> {
                        seen.incrementAndGet(v);
                        return false;
                      })
                      .run();
              if (sent) {
                i++;
              }
            }
          });
    }
    Goroutines receiving = new Goroutines();
    for (int c = 0; c < 8; c++) {
      Chan<Integer> home = chans.get(c % chans.size());
      receiving.go(() -> receiveMixed(chans, home, seen));
    }
    sending.await("producers and relays");
    chans.forEach(Chan::close);
    receiving.await("receivers");
    chans.forEach(ch -> drainClosed(ch, seen));
    assertEachOnce(seen, "mixed operations");
  }

  /**
   * Receives by blocking receive, tryReceive or a select over all open channels, until every
   * channel is closed and drained. A blocking receive waits on {@code home} while it is open, so
   * every channel always has a receiver that blocks only when it is empty (no test deadlock).
   */
  private static void receiveMixed(List<Chan<Integer>> chans, Chan<Integer> home, AtomicIntegerArray seen) {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    List<Chan<Integer>> open = new ArrayList<>(chans);
    while (!open.isEmpty()) {
      Chan<Integer> ch = open.contains(home) ? home : open.get(rnd.nextInt(open.size()));
      Chan<Integer> closed = null;
      switch (rnd.nextInt(3)) {
        case 0 -> {
          Received<Integer> r = ch.receiveOk();
          if (r.ok()) {
            seen.incrementAndGet(r.value());
          } else {
            closed = ch;
          }
        }
        case 1 -> {
          Chan<Integer> any = open.get(rnd.nextInt(open.size()));
          Optional<Received<Integer>> r = any.tryReceive();
          if (r.isEmpty()) {
            letOthersRun();
          } else if (r.get().ok()) {
            seen.incrementAndGet(r.get().value());
          } else {
            closed = any;
          }
        }
        default -> {
          Select<Chan<Integer>> select = Select.select();
          for (Chan<Integer> c : open) {
            select.recvOk(
                c,
                r -> {
                  if (r.ok()) {
                    seen.incrementAndGet(r.value());
                    return null;
                  }
                  return c;
                });
          }
          closed = select.run();
        }
      }
      if (closed != null) {
        open.remove(closed);
      }
    }
  }
}
