package dev.goconc.testing;

import dev.goconc.GoroutineFilter;
import dev.goconc.GoroutineLeaks;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit Jupiter side of {@link GoroutineLeaks}: snapshots before each test, verifies after
 * it (after the {@code @AfterEach} methods, so they may still stop what the test started).
 * Configured by {@link NoGoroutineLeaks} on the test method, its class and the classes a
 * {@code @Nested} class sits in: the innermost grace period wins, the ignore lists add up. Used
 * bare with {@code @ExtendWith}, it applies the annotation's defaults. Goroutines started in
 * {@code @BeforeAll} are not judged.
 */
public final class GoroutineLeakExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(GoroutineLeakExtension.class);
  private static final long DEFAULT_GRACE_MILLIS = 1000;

  @Override
  public void beforeEach(ExtensionContext context) {
    context.getStore(NAMESPACE).put(context.getUniqueId(), GoroutineLeaks.snapshot());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    GoroutineLeaks.Snapshot before =
        context.getStore(NAMESPACE).remove(context.getUniqueId(), GoroutineLeaks.Snapshot.class);
    if (before == null) {
      return;
    }
    // Innermost first: the method, the test class, then the classes a @Nested class sits in.
    List<NoGoroutineLeaks> annotations = new ArrayList<>();
    context.getTestMethod().flatMap(GoroutineLeakExtension::find).ifPresent(annotations::add);
    for (Class<?> c = context.getRequiredTestClass(); c != null; c = c.getEnclosingClass()) {
      find(c).ifPresent(annotations::add);
    }
    long graceMillis =
        annotations.isEmpty() ? DEFAULT_GRACE_MILLIS : annotations.get(0).graceMillis();
    List<GoroutineFilter> ignore = new ArrayList<>();
    annotations.forEach(a -> addFilters(a, ignore));
    before.verifyNoneStarted(Duration.ofMillis(graceMillis), ignore.toArray(GoroutineFilter[]::new));
  }

  private static Optional<NoGoroutineLeaks> find(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, NoGoroutineLeaks.class);
  }

  private static void addFilters(NoGoroutineLeaks annotation, List<GoroutineFilter> into) {
    for (String pattern : annotation.ignore()) {
      into.add(GoroutineFilter.startedIn(pattern));
    }
    for (String pattern : annotation.ignoreBlockedIn()) {
      into.add(GoroutineFilter.blockedIn(pattern));
    }
  }
}
