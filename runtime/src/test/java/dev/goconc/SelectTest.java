package dev.goconc;

import static dev.goconc.ChanTest.async;
import static dev.goconc.ChanTest.awaitParked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
final class SelectTest {

  @Test
  void takesTheReadyCase() {
    Chan<String> a = Chan.make(1);
    Chan<String> b = Chan.make(1);
    b.send("from b");
    String r = Select.<String>select().recv(a, v -> "a:" + v).recv(b, v -> "b:" + v).run();
    assertEquals("b:from b", r);
    assertEquals(0, b.len());
  }

  @Test
  void otherwiseRunsWhenNothingIsReady() {
    Chan<String> a = Chan.make();
    Chan<String> b = Chan.make(1);
    b.send("full");
    String r =
        Select.<String>select()
            .recv(a, v -> "recv")
            .send(b, "more", () -> "send")
            .otherwise(() -> "default")
            .run();
    assertEquals("default", r);
    assertEquals(1, b.len());
    assertEquals("full", b.receive());
  }

  // Catches: a select that does not see a goroutine waiting alone on an unbuffered channel (in
  // its lock-free gate rather than its queue) and takes the default although a case is ready.
  @Test
  void otherwiseIsNotTakenWhileAPlainSendOrReceiveWaits() throws Exception {
    Chan<String> in = Chan.make();
    Chan<String> out = Chan.make();
    awaitParked(ChanTest.startVirtual(() -> in.send("waiting sender")));
    assertEquals(
        "got waiting sender", Select.<String>select().recv(in, v -> "got " + v).otherwise(() -> "default").run());
    CompletableFuture<String> received = new CompletableFuture<>();
    awaitParked(ChanTest.startVirtual(() -> received.complete(out.receive())));
    assertEquals(
        "sent", Select.<String>select().send(out, "to the receiver", () -> "sent").otherwise(() -> "default").run());
    assertEquals("to the receiver", received.get(5, TimeUnit.SECONDS));
  }

  /**
   * A select woken because its buffered send case has room tries that case first, as Go's
   * receiver hands the freed slot to the first queued sender. Were it to commit another case that
   * became ready meanwhile, the slot would stay free while a plain sender queued behind the select
   * stayed blocked, with nobody left to wake it.
   */
  @Test
  void selectWokenForRoomTakesItSoNoSlotStaysFreeBehindABlockedSender() throws Exception {
    for (int round = 0; round < 50; round++) {
      Chan<String> b = Chan.make(1);
      Chan<String> u = Chan.make(1);
      b.send("b0");
      AtomicReference<String> chosen = new AtomicReference<>();
      Thread selector =
          ChanTest.startVirtual(
              () ->
                  chosen.set(
                      Select.<String>select()
                          .send(b, "s1", () -> "sent")
                          .recv(u, v -> "got " + v)
                          .run()));
      awaitParked(selector);
      Thread sender = ChanTest.startVirtual(() -> b.send("p1"));
      awaitParked(sender);
      assertEquals("b0", b.receive()); // frees the slot: the select is first in line for it
      u.send("u0"); // another case is ready before the select has run
      assertTrue(selector.join(Duration.ofSeconds(5)), "select never woke");
      if (!"sent".equals(chosen.get())) {
        assertTrue(sender.join(Duration.ofSeconds(5)), "a slot stayed free behind a blocked sender");
      }
      assertEquals("sent", chosen.get());
      assertEquals("s1", b.receive());
      assertEquals("p1", b.receive());
    }
  }

  @Test
  void sendCaseSendsOnlyWhenChosen() {
    Chan<Integer> a = Chan.make(1);
    Chan<Integer> b = Chan.make(0);
    String r = Select.<String>select().send(a, 1, () -> "a").send(b, 2, () -> "b").run();
    assertEquals("a", r);
    assertEquals(1, a.receive());
  }

  @Test
  void closedChannelReceiveCaseIsReadyWithNull() {
    Chan<String> closed = Chan.make();
    closed.close();
    AtomicReference<String> seen = new AtomicReference<>("unset");
    Select.<Void>select()
        .recv(
            closed,
            v -> {
              seen.set(v);
              return null;
            })
        .run();
    assertNull(seen.get());
    Received<String> ok =
        Select.<Received<String>>select().recvOk(closed, rc -> rc).otherwise(() -> null).run();
    assertEquals(new Received<String>(null, false), ok);
  }

  @Test
  void selectWithAllCasesClosedReturnsInsteadOfBlocking() {
    Chan<String> a = Chan.make();
    Chan<String> b = Chan.make(3);
    a.close();
    b.close();
    for (int i = 0; i < 20; i++) {
      boolean ok = Select.<Boolean>select().recvOk(a, Received::ok).recvOk(b, Received::ok).run();
      assertFalse(ok);
    }
  }

  @Test
  void sendCaseOnClosedChannelThrows() {
    Chan<String> ch = Chan.make(1);
    ch.close();
    assertThrows(
        ChannelClosedException.class,
        () -> Select.<String>select().send(ch, "x", () -> "sent").otherwise(() -> "d").run());
  }

  @Test
  void nilChannelCaseIsNeverReady() {
    Chan<String> ready = Chan.make(1);
    ready.send("r");
    for (int i = 0; i < 10; i++) {
      String r =
          Select.<String>select()
              .recv((RecvChan<String>) null, v -> "nil")
              .send((SendChan<String>) null, "x", () -> "nil send")
              .otherwise(() -> "default")
              .run();
      assertEquals("default", r);
    }
    assertEquals(
        "ready r",
        Select.<String>select().recv((RecvChan<String>) null, v -> "nil").recv(ready, v -> "ready " + v).run());
  }

  @Test
  void choiceAmongReadyCasesIsUniform() {
    Chan<Integer> a = Chan.make(1);
    Chan<Integer> b = Chan.make(1);
    Chan<Integer> c = Chan.make(1);
    int[] hits = new int[3];
    int rounds = 6_000;
    for (int i = 0; i < rounds; i++) {
      a.send(0);
      b.send(1);
      c.send(2);
      int k = Select.<Integer>select().recv(a, v -> v).recv(b, v -> v).recv(c, v -> v).run();
      hits[k]++;
      for (Chan<Integer> ch : java.util.List.of(a, b, c)) {
        Optional<Received<Integer>> unused = ch.tryReceive();
      }
    }
    for (int h : hits) {
      // Expected 2,000 each; 1,700 is more than 8 standard deviations away.
      assertTrue(h > 1_700 && h < 2_300, java.util.Arrays.toString(hits));
    }
  }

  // Catches: a first attempt under one lock at a time that favours a case (say, the first one
  // given, or the lowest channel id) when several unbuffered channels have a sender waiting.
  @Test
  void choiceAmongReadyUnbufferedCasesIsUniform() throws InterruptedException {
    List<Chan<Integer>> chans = List.of(Chan.make(), Chan.make(), Chan.make());
    int[] hits = new int[3];
    Thread[] senders = new Thread[3];
    int rounds = 3_000;
    for (int i = 0; i < rounds; i++) {
      for (int k = 0; k < 3; k++) {
        if (senders[k] == null) {
          Chan<Integer> ch = chans.get(k);
          int v = k;
          senders[k] = ChanTest.startVirtual(() -> ch.send(v));
        }
      }
      for (Thread t : senders) {
        awaitParked(t); // each channel's sender waits: all three cases are ready
      }
      int k =
          Select.<Integer>select()
              .recv(chans.get(0), v -> v)
              .recv(chans.get(1), v -> v)
              .recv(chans.get(2), v -> v)
              .run();
      hits[k]++;
      senders[k] = null;
    }
    for (Chan<Integer> ch : chans) {
      Optional<Received<Integer>> unused = ch.tryReceive(); // release the senders still blocked
    }
    for (int h : hits) {
      // Expected 1,000 each; 850 is more than 5.8 standard deviations away.
      assertTrue(h > 850 && h < 1_150, java.util.Arrays.toString(hits));
    }
  }

  // Catches: a blocked select queueing its cases in the order given, so that one event that makes
  // several of them ready (two receive cases on one channel, woken by one send or a close) always
  // completes the first listed. Go queues a blocked select's cases in a random order.
  @Test
  void oneEventForSeveralCasesOfABlockedSelectPicksAmongThemAtRandom() throws Exception {
    for (String event : List.of("send on unbuffered", "send on buffered", "close")) {
      int rounds = 200;
      int first = 0;
      for (int i = 0; i < rounds; i++) {
        Chan<Integer> ch = event.equals("send on buffered") ? Chan.make(1) : Chan.make();
        AtomicReference<Thread> selector = new AtomicReference<>();
        CompletableFuture<Integer> won =
            async(
                () -> {
                  selector.set(Thread.currentThread());
                  return Select.<Integer>select().recv(ch, v -> 0).recv(ch, v -> 1).run();
                });
        while (selector.get() == null) {
          Thread.sleep(1);
        }
        awaitParked(selector.get()); // both cases queued
        if (event.equals("close")) {
          ch.close();
        } else {
          ch.send(7);
        }
        first += won.get(10, TimeUnit.SECONDS) == 0 ? 1 : 0;
      }
      // Expected 100; 60 is more than 5.6 standard deviations away.
      assertTrue(first > 60 && first < 140, event + ": the first case won " + first + " of " + rounds);
    }
  }

  @Test
  void blockedSelectWakesOnSendAndCommitsOneCase() throws Exception {
    Chan<String> a = Chan.make();
    Chan<String> b = Chan.make();
    AtomicReference<Thread> selector = new AtomicReference<>();
    CompletableFuture<String> r =
        async(
            () -> {
              selector.set(Thread.currentThread());
              return Select.<String>select().recv(a, v -> "a:" + v).recv(b, v -> "b:" + v).run();
            });
    while (selector.get() == null) {
      Thread.sleep(1);
    }
    awaitParked(selector.get());
    b.send("hi");
    assertEquals("b:hi", r.get(5, TimeUnit.SECONDS));
    // The select's entry on `a` is gone: nobody is waiting there any more.
    assertFalse(a.trySend("orphan"));
    assertTrue(a.recvq.isEmpty());
  }

  @Test
  void blockedSendCaseIsTakenByReceiver() throws Exception {
    Chan<Integer> out = Chan.make();
    Chan<Integer> other = Chan.make();
    CompletableFuture<String> r =
        async(() -> Select.<String>select().send(out, 7, () -> "sent").recv(other, v -> "got").run());
    assertEquals(7, out.receive());
    assertEquals("sent", r.get(5, TimeUnit.SECONDS));
  }

  @Test
  void blockedSelectWakesOnClose() throws Exception {
    Chan<String> a = Chan.make();
    CompletableFuture<Received<String>> r =
        async(() -> Select.<Received<String>>select().recvOk(a, rc -> rc).run());
    Thread.sleep(30);
    a.close();
    assertEquals(new Received<String>(null, false), r.get(5, TimeUnit.SECONDS));
  }

  @Test
  void blockedSendCaseThrowsWhenChannelIsClosed() throws Exception {
    Chan<String> a = Chan.make();
    CompletableFuture<String> r = async(() -> Select.<String>select().send(a, "v", () -> "sent").run());
    Thread.sleep(30);
    a.close();
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> r.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ChannelClosedException);
  }

  @Test
  void interruptedSelectThrowsAndLeavesEveryQueue() throws Exception {
    Chan<String> a = Chan.make();
    Chan<String> b = Chan.make();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Select.<String>select().recv(a, v -> v).send(b, "x", () -> "s").run();
                  } catch (Throwable e) {
                    thrown.set(e);
                  }
                });
    awaitParked(t);
    t.interrupt();
    t.join();
    assertTrue(thrown.get() instanceof GoInterruptedException);
    assertTrue(a.recvq.isEmpty());
    assertTrue(b.sendq.isEmpty());
  }

  @Test
  void emptySelectBlocksUntilInterrupted() throws Exception {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Select.<String>select().run();
                  } catch (Throwable e) {
                    thrown.set(e);
                  }
                });
    awaitParked(t);
    t.interrupt();
    t.join();
    assertTrue(thrown.get() instanceof GoInterruptedException);
  }

  @Test
  void selectOnBothEndsOfTheSameChannelPairsTwoSelectors() throws Exception {
    Chan<Integer> ch = Chan.make();
    java.util.concurrent.Callable<String> body =
        () -> Select.<String>select().send(ch, 1, () -> "sent").recv(ch, v -> "got " + v).run();
    CompletableFuture<String> x = async(body);
    CompletableFuture<String> y = async(body);
    String rx = x.get(5, TimeUnit.SECONDS);
    String ry = y.get(5, TimeUnit.SECONDS);
    assertEquals(java.util.Set.of("sent", "got 1"), java.util.Set.of(rx, ry));
  }

  @Test
  void casesInOppositeOrdersWithRepeatsAndNilChannelsNeitherDeadlockNorLoseValues() throws Exception {
    Chan<Integer> a = Chan.make();
    Chan<Integer> b = Chan.make();
    Chan<Integer> nil = null;
    int rounds = 2_000;
    // One side names b before a, with a repeat and a nil case; the other names a before b. Both
    // must lock in the one global order, or two of them would deadlock.
    CompletableFuture<Integer> senders = async(() -> {
      for (int i = 0; i < rounds; i++) {
        Select.<Void>select().send(b, i, () -> null).recv(nil, v -> null).send(a, i, () -> null)
            .send(b, i, () -> null).run();
      }
      return rounds;
    });
    int received = 0;
    for (int i = 0; i < rounds; i++) {
      Integer v = Select.<Integer>select().recv(a, x -> x).recv(b, x -> x).run();
      assertEquals(i, v);
      received++;
    }
    assertEquals(rounds, senders.get(10, TimeUnit.SECONDS));
    assertEquals(rounds, received);
  }

  @Test
  void stressManySelectorsOverMixedChannelsLoseAndDuplicateNothing() throws Exception {
    Chan<Integer> unbuffered = Chan.make();
    Chan<Integer> buffered = Chan.make(8);
    Chan<Integer> closedEarly = Chan.make(4);
    closedEarly.close();
    int senders = 200;
    int perSender = 50;
    int total = senders * perSender;
    WaitGroup sending = new WaitGroup();
    for (int s = 0; s < senders; s++) {
      int base = s * perSender;
      sending.go(
          () -> {
            for (int i = 0; i < perSender; i++) {
              int v = base + i;
              // a select send over both channels: exactly one of them takes v
              Select.<Void>select().send(unbuffered, v, () -> null).send(buffered, v, () -> null).run();
            }
          });
    }
    AtomicInteger received = new AtomicInteger();
    java.util.concurrent.atomic.AtomicIntegerArray seen = new java.util.concurrent.atomic.AtomicIntegerArray(total);
    Chan<Void> stop = Chan.make();
    WaitGroup receiving = new WaitGroup();
    for (int r = 0; r < 100; r++) {
      receiving.go(
          () -> {
            RecvChan<Integer> closed = closedEarly.recvOnly();
            while (true) {
              Integer v =
                  Select.<Integer>select()
                      .recv(unbuffered, x -> x)
                      .recv(buffered, x -> x)
                      .recv(stop, x -> -1)
                      .recv(closed, x -> -2)
                      .run();
              if (v == -1) {
                return;
              }
              if (v == -2) {
                closed = null; // Go's idiom: a nil channel's case is never ready again
              }
              if (v >= 0) {
                seen.incrementAndGet(v);
                received.incrementAndGet();
              }
            }
          });
    }
    sending.await();
    while (received.get() < total) {
      Thread.sleep(5);
    }
    stop.close();
    receiving.await();
    for (int i = 0; i < total; i++) {
      assertEquals(1, seen.get(i), "value " + i);
    }
    assertTrue(unbuffered.sendq.isEmpty() && unbuffered.recvq.isEmpty());
  }
}
