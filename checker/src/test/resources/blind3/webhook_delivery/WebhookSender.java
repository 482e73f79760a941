import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.Select;
import java.net.URI;
import java.time.Duration;

/** Delivers a webhook to a customer endpoint and waits for the acknowledgement, with a deadline. */
class WebhookSender {
  record Endpoint(URI url, boolean enabled, Duration timeout) {}

  record Delivery(int status, long millis) {}

  interface Client {
    Delivery post(Context ctx, URI url, byte[] body);
  }

  private final Client client;

  WebhookSender(Client client) {
    this.client = client;
  }

  int deliver(Context ctx, Endpoint endpoint, byte[] body) {
    Chan<Delivery> ack = Chan.make();
    Go.go(() -> {
      Delivery d = client.post(ctx, endpoint.url(), body);
      // BUG(GoroutineLeak): when the endpoint turns out disabled the caller returns without receiving
      ack.send(d);
    });
    if (!endpoint.enabled()) {
      return 410;
    }
    return Select.<Integer>select()
        .recv(ack, d -> d.status())
        .recv(ctx.done(), x -> 504)
        .run();
  }

  int deliverFixed(Context ctx, Endpoint endpoint, byte[] body) {
    if (!endpoint.enabled()) {
      return 410;
    }
    Chan<Delivery> ack = Chan.make();
    Go.go(() -> {
      Delivery d = client.post(ctx, endpoint.url(), body);
      // OK(GoroutineLeak): the send is in a select with ctx.done(), so leaving on cancellation frees it
      Select.<Void>select()
          .send(ack, d, () -> null)
          .recv(ctx.done(), x -> null)
          .run();
    });
    return Select.<Integer>select()
        .recv(ack, d -> d.status())
        .recv(ctx.done(), x -> 504)
        .run();
  }
}
