import dev.goconc.CancelContext;
import dev.goconc.Context;
import dev.goconc.ErrGroup;
import dev.goconc.Go;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Receives telemetry from field devices and forwards it to the cloud ingestion API. */
class DeviceGateway {
  record Reading(String deviceId, String sensor, double value, Instant at) {}

  interface Cloud {
    void ingest(Context ctx, List<Reading> batch);

    void audit(Context ctx, String deviceId, String event);
  }

  private final Cloud cloud;

  DeviceGateway(Cloud cloud) {
    this.cloud = cloud;
  }

  // BUG(ContextNotFirstParameter): the context comes after the device id
  void forward(String deviceId, Context ctx, List<Reading> batch) {
    cloud.ingest(ctx, batch);
  }

  void handle(Context ctx, String deviceId, List<Reading> batch) {
    forward(deviceId, ctx, batch);
    Go.go(() -> {
      // BUG(BackgroundContextInsteadOfParameter): the audit goroutine drops the caller's context
      cloud.audit(Context.background(), deviceId, "batch of " + batch.size());
    });
  }

  void handleDetached(Context ctx, String deviceId, List<Reading> batch) {
    cloud.ingest(ctx, batch);
    // OK(BackgroundContextInsteadOfParameter): withoutCancel is the documented way to detach the audit
    Context detached = Context.withoutCancel(ctx);
    Go.go(() -> cloud.audit(detached, deviceId, "batch of " + batch.size()));
  }

  void disconnect(Context ctx, String deviceId) {
    try {
      cloud.ingest(ctx, List.of());
    } finally {
      // OK(BackgroundContextInsteadOfParameter): cleanup in finally must run even when ctx is already cancelled
      cloud.audit(Context.background(), deviceId, "disconnected");
    }
  }

  Throwable flushAll(Context ctx, List<List<Reading>> perDevice) {
    try (CancelContext bounded = Context.withTimeout(ctx, Duration.ofSeconds(5))) {
      ErrGroup g = ErrGroup.withContext(bounded);
      g.setLimit(4);
      for (List<Reading> batch : perDevice) {
        g.go(() -> cloud.ingest(g.context(), batch));
      }
      return g.await();
    }
  }
}
