package dev.goconc.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.goconc.Go;
import dev.goconc.GoroutineLeakError;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;

/** Runs small test classes through JUnit and looks at how they ended. */
final class GoroutineLeakExtensionTest {
  /** Goroutines of the cases below block on this; released after each run. */
  static volatile CountDownLatch gate = new CountDownLatch(1);

  @AfterEach
  void releaseLeakedGoroutines() {
    gate.countDown();
    gate = new CountDownLatch(1);
  }

  @Test
  void aTestThatLeavesAGoroutineBlockedFailsNamingItsStartSite() {
    Events tests = run(LeakingCase.class);

    assertEquals(1, tests.failed().count());
    Throwable failure = onlyFailure(tests);
    assertTrue(failure instanceof GoroutineLeakError, failure.toString());
    String message = failure.getMessage();
    assertTrue(
        message.contains("started at dev.goconc.testing.GoroutineLeakExtensionTest$LeakingCase.leaks(GoroutineLeakExtensionTest.java:"),
        message);
    assertTrue(message.contains("CountDownLatch.await"), message);
  }

  @Test
  void aGoroutineStartedDuringTheGracePeriodByOneThatEndsFailsTheTest() {
    Events tests = run(HandOffCase.class);

    assertEquals(1, tests.failed().count(), "the second goroutine went unseen");
    assertTrue(onlyFailure(tests).getMessage().contains("HandOffCase.lambda$"), onlyFailure(tests).getMessage());
  }

  @Test
  void aTestWhoseGoroutinesFinishPasses() {
    Events tests = run(CleanCase.class);

    assertEquals(2, tests.succeeded().count());
    assertEquals(0, tests.failed().count());
  }

  @Test
  void goroutinesStoppedInAfterEachAreNoLeak() {
    Events tests = run(StoppedInAfterEachCase.class);

    assertEquals(1, tests.succeeded().count());
  }

  @Test
  void ignoredStartSitesDoNotFailTheTest() {
    Events tests = run(IgnoringCase.class);

    assertEquals(3, tests.succeeded().count(), () -> tests.failed().list().toString());
    assertEquals(1, tests.failed().count());
    assertTrue(onlyFailure(tests).getMessage().contains("IgnoringCase.notIgnored"), onlyFailure(tests).getMessage());
  }

  @Test
  void theExtensionAloneUsesTheDefaults() {
    Events tests = run(BareExtensionCase.class);

    assertEquals(1, tests.failed().count());
    assertTrue(onlyFailure(tests).getMessage().contains("1000 ms"), onlyFailure(tests).getMessage());
  }

  private static Events run(Class<?> testClass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(testClass)).execute().testEvents();
  }

  private static Throwable onlyFailure(Events tests) {
    List<Event> failed = tests.failed().list();
    assertEquals(1, failed.size());
    return failed.get(0).getRequiredPayload(TestExecutionResult.class).getThrowable().orElseThrow();
  }

  private static void blockOnGate() {
    try {
      gate.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // The cases: nested, so surefire does not run them on their own.

  @NoGoroutineLeaks(graceMillis = 100)
  static class LeakingCase {
    @Test
    void leaks() {
      Go.go(GoroutineLeakExtensionTest::blockOnGate);
    }
  }

  @NoGoroutineLeaks(graceMillis = 2000)
  static class HandOffCase {
    @Test
    void startsOneThatStartsAnotherAndEnds() {
      Go.go(() -> {
        sleep(100); // inside the grace period
        Go.go(GoroutineLeakExtensionTest::blockOnGate);
      });
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @NoGoroutineLeaks(graceMillis = 5000)
  static class CleanCase {
    @Test
    void startsNothing() {}

    @Test
    void startsAGoroutineThatEndsSoon() throws InterruptedException {
      CountDownLatch started = new CountDownLatch(1);
      CountDownLatch stop = new CountDownLatch(1);
      Go.go(() -> {
        started.countDown();
        try {
          stop.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      started.await();
      stop.countDown(); // it ends after the test method returns, within the grace period
    }
  }

  @NoGoroutineLeaks(graceMillis = 5000)
  static class StoppedInAfterEachCase {
    private final CountDownLatch stop = new CountDownLatch(1);

    @AfterEach
    void stopWorkers() {
      stop.countDown();
    }

    @Test
    void startsAWorkerThatAfterEachStops() {
      Go.go(() -> {
        try {
          stop.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
    }
  }

  @NoGoroutineLeaks(graceMillis = 100, ignore = "dev.goconc.testing.GoroutineLeakExtensionTest$IgnoringCase.ignoredByClass*")
  static class IgnoringCase {
    @Test
    void ignoredByClassAnnotation() {
      ignoredByClassStart();
    }

    /** Starts a goroutine whose start site the class annotation ignores. */
    void ignoredByClassStart() {
      Go.go(GoroutineLeakExtensionTest::blockOnGate);
    }

    @Test
    @NoGoroutineLeaks(graceMillis = 100, ignore = "dev.goconc.testing.GoroutineLeakExtensionTest$IgnoringCase.ignoredOnMethod")
    void ignoredOnMethod() {
      Go.go(GoroutineLeakExtensionTest::blockOnGate);
    }

    @Test
    void notIgnored() {
      Go.go(GoroutineLeakExtensionTest::blockOnGate);
    }

    @org.junit.jupiter.api.Nested
    class Inner {
      @Test
      void ignoredByTheEnclosingClassAnnotation() {
        ignoredByClassStart();
      }
    }
  }

  @org.junit.jupiter.api.extension.ExtendWith(GoroutineLeakExtension.class)
  static class BareExtensionCase {
    @Test
    void leaks() {
      Go.go(GoroutineLeakExtensionTest::blockOnGate);
    }
  }
}
