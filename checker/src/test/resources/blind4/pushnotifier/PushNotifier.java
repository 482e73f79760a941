import dev.goconc.*;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Sends push notifications: per campaign, per platform, per device batch. */
public class PushNotifier {
  public enum Platform { APNS, FCM, WEB }
  public record Device(String token, Platform platform) {}
  public record Campaign(String id, String title, List<Device> audience) {}

  public interface Gateway {
    void sendBatch(Platform p, List<Device> batch, String title);
  }

  private final Gateway gateway;
  private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

  public PushNotifier(Gateway gateway) {
    this.gateway = gateway;
  }

  /** One goroutine per platform, each launching its batches and registering them with the outer group. */
  public void sendBroken(Campaign c) {
    WaitGroup all = new WaitGroup();
    for (Platform p : Platform.values()) {
      List<Device> devices = c.audience().stream().filter(d -> d.platform() == p).toList();
      all.go(() -> {
        for (int from = 0; from < devices.size(); from += 500) {
          List<Device> batch = devices.subList(from, Math.min(devices.size(), from + 500));
          // BUG(WaitGroupAddInGoroutine): adds to the outer group from inside a goroutine while sendBroken awaits it
          all.add(1);
          Go.go(() -> {
            try {
              gateway.sendBatch(p, batch, c.title());
            } finally {
              all.done();
            }
          });
        }
      });
    }
    all.await();
  }

  /** Fixed: each platform goroutine owns a group for its own batches and awaits it itself. */
  public void send(Campaign c) {
    WaitGroup platforms = new WaitGroup();
    for (Platform p : Platform.values()) {
      List<Device> devices = c.audience().stream().filter(d -> d.platform() == p).toList();
      platforms.go(() -> {
        WaitGroup batches = new WaitGroup();
        for (int from = 0; from < devices.size(); from += 500) {
          List<Device> batch = devices.subList(from, Math.min(devices.size(), from + 500));
          // OK(WaitGroupAddInGoroutine): the goroutine adds for its own children and awaits them itself
          batches.add(1);
          Go.go(() -> {
            try {
              gateway.sendBatch(p, batch, c.title());
              sent.computeIfAbsent(c.id(), k -> new AtomicInteger()).addAndGet(batch.size());
            } finally {
              batches.done();
            }
          });
        }
        batches.await();
      });
    }
    platforms.await();
  }

  /** Silent pushes for badge counts, via an anonymous Runnable. */
  public void badgesBroken(List<Device> devices) {
    WaitGroup wg = new WaitGroup();
    wg.add(devices.size());
    for (Device d : devices) {
      Go.go(new Runnable() {
        @Override
        public void run() {
          gateway.sendBatch(d.platform(), List.of(d), "");
          // BUG(WaitGroupDoneNotInFinally): a gateway exception skips done and badgesBroken never returns
          wg.done();
        }
      });
    }
    wg.await();
  }

  public void badges(List<Device> devices) {
    WaitGroup wg = new WaitGroup();
    wg.add(devices.size());
    for (Device d : devices) {
      Go.go(new Runnable() {
        @Override
        public void run() {
          try {
            gateway.sendBatch(d.platform(), List.of(d), "");
          } finally {
            // OK(WaitGroupDoneNotInFinally): in finally
            wg.done();
          }
        }
      });
    }
    wg.await();
  }
}
