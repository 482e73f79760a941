import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Probes backends' health endpoints on a schedule and keeps their status. */
class Prober {
  enum Status { UP, DOWN, UNKNOWN }

  interface Http {
    int get(URI uri) throws Exception;
  }

  private final ScheduledExecutorService scheduler;
  private final ExecutorService probes;
  private final Http http;
  private final Map<URI, Status> status = new ConcurrentHashMap<>();

  Prober(ScheduledExecutorService scheduler, ExecutorService probes, Http http) {
    this.scheduler = scheduler;
    this.probes = probes;
    this.http = http;
  }

  void watch(List<URI> backends, Duration every) {
    for (URI b : backends) {
      status.put(b, Status.UNKNOWN);
      // BUG(PeriodicTaskNeverCancelled): the periodic probe's future is dropped: it can never be cancelled when the backend is removed
      scheduler.scheduleAtFixedRate(() -> status.put(b, probe(b)), 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  Status probe(URI backend) {
    Future<Integer> code = probes.submit(() -> http.get(backend));
    try {
      return code.get(2, TimeUnit.SECONDS) < 500 ? Status.UP : Status.DOWN;
    } catch (TimeoutException e) {
      // BUG(TimedGetWithoutCancel): the timed-out probe keeps running and holds a connection
      return Status.DOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Status.UNKNOWN;
    } catch (ExecutionException e) {
      return Status.DOWN;
    }
  }

  Status probeFixed(URI backend) {
    Future<Integer> code = probes.submit(() -> http.get(backend));
    try {
      return code.get(2, TimeUnit.SECONDS) < 500 ? Status.UP : Status.DOWN;
    } catch (TimeoutException e) {
      // OK(TimedGetWithoutCancel): the late probe is cancelled
      code.cancel(true);
      return Status.DOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Status.UNKNOWN;
    } catch (ExecutionException e) {
      return Status.DOWN;
    }
  }

  Map<URI, Status> snapshot() {
    return Map.copyOf(status);
  }
}
