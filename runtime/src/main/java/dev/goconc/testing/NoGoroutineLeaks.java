package dev.goconc.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fails each test that leaves goroutines behind: after the test and its {@code @AfterEach}
 * methods, every goroutine the test started must end within {@link #graceMillis()}. The failure
 * lists each leaked goroutine's start site and where it is blocked.
 *
 * <pre>{@code
 * @NoGoroutineLeaks(ignore = "com.acme.MetricsPoller")
 * class OrderServiceTest { ... }
 * }</pre>
 *
 * <p>On a class it applies to every test method, {@code @Nested} classes included; on a method
 * too, where its {@code ignore} list adds to the class's and its {@code graceMillis} wins.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(GoroutineLeakExtension.class)
public @interface NoGoroutineLeaks {
  /** How long goroutines may take to finish after the test, in milliseconds. */
  long graceMillis() default 1000;

  /**
   * Start sites whose goroutines are not judged, as in {@link
   * dev.goconc.GoroutineFilter#startedIn}: {@code com.acme.Poller}, {@code com.acme.Poller.loop},
   * {@code com.acme.*}.
   */
  String[] ignore() default {};

  /**
   * Goroutines blocked in a method matching one of these are not judged, as in {@link
   * dev.goconc.GoroutineFilter#blockedIn}.
   */
  String[] ignoreBlockedIn() default {};
}
