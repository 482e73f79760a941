import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A pipeline-inspection drone survey: flies waypoints, streams camera frames, flags corrosion. */
public class PipelineSurvey {
  public record Waypoint(double lat, double lon, double altM) {}
  public record Frame(int seq, byte[] jpeg) {}
  public record Finding(int frameSeq, double corrosionScore) {}

  public interface Drone {
    boolean preflight();
    void flyTo(Waypoint w);
    Frame capture();
    int battery();
  }

  public interface Detector {
    double corrosion(Frame f);
  }

  /** The telemetry uplink: a nested helper whose constructor starts its own sender loop. */
  static final class Uplink {
    private final Chan<String> lines = Chan.make(32);

    Uplink(Drone drone) {
      Go.go(() -> {
        // BUG(GoroutineLeak): the battery reporter loops forever: nothing ends it when the survey is over
        while (true) {
          lines.trySend("battery " + drone.battery());
          Time.after(Duration.ofSeconds(5)).receive();
        }
      });
    }

    RecvChan<String> lines() {
      return lines;
    }
  }

  static final class StoppableUplink implements AutoCloseable {
    private final Chan<String> lines = Chan.make(32);
    private final Chan<Void> stop = Chan.make();

    StoppableUplink(Drone drone) {
      Go.go(() -> {
        // OK(GoroutineLeak): the reporter returns once stop is closed
        while (true) {
          lines.trySend("battery " + drone.battery());
          boolean done = Select.<Boolean>select()
              .recv(Time.after(Duration.ofSeconds(5)), t -> false)
              .recv(stop, s -> true)
              .run();
          if (done) {
            return;
          }
        }
      });
    }

    @Override
    public void close() {
      stop.close();
    }
  }

  /** Flies the route; the detector runs on a goroutine per frame. */
  public static List<Finding> surveyBroken(Drone drone, Detector detector, List<Waypoint> route) {
    Chan<Finding> findings = Chan.make();
    int launched = 0;
    for (Waypoint w : route) {
      drone.flyTo(w);
      Frame f = drone.capture();
      launched++;
      Go.go(() -> {
        Finding fd = new Finding(f.seq(), detector.corrosion(f));
        // BUG(GoroutineLeak): on the low-battery throw below, the detectors still running block here forever
        findings.send(fd);
      });
      if (drone.battery() < 15) {
        throw new IllegalStateException("battery low: return to base");
      }
    }
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < launched; i++) {
      Finding fd = findings.receive();
      if (fd.corrosionScore() > 0.3) {
        out.add(fd);
      }
    }
    return out;
  }

  public static List<Finding> survey(Drone drone, Detector detector, List<Waypoint> route) {
    // OK(GoroutineLeak): one slot per waypoint: a detector never waits, even after the throw
    Chan<Finding> findings = Chan.make(route.size());
    int launched = 0;
    try (StoppableUplink uplink = new StoppableUplink(drone)) {
      for (Waypoint w : route) {
        drone.flyTo(w);
        Frame f = drone.capture();
        launched++;
        Go.go(() -> findings.send(new Finding(f.seq(), detector.corrosion(f))));
        if (drone.battery() < 15) {
          throw new IllegalStateException("battery low: return to base");
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    for (int i = 0; i < launched; i++) {
      Finding fd = findings.receive();
      if (fd.corrosionScore() > 0.3) {
        out.add(fd);
      }
    }
    return out;
  }
}
