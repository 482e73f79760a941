import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.time.Instant;
import java.util.List;

/** Polls carriers for shipment status and streams the changes to subscribers. */
class ShipmentTracker {
  enum Status { LABEL_CREATED, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED, EXCEPTION }

  record Shipment(String trackingNo, String carrier) {}

  record Update(Shipment shipment, Status status, Instant at) {}

  interface Carrier {
    Status status(Context ctx, Shipment s);
  }

  private final Carrier carrier;

  ShipmentTracker(Carrier carrier) {
    this.carrier = carrier;
  }

  void publishAll(Context ctx, List<Shipment> shipments, Chan<Update> updates) {
    // BUG(IgnoredCancellation): each send can block on a slow subscriber and the loop never looks at ctx
    for (Shipment s : shipments) {
      updates.send(new Update(s, carrier.status(ctx, s), Instant.now()));
    }
  }

  boolean publishAllFixed(Context ctx, List<Shipment> shipments, Chan<Update> updates) {
    // OK(IgnoredCancellation): the send is a select with ctx.done()
    for (Shipment s : shipments) {
      Update u = new Update(s, carrier.status(ctx, s), Instant.now());
      boolean sent = Select.<Boolean>select()
          .send(updates, u, () -> true)
          .recv(ctx.done(), x -> false)
          .run();
      if (!sent) {
        return false;
      }
    }
    return true;
  }

  RecvChan<Update> track(Context ctx, List<Shipment> shipments) {
    Chan<Update> updates = Chan.make(shipments.size());
    Go.go(() -> {
      try {
        publishAllFixed(ctx, shipments, updates);
      } finally {
        updates.close();
      }
    });
    return updates;
  }

  long delivered(Context ctx, List<Shipment> shipments) {
    Chan<Update> local = Chan.make(shipments.size());
    // OK(IgnoredCancellation): local has a slot for every shipment, so these sends cannot block
    for (Shipment s : shipments) {
      local.send(new Update(s, carrier.status(ctx, s), Instant.now()));
    }
    long n = 0;
    for (var r = local.tryReceive(); r.isPresent(); r = local.tryReceive()) {
      if (r.get().value().status() == Status.DELIVERED) {
        n++;
      }
    }
    return n;
  }
}
