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
 * Configured by {@link NoGoroutineLeaks}; used bare with {@code @ExtendWith}, it applies the
 * annotation's defaults. Goroutines started in {@code @BeforeAll} are not judged.
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
    Optional<NoGoroutineLeaks> onClass = find(context.getRequiredTestClass());
    Optional<NoGoroutineLeaks> onMethod = context.getTestMethod().flatMap(GoroutineLeakExtension::find);
    long graceMillis =
        onMethod.or(() -> onClass).map(NoGoroutineLeaks::graceMillis).orElse(DEFAULT_GRACE_MILLIS);
    List<GoroutineFilter> ignore = new ArrayList<>();
    onClass.ifPresent(a -> addFilters(a, ignore));
    onMethod.ifPresent(a -> addFilters(a, ignore));
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
