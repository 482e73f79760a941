package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Lincheck's model checker runs each small scenario under every thread interleaving it can reach
 * (bounded by {@link LincheckConfig#invocations()}), so blocking sends, receives, close and select
 * are checked where a sequential specification cannot describe them: every run must end (the
 * checker reports a deadlock or lost wake-up otherwise) and satisfy the assertion.
 */
final class ChanModelCheckingTest {

  private static void check(Runnable scenario) {
    LincheckConfig.runConcurrentTest(LincheckConfig.invocations(), scenario);
  }

  /** For the scenarios whose bad interleaving is rare: ten times the usual effort. */
  private static void checkHard(Runnable scenario) {
    LincheckConfig.runConcurrentTest(10 * LincheckConfig.invocations(), scenario);
  }

  private static void parallel(Runnable... bodies) {
    Thread[] threads = new Thread[bodies.length];
    for (int i = 0; i < bodies.length; i++) {
      threads[i] = new Thread(bodies[i]);
      threads[i].start();
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void unbufferedRendezvousDeliversEachValueOnce() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make());
          Set<Integer> got = java.util.Collections.synchronizedSet(new HashSet<>());
          parallel(() -> ch.send(1), () -> ch.send(2), () -> {
            got.add(ch.receive());
            got.add(ch.receive());
          });
          assertEquals(Set.of(1, 2), got);
        });
  }

  @Test
  void bufferedChannelKeepsFifoThroughBlockedSender() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
          AtomicReference<List<Integer>> got = new AtomicReference<>();
          parallel(
              () -> {
                ch.send(1);
                ch.send(2);
                ch.send(3);
              },
              () -> got.set(List.of(ch.receive(), ch.receive(), ch.receive())));
          assertEquals(List.of(1, 2, 3), got.get());
        });
  }

  @Test
  void sendRacingCloseIsDeliveredExactlyWhenItSucceeds() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make());
          AtomicBoolean sent = new AtomicBoolean();
          AtomicReference<Received<Integer>> got = new AtomicReference<>();
          parallel(
              () -> {
                try {
                  ch.send(7);
                  sent.set(true);
                } catch (ChannelClosedException e) {
                  sent.set(false);
                }
              },
              ch::close,
              () -> got.set(ch.receiveOk()));
          assertEquals(sent.get() ? new Received<>(7, true) : new Received<Integer>(null, false), got.get());
        });
  }

  @Test
  void closeWakesEveryBlockedReceiver() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make(1));
          AtomicReference<Received<Integer>> a = new AtomicReference<>();
          AtomicReference<Received<Integer>> b = new AtomicReference<>();
          parallel(() -> a.set(ch.receiveOk()), () -> b.set(ch.receiveOk()), ch::close);
          assertEquals(new Received<Integer>(null, false), a.get());
          assertEquals(new Received<Integer>(null, false), b.get());
        });
  }

  @Test
  void trySendSucceedsExactlyWhenAReceiverTookIt() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make());
          AtomicBoolean sent = new AtomicBoolean();
          AtomicReference<Received<Integer>> got = new AtomicReference<>();
          Thread receiver = new Thread(() -> got.set(ch.receiveOk()));
          receiver.start();
          parallel(() -> sent.set(ch.trySend(5)));
          ch.close(); // frees the receiver if the try-send found nobody
          try {
            receiver.join();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          assertEquals(sent.get(), got.get().ok());
        });
  }

  @Test
  void tryReceiveTakesABlockedSendersValueAtMostOnce() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make());
          AtomicReference<Optional<Received<Integer>>> tried = new AtomicReference<>();
          Thread sender = new Thread(() -> ch.send(9));
          sender.start();
          parallel(() -> tried.set(ch.tryReceive()));
          if (tried.get().isEmpty()) {
            assertEquals(9, ch.receive());
          } else {
            assertEquals(new Received<>(9, true), tried.get().get());
          }
          try {
            sender.join();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          assertEquals(Optional.empty(), ch.tryReceive());
        });
  }

  @Test
  void selectReceiveAndSelectSendPairExactlyOnce() {
    check(
        () -> {
          Chan<Integer> a = LincheckConfig.shared(Chan.make());
          Chan<Integer> b = LincheckConfig.shared(Chan.make());
          AtomicReference<String> received = new AtomicReference<>();
          AtomicReference<String> sent = new AtomicReference<>();
          parallel(
              () -> received.set(Select.<String>select().recv(a, v -> "a" + v).recv(b, v -> "b" + v).run()),
              () -> sent.set(Select.<String>select().send(a, 1, () -> "a1").send(b, 2, () -> "b2").run()));
          assertEquals(sent.get(), received.get());
          assertTrue(a.recvq.isEmpty() && a.sendq.isEmpty() && b.recvq.isEmpty() && b.sendq.isEmpty());
        });
  }

  @Test
  void selectRacingCloseAndSendLosesNothing() {
    check(
        () -> {
          Chan<Integer> a = LincheckConfig.shared(Chan.make());
          Chan<Integer> b = LincheckConfig.shared(Chan.make(1));
          AtomicReference<String> got = new AtomicReference<>();
          parallel(
              () -> got.set(Select.<String>select().recvOk(a, r -> "a" + r.ok()).recv(b, v -> "b" + v).run()),
              a::close,
              () -> b.send(2));
          if (got.get().equals("afalse")) {
            assertEquals(Optional.of(new Received<>(2, true)), b.tryReceive(), "value on b lost");
          } else {
            assertEquals("b2", got.get());
            assertEquals(Optional.empty(), b.tryReceive(), "value on b duplicated");
          }
        });
  }

  @Test
  void twoSelectsOnBothEndsOfOneChannelPairUp() {
    check(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make());
          Chan<Integer> other = LincheckConfig.shared(Chan.make());
          AtomicReference<String> x = new AtomicReference<>();
          AtomicReference<String> y = new AtomicReference<>();
          parallel(
              () -> x.set(Select.<String>select().send(ch, 1, () -> "sent").recv(other, v -> "other").recv(ch, v -> "got").run()),
              () -> y.set(Select.<String>select().recv(ch, v -> "got").send(other, 2, () -> "other")
                  .run()));
          assertTrue(
              (x.get().equals("sent") && y.get().equals("got"))
                  || (x.get().equals("other") && y.get().equals("other")),
              x.get() + " / " + y.get());
        });
  }

  @Test
  void interruptRacingAHandOffNeitherLosesNorDuplicatesTheValue() {
    checkHard(
        () -> {
          Chan<Integer> ch = LincheckConfig.shared(Chan.make());
          AtomicReference<Integer> got = new AtomicReference<>();
          AtomicBoolean sent = new AtomicBoolean();
          Thread receiver =
              new Thread(
                  () -> {
                    try {
                      got.set(ch.receive());
                    } catch (GoInterruptedException e) {
                      got.set(-1);
                    }
                  });
          receiver.start();
          parallel(() -> sent.set(ch.trySend(3)), receiver::interrupt);
          try {
            receiver.join();
          } catch (InterruptedException e) {
            throw new AssertionError(e);
          }
          assertEquals(sent.get() ? 3 : -1, got.get());
        });
  }
}
