package dev.goconc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
final class ChanTest {

  /** Starts {@code body} on a virtual thread; the future completes with its outcome. */
  static <T> CompletableFuture<T> async(java.util.concurrent.Callable<T> body) {
    CompletableFuture<T> f = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                f.complete(body.call());
              } catch (Throwable t) {
                f.completeExceptionally(t);
              }
            });
    return f;
  }

  /**
   * Waits until {@code t} is parked (so it is surely blocked in the call under test): spins first,
   * as a park is usually microseconds away, then sleeps.
   */
  static void awaitParked(Thread t) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (int spins = 0; t.getState() != Thread.State.WAITING && System.nanoTime() < end; spins++) {
      if (spins < 10_000) {
        Thread.onSpinWait();
      } else {
        Thread.sleep(1);
      }
    }
    assertEquals(Thread.State.WAITING, t.getState(), "thread never blocked");
  }

  static Thread startVirtual(Runnable r) {
    return Thread.ofVirtual().start(r);
  }

  @Test
  void negativeCapacityIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> Chan.make(-1));
  }

  @Test
  void lenAndCap() {
    Chan<Integer> ch = Chan.make(3);
    assertEquals(3, ch.cap());
    assertEquals(0, ch.len());
    ch.send(1);
    ch.send(2);
    assertEquals(2, ch.len());
    assertEquals(0, Chan.make().cap());
  }

  @Test
  void sendNullThrows() {
    Chan<String> ch = Chan.make(1);
    assertThrows(NullPointerException.class, () -> ch.send(null));
    assertThrows(NullPointerException.class, () -> ch.trySend(null));
  }

  /**
   * Many laps around buffers of every layout the ring has: one slot, spread (2 to 32 slots, at
   * both ends and in between, powers of two or not) and packed (above 32).
   */
  @Test
  void bufferedChannelStaysFifoAndFullAcrossManyLaps() {
    for (int cap : new int[] {1, 2, 3, 16, 31, 32, 33, 64}) {
      Chan<Integer> ch = Chan.make(cap);
      int sent = 0;
      int received = 0;
      for (int lap = 0; lap < 1_000; lap++) {
        while (ch.trySend(sent)) {
          sent++;
        }
        assertEquals(cap, ch.len(), "full after lap " + lap);
        assertEquals(received++, ch.receive());
        assertEquals(cap - 1, ch.len());
      }
      while (received < sent) {
        assertEquals(received++, ch.receive());
      }
      assertEquals(0, ch.len());
      assertTrue(ch.tryReceive().isEmpty());
    }
  }

  @Test
  void bufferedChannelIsFifo() {
    Chan<Integer> ch = Chan.make(5);
    for (int i = 0; i < 5; i++) {
      ch.send(i);
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(i, ch.receive());
    }
  }

  @Test
  void unbufferedSendWaitsForReceiver() throws Exception {
    Chan<String> ch = Chan.make();
    AtomicBoolean sent = new AtomicBoolean();
    Thread sender =
        startVirtual(
            () -> {
              ch.send("x");
              sent.set(true);
            });
    awaitParked(sender);
    assertFalse(sent.get(), "an unbuffered send completed with no receiver");
    assertEquals("x", ch.receive());
    sender.join();
    assertTrue(sent.get());
  }

  @Test
  void unbufferedTrySendFailsWithoutReceiverAndSucceedsWithOne() throws Exception {
    Chan<String> ch = Chan.make();
    assertFalse(ch.trySend("a"));
    CompletableFuture<String> r = async(ch::receive);
    Thread.sleep(20);
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!ch.trySend("b")) {
      assertTrue(System.nanoTime() < end);
      Thread.sleep(1);
    }
    assertEquals("b", r.get());
  }

  // Catches: an unbuffered channel whose lock-free gate lets a receiver that came later overtake
  // the one waiting in the gate, or reopens the gate while receivers are queued behind it.
  @Test
  void blockedReceiversOfAnUnbufferedChannelAreServedInOrder() throws Exception {
    Chan<Integer> ch = Chan.make();
    List<CompletableFuture<Integer>> got = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      CompletableFuture<Integer> r = new CompletableFuture<>();
      Thread t = startVirtual(() -> r.complete(ch.receive()));
      awaitParked(t); // each blocks before the next arrives
      got.add(r);
    }
    for (int i = 0; i < 4; i++) {
      ch.send(i);
    }
    for (int i = 0; i < 4; i++) {
      assertEquals(i, got.get(i).get(5, TimeUnit.SECONDS), "receiver " + i);
    }
  }

  @Test
  void fullBufferBlocksSenderUntilReceive() throws Exception {
    Chan<Integer> ch = Chan.make(1);
    ch.send(1);
    assertFalse(ch.trySend(2));
    Thread sender = startVirtual(() -> ch.send(2));
    awaitParked(sender);
    assertEquals(1, ch.receive());
    sender.join();
    assertEquals(1, ch.len());
    assertEquals(2, ch.receive());
  }

  @Test
  void blockedSendersKeepFifoOrderBehindTheBuffer() throws Exception {
    Chan<Integer> ch = Chan.make(2);
    ch.send(0);
    ch.send(1);
    for (int i = 2; i < 5; i++) {
      int v = i;
      Thread t = startVirtual(() -> ch.send(v));
      awaitParked(t);
    }
    for (int i = 0; i < 5; i++) {
      assertEquals(i, ch.receive());
    }
  }

  /** As in Go, a buffered channel's blocked receivers get values in the order they blocked. */
  @Test
  void blockedReceiversOfABufferedChannelAreServedInOrder() throws Exception {
    Chan<Integer> ch = Chan.make(2);
    List<CompletableFuture<Integer>> got = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      CompletableFuture<Integer> f = new CompletableFuture<>();
      Thread t = startVirtual(() -> f.complete(ch.receive()));
      awaitParked(t);
      got.add(f);
    }
    for (int i = 0; i < 3; i++) {
      ch.send(i);
    }
    for (int i = 0; i < 3; i++) {
      assertEquals(i, got.get(i).get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void receiveOnClosedChannelDrainsThenYieldsNull() {
    Chan<String> ch = Chan.make(2);
    ch.send("a");
    ch.close();
    assertEquals(new Received<>("a", true), ch.receiveOk());
    assertEquals(new Received<String>(null, false), ch.receiveOk());
    assertNull(ch.receive());
    assertEquals(Optional.of(new Received<String>(null, false)), ch.tryReceive());
  }

  @Test
  void tryReceiveOnEmptyOpenChannelIsEmpty() {
    Chan<String> ch = Chan.make(1);
    assertEquals(Optional.empty(), ch.tryReceive());
    ch.send("v");
    assertEquals(Optional.of(new Received<>("v", true)), ch.tryReceive());
  }

  @Test
  void sendOnClosedAndSecondCloseThrow() {
    Chan<String> ch = Chan.make(1);
    ch.close();
    assertThrows(ChannelClosedException.class, () -> ch.send("x"));
    assertThrows(ChannelClosedException.class, () -> ch.trySend("x"));
    assertThrows(ChannelClosedException.class, ch::close);
  }

  @Test
  void closeWakesAllBlockedReceivers() throws Exception {
    Chan<String> ch = Chan.make();
    List<CompletableFuture<Received<String>>> rs = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rs.add(async(ch::receiveOk));
    }
    Thread.sleep(50);
    ch.close();
    for (var r : rs) {
      assertEquals(new Received<String>(null, false), r.get(5, TimeUnit.SECONDS));
    }
  }

  @Test
  void closeMakesBlockedSendersThrow() throws Exception {
    Chan<String> ch = Chan.make();
    CompletableFuture<Object> s = async(() -> {
      ch.send("x");
      return "sent";
    });
    Thread.sleep(50);
    ch.close();
    var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> s.get(5, TimeUnit.SECONDS));
    assertTrue(e.getCause() instanceof ChannelClosedException, e.getCause().toString());
  }

  @Test
  void iterationEndsWhenClosedAndDrained() {
    Chan<Integer> ch = Chan.make(3);
    Go.go(
        () -> {
          for (int i = 0; i < 10; i++) {
            ch.send(i);
          }
          ch.close();
        });
    List<Integer> got = new ArrayList<>();
    for (int v : ch) {
      got.add(v);
    }
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got);
  }

  @Test
  void viewsNarrowTheChannel() {
    Chan<String> ch = Chan.make(1);
    SendChan<String> out = ch.sendOnly();
    RecvChan<String> in = ch.recvOnly();
    assertFalse(out instanceof RecvChan<?>);
    assertFalse(in instanceof SendChan<?>);
    out.send("v");
    assertEquals(1, in.len());
    assertEquals(1, out.cap());
    assertEquals("v", in.receive());
    out.close();
    assertFalse(in.receiveOk().ok());
  }

  @Test
  void interruptedBlockedReceiveThrowsUncheckedAndKeepsFlag() throws Exception {
    Chan<String> ch = Chan.make();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicBoolean flag = new AtomicBoolean();
    Thread t =
        startVirtual(
            () -> {
              try {
                ch.receive();
              } catch (Throwable e) {
                thrown.set(e);
                flag.set(Thread.currentThread().isInterrupted());
              }
            });
    awaitParked(t);
    t.interrupt();
    t.join();
    assertTrue(thrown.get() instanceof GoInterruptedException, String.valueOf(thrown.get()));
    assertTrue(flag.get(), "interrupt flag was cleared");
    // The interrupted receiver left the queue: a value sent now is not lost to it.
    assertFalse(ch.trySend("lost?"));
  }

  @Test
  void interruptedBlockedSendLeavesTheQueue() throws Exception {
    Chan<String> ch = Chan.make();
    Thread t =
        startVirtual(
            () -> {
              try {
                ch.send("ghost");
              } catch (GoInterruptedException expected) {
                // the value was never taken
              }
            });
    awaitParked(t);
    t.interrupt();
    t.join();
    assertEquals(Optional.empty(), ch.tryReceive(), "an interrupted send still delivered");
  }

  @Test
  void nonBlockingCallsCompleteEvenWhenInterrupted() {
    Chan<String> ch = Chan.make(1);
    Thread.currentThread().interrupt();
    try {
      ch.send("a");
      assertEquals("a", ch.receive());
      assertThrows(GoInterruptedException.class, ch::receive);
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void interruptRacingAHandOffNeverLosesTheValue() throws Exception {
    for (int round = 0; round < 300; round++) {
      int value = round;
      Chan<Integer> ch = Chan.make();
      AtomicReference<Integer> got = new AtomicReference<>();
      AtomicBoolean sent = new AtomicBoolean();
      CountDownLatch started = new CountDownLatch(1);
      Thread receiver =
          startVirtual(
              () -> {
                started.countDown();
                try {
                  got.set(ch.receive());
                } catch (GoInterruptedException e) {
                  got.set(-1);
                }
              });
      started.await();
      Thread sender = startVirtual(() -> sent.set(ch.trySend(value)));
      receiver.interrupt();
      sender.join();
      receiver.join();
      // The value was taken exactly when the receiver returned it: never dropped, never doubled.
      assertEquals(sent.get() ? value : -1, got.get());
    }
  }

  @Test
  void manyProducersAndConsumersLoseAndDuplicateNothing() throws Exception {
    for (int cap : new int[] {0, 1, 16}) {
      Chan<Integer> ch = Chan.make(cap);
      int producers = 8;
      int perProducer = 2_000;
      WaitGroup wg = new WaitGroup();
      for (int p = 0; p < producers; p++) {
        int base = p * perProducer;
        wg.go(
            () -> {
              for (int i = 0; i < perProducer; i++) {
                ch.send(base + i);
              }
            });
      }
      Go.go(() -> {
        wg.await();
        ch.close();
      });
      boolean[] seen = new boolean[producers * perProducer];
      Chan<boolean[]> done = Chan.make(8);
      int consumers = 8;
      int[] counts = new int[consumers];
      for (int c = 0; c < consumers; c++) {
        int me = c;
        Go.go(
            () -> {
              boolean[] mine = new boolean[seen.length];
              for (int v : ch) {
                if (mine[v]) {
                  throw new AssertionError("duplicate " + v);
                }
                mine[v] = true;
                counts[me]++;
              }
              done.send(mine);
            });
      }
      for (int c = 0; c < consumers; c++) {
        boolean[] mine = done.receive();
        for (int i = 0; i < seen.length; i++) {
          if (mine[i]) {
            assertFalse(seen[i], "duplicate " + i);
            seen[i] = true;
          }
        }
      }
      for (int i = 0; i < seen.length; i++) {
        assertTrue(seen[i], "lost " + i + " on cap " + cap);
      }
    }
  }
}
