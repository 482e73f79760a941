import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Watches fermentation tanks' gravity and temperature; raises alarms when a batch stalls. */
public class FermentationMonitor {
  public record Sample(String tank, double gravity, double tempC) {}
  public record Alarm(String tank, String reason) {}

  /** The alarm stage: reads samples and reports; the old version closed its input on a sensor fault. */
  static void alarmsBroken(Chan<Sample> samples, SendChan<Alarm> alarms) {
    Go.go(() -> {
      double last = Double.NaN;
      for (Sample s : samples) {
        if (Double.isNaN(s.gravity())) {
          alarms.send(new Alarm(s.tank(), "sensor fault"));
          // BUG(ReceiverSideClose): this goroutine only receives samples; closing them makes the sampler's next send throw
          samples.close();
          return;
        }
        if (!Double.isNaN(last) && last - s.gravity() < 0.0005) {
          alarms.send(new Alarm(s.tank(), "stalled"));
        }
        last = s.gravity();
      }
    });
  }

  static void alarms(RecvChan<Sample> samples, SendChan<Alarm> alarms, CancelFunc stopSampler) {
    Go.go(() -> {
      double last = Double.NaN;
      for (Sample s : samples) {
        if (Double.isNaN(s.gravity())) {
          alarms.send(new Alarm(s.tank(), "sensor fault"));
          // OK(ReceiverSideClose): asks the sampler's owner to stop instead of closing its channel
          stopSampler.cancel();
          return;
        }
        if (!Double.isNaN(last) && last - s.gravity() < 0.0005) {
          alarms.send(new Alarm(s.tank(), "stalled"));
        }
        last = s.gravity();
      }
    });
  }

  public interface Probe {
    Sample read(String tank);
  }

  /** Samples a tank every 15 minutes until ctx ends; the sampler closes its output. */
  static RecvChan<Sample> sampler(Context ctx, Probe probe, String tank) {
    Chan<Sample> out = Chan.make(4);
    Go.go(() -> {
      try (Ticker t = Time.newTicker(Duration.ofMinutes(15))) {
        while (true) {
          Boolean stop = Select.<Boolean>select().recv(t.c(), x -> false).recv(ctx.done(), d -> true).run();
          if (stop) {
            return;
          }
          out.send(probe.read(tank));
        }
      } finally {
        // OK(ReceiverSideClose): the sampler is the only sender
        out.close();
      }
    });
    return out;
  }

  /** A quick spot-check for the brewer's phone: three readings a minute apart. */
  static List<Sample> spotCheckBroken(Probe probe, String tank, boolean abortIfCold) {
    List<Sample> out = new ArrayList<>();
    // BUG(TickerNotStopped): the cold-tank return leaves the ticker running
    Ticker t = Time.newTicker(Duration.ofMinutes(1));
    for (int i = 0; i < 3; i++) {
      Sample s = probe.read(tank);
      if (abortIfCold && s.tempC() < 4) {
        return out;
      }
      out.add(s);
      t.c().receive();
    }
    t.stop();
    return out;
  }
}
