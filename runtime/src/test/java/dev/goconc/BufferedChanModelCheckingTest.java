package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Buffered channels ({@code Chan.make(n)}, n > 0) and selects over them, model-checked by
 * Lincheck under many interleavings of a few threads, through the public API only. Each scenario
 * pins a behaviour that a buffer whose blocked parties are woken to retry (rather than handed a
 * value under one lock) can break: a wake-up that is consumed and not passed on, a select that
 * looks at its channels at different instants, a close or interrupt that lands between a
 * waiter's wake-up and its retry. A run that never ends is reported by Lincheck as a deadlock;
 * the comment above each test names the wrong implementation it catches.
 */
final class BufferedChanModelCheckingTest {

  private static void check(Runnable scenario) {
    LincheckConfig.runConcurrentTest(LincheckConfig.invocations(), scenario);
  }


  private static Thread start(Runnable body) {
    Thread t = new Thread(body);
    t.start();
    return t;
  }

  private static void join(Thread... threads) {
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  private static void parallel(Runnable... bodies) {
    Thread[] threads = new Thread[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      threads[i] = start(bodies[i]);
    }
    join(threads);
  }

  /** Every value left in {@code ch}, oldest first, without blocking. */
  private static List<Integer> drain(Chan<Integer> ch) {
    List<Integer> left = new ArrayList<>();
    for (Optional<Received<Integer>> r = ch.tryReceive(); r.isPresent() && r.get().ok(); r = ch.tryReceive()) {
      left.add(r.get().value());
    }
    return left;
  }

  private static List<Integer> sorted(List<Integer> values) {
    List<Integer> copy = new ArrayList<>(values);
    Collections.sort(copy);
    return copy;
  }

  // Catches: a receiver that frees a slot of B wakes only the select, which then commits its
  // U case and drops the wake-up, leaving sender S parked while B has room (a deadlock here).
  // Catches: a len() that reads head and tail one after the other, so that a receive and then a
  // send falling between the two reads make it report 2 while the channel held 0 or 1.
  @Test
  void lenIsALengthTheChannelHadAtSomeInstant() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(2));
          ch.send(1);
          AtomicReference<Integer> len = new AtomicReference<>();
          parallel(
              () -> len.set(ch.len()),
              () -> {
                assertTrue(ch.tryReceive().isPresent());
                assertTrue(ch.trySend(2));
              });
          assertTrue(len.get() == 0 || len.get() == 1, "len() was " + len.get());
        });
  }

  @Test
  void slotFreedUnderASelectThatTakesAnotherCaseStillWakesTheBlockedSender() {
    check(
        () -> {
          Chan<Integer> b = LincheckConfig.shared(Chan.make(1));
          Chan<Integer> u = LincheckConfig.shared(Chan.make(1));
          b.send(0);
          AtomicReference<String> chose = new AtomicReference<>();
          List<Integer> fromB = Collections.synchronizedList(new ArrayList<>());
          Thread select =
              start(
                  () ->
                      chose.set(
                          Select.<String>select()
                              .send(b, 10, () -> "sent")
                              .recv(u, v -> "u" + v)
                              .run()));
          Thread sender = start(() -> b.send(20));
          Thread receiver = start(() -> fromB.add(b.receive()));
          Thread uSender = start(() -> u.send(99));
          join(select, receiver, uSender);
          if (chose.get().equals("sent")) {
            fromB.add(b.receive()); // B held 0, 10 and 20: one more receive lets S finish
          }
          join(sender);
          fromB.addAll(drain(b));
          List<Integer> expected = new ArrayList<>(List.of(0, 20));
          if (chose.get().equals("sent")) {
            expected.add(10);
            assertEquals(List.of(99), drain(u), "U's value lost");
          } else {
            assertEquals("u99", chose.get());
            assertEquals(List.of(), drain(u), "U's value duplicated");
          }
          assertEquals(sorted(expected), sorted(fromB));
        });
  }

  // Catches: a select with a default that polls its buffered channels one at a time, without
  // one atomic view, and sees `a` before the send and `b` after the receive: both "empty".
  @Test
  void selectWithDefaultNeverMissesAValueThatIsAlwaysInOneOfTwoBuffers() {
    check(
        () -> {
          Chan<Integer> a = LincheckConfig.shared(Chan.make(1));
          Chan<Integer> b = LincheckConfig.shared(Chan.make(1));
          b.send(2);
          AtomicReference<String> chose = new AtomicReference<>();
          AtomicReference<Integer> tookFromB = new AtomicReference<>();
          Thread select =
              start(
                  () ->
                      chose.set(
                          Select.<String>select()
                              .recv(a, v -> "a" + v)
                              .recv(b, v -> "b" + v)
                              .otherwise(() -> "default")
                              .run()));
          Thread mover =
              start(
                  () -> {
                    a.send(1);
                    tookFromB.set(b.receive());
                  });
          join(select);
          assertNotEquals("default", chose.get(), "a or b held a value at every instant");
          if (chose.get().equals("b2")) {
            b.send(3); // the mover's receive found b emptied by the select
          }
          join(mover);
          assertEquals(chose.get().equals("b2") ? 3 : 2, tookFromB.get());
          assertEquals(chose.get().equals("a1") ? List.of() : List.of(1), drain(a));
          assertEquals(List.of(), drain(b));
        });
  }

  // Catches: a select with a default that checks its send cases one at a time and sees `a`
  // full before the receive and `b` full after the send, although one always had room.
  @Test
  void selectWithDefaultNeverMissesRoomThatIsAlwaysInOneOfTwoBuffers() {
    check(
        () -> {
          Chan<Integer> a = LincheckConfig.shared(Chan.make(1));
          Chan<Integer> b = LincheckConfig.shared(Chan.make(1));
          a.send(1);
          AtomicReference<String> chose = new AtomicReference<>();
          AtomicReference<Integer> tookFromA = new AtomicReference<>();
          Thread select =
              start(
                  () ->
                      chose.set(
                          Select.<String>select()
                              .send(a, 10, () -> "a")
                              .send(b, 20, () -> "b")
                              .otherwise(() -> "default")
                              .run()));
          Thread mover =
              start(
                  () -> {
                    tookFromA.set(a.receive());
                    b.send(2);
                  });
          join(select);
          assertNotEquals("default", chose.get(), "a or b had room at every instant");
          List<Integer> fromB = new ArrayList<>();
          if (chose.get().equals("b")) {
            fromB.add(b.receive()); // the select filled b, so the mover's send waits for room
          }
          join(mover);
          assertEquals(1, tookFromA.get());
          fromB.addAll(drain(b));
          assertEquals(chose.get().equals("a") ? List.of(10) : List.of(), drain(a));
          assertEquals(chose.get().equals("b") ? List.of(20, 2) : List.of(2), fromB);
        });
  }

  // Catches: a sender woken by close that retries and puts its value in the buffer (received
  // after a failed send, or lost after the receiver saw "drained"), or wakes and parks again.
  @Test
  void closeRacingSendersBlockedOnAFullBufferDeliversExactlyTheSendsThatReturned() {
    for (int capacity : new int[] {1, 2}) {
      check(
          () -> {
            Chan<Integer> ch = LincheckConfig.shared(Chan.make(capacity));
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < capacity; i++) {
              ch.send(i);
              expected.add(i);
            }
            AtomicBoolean sent1 = new AtomicBoolean();
            AtomicBoolean sent2 = new AtomicBoolean();
            List<Integer> got = new ArrayList<>();
            AtomicReference<Received<Integer>> afterDrain = new AtomicReference<>();
            parallel(
                () -> sent1.set(sendOrClosed(ch, 101)),
                () -> sent2.set(sendOrClosed(ch, 102)),
                ch::close,
                () -> {
                  Received<Integer> r = ch.receiveOk();
                  while (r.ok()) {
                    got.add(r.value());
                    r = ch.receiveOk();
                  }
                  afterDrain.set(r);
                });
            if (sent1.get()) {
              expected.add(101);
            }
            if (sent2.get()) {
              expected.add(102);
            }
            assertEquals(expected, sorted(got), "capacity " + capacity);
            assertEquals(got.subList(0, capacity), expected.subList(0, capacity), "FIFO");
            assertEquals(new Received<Integer>(null, false), afterDrain.get());
            assertEquals(null, ch.receive());
          });
    }
  }

  // Catches: a close that leaves a sender blocked on a full buffer parked until a receiver makes
  // room, or wakes it to retry and park again: with no receiver at all, the send must fail.
  @Test
  void closeFailsASenderBlockedOnAFullBufferThatNoOneReceivesFrom() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
          ch.send(1);
          AtomicBoolean sent = new AtomicBoolean();
          parallel(() -> sent.set(sendOrClosed(ch, 2)), ch::close);
          assertFalse(sent.get(), "a send on a full, closed channel returned");
          assertEquals(List.of(1), drain(ch));
          assertEquals(Optional.of(new Received<Integer>(null, false)), ch.tryReceive());
        });
  }

  private static boolean sendOrClosed(Chan<Integer> ch, int v) {
    try {
      ch.send(v);
      return true;
    } catch (ChannelClosedException e) {
      return false;
    }
  }

  // Catches: a blocked sender that claims (or fills) a slot and then, seeing the interrupt,
  // throws anyway (value received twice over), or throws after the slot was given to it and
  // loses nothing but leaves the slot reserved so the next send parks forever.
  @Test
  void interruptingASenderBlockedOnAFullBufferEitherSendsOnceOrNotAtAll() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
          ch.send(1);
          AtomicReference<String> outcome = new AtomicReference<>();
          AtomicReference<Integer> first = new AtomicReference<>();
          Thread sender =
              start(
                  () -> {
                    try {
                      ch.send(2);
                      outcome.set("sent");
                    } catch (GoInterruptedException e) {
                      outcome.set(Thread.currentThread().isInterrupted() ? "interrupted" : "flag cleared");
                    }
                  });
          parallel(() -> first.set(ch.receive()), sender::interrupt);
          join(sender);
          assertEquals(1, first.get());
          List<Integer> left = drain(ch);
          switch (outcome.get()) {
            case "sent" -> assertEquals(List.of(2), left, "a send that returned was lost");
            case "interrupted" -> assertEquals(List.of(), left, "a send that threw was delivered");
            default -> throw new AssertionError(outcome.get());
          }
          assertTrue(ch.trySend(3), "the slot is free again");
        });
  }

  // Catches: a receiver woken by a sender's notification that takes the value and then throws
  // for the interrupt (the value is lost), or throws without clearing the flag.
  @Test
  void interruptingAReceiverBlockedOnAnEmptyBufferNeverLosesTheValue() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
          AtomicReference<String> outcome = new AtomicReference<>();
          Thread receiver =
              start(
                  () -> {
                    try {
                      outcome.set("got " + ch.receive());
                    } catch (GoInterruptedException e) {
                      outcome.set(Thread.currentThread().isInterrupted() ? "interrupted" : "flag cleared");
                    }
                  });
          parallel(() -> ch.send(5), receiver::interrupt);
          join(receiver);
          List<Integer> left = drain(ch);
          switch (outcome.get()) {
            case "got 5" -> assertEquals(List.of(), left, "a received value is still buffered");
            case "interrupted" -> assertEquals(List.of(5), left, "the value was lost");
            default -> throw new AssertionError(outcome.get());
          }
        });
  }

  // Catches: a select blocked on send cases that, woken by a close, retries, finds no room and
  // parks again (a deadlock), or skips the closed channel's case instead of failing as Go panics.
  @Test
  void closingOneOfTwoFullChannelsFailsTheSelectBlockedOnSendingToThem() {
    check(
        () -> {
          Chan<Integer> a = LincheckConfig.shared(Chan.make(1));
          Chan<Integer> b = LincheckConfig.shared(Chan.make(1));
          a.send(1);
          b.send(2);
          AtomicReference<Object> outcome = new AtomicReference<>();
          parallel(
              () -> {
                try {
                  outcome.set(Select.<String>select().send(a, 10, () -> "a").send(b, 20, () -> "b").run());
                } catch (ChannelClosedException e) {
                  outcome.set(e);
                }
              },
              a::close);
          assertInstanceOf(ChannelClosedException.class, outcome.get());
          assertEquals(List.of(1), drain(a));
          assertEquals(new Received<Integer>(null, false), a.receiveOk());
          assertEquals(List.of(2), drain(b), "the failed select put its value in b");
        });
  }

  // Catches: a repeated select whose entry on one channel outlives the case that won (it later
  // swallows a value), or a select woken by a buffered send while an unbuffered sender also
  // completes it (a value lost): all three values must arrive, once each.
  @Test
  void repeatedSelectsOverBufferedAndUnbufferedChannelsReceiveEachValueOnce() {
    check(
        () -> {
          Chan<Integer> b1 = LincheckConfig.shared(Chan.make(1));
          Chan<Integer> b2 = LincheckConfig.shared(Chan.make(2));
          Chan<Integer> u = LincheckConfig.shared(Chan.make());
          List<Integer> got = new ArrayList<>();
          parallel(
              () -> {
                for (int i = 0; i < 3; i++) {
                  got.add(Select.<Integer>select().recv(b1, v -> v).recv(b2, v -> v).recv(u, v -> v).run());
                }
              },
              () -> b1.send(1),
              () -> b2.send(2),
              () -> u.send(3));
          assertEquals(List.of(1, 2, 3), sorted(got));
          assertEquals(List.of(), drain(b1));
          assertEquals(List.of(), drain(b2));
          assertFalse(u.tryReceive().isPresent());
        });
  }

  // Catches: a len() computed from two separate reads of a ring's send and receive counters:
  // a send and a receive between the reads make it negative (empty start) or above cap (full).
  @Test
  void lenStaysWithinZeroAndCapacityWhileASenderAndAReceiverRun() {
    for (boolean startFull : new boolean[] {false, true}) {
      check(
          () -> {
            Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
            if (startFull) {
              ch.send(0);
            }
            AtomicReference<Integer> len = new AtomicReference<>();
            parallel(() -> ch.send(1), () -> ch.receive(), () -> len.set(ch.len()));
            assertTrue(len.get() >= 0 && len.get() <= ch.cap(), "len " + len.get());
            assertEquals(startFull ? 1 : 0, ch.len());
          });
    }
  }

  // Catches: a receive of a buffered value that wakes no blocked sender, or wakes one that
  // then takes a slot behind a later sender, so a producer's values overtake each other.
  @Test
  void eachProducersValuesStayInOrderThroughAFullBuffer() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
          List<Integer> got = new ArrayList<>();
          parallel(
              () -> {
                ch.send(10);
                ch.send(11);
              },
              () -> {
                ch.send(20);
                ch.send(21);
              },
              () -> {
                for (int i = 0; i < 4; i++) {
                  got.add(ch.receive());
                }
              });
          assertEquals(List.of(10, 11, 20, 21), sorted(got));
          assertTrue(got.indexOf(10) < got.indexOf(11), "producer 1 out of order: " + got);
          assertTrue(got.indexOf(20) < got.indexOf(21), "producer 2 out of order: " + got);
        });
  }
}
