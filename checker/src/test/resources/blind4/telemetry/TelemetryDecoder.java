import dev.goconc.*;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Decodes satellite telemetry frames from a downlink and checks link health on a ticker. */
public class TelemetryDecoder {
  public record Frame(int apid, int seq, byte[] payload) {}
  public record Housekeeping(int apid, double batteryV, double tempC) {}

  public interface Downlink {
    boolean locked();
    byte[] nextFrame();
  }

  static Frame parse(byte[] raw) {
    ByteBuffer b = ByteBuffer.wrap(raw);
    int apid = b.getShort() & 0x7FF;
    int seq = b.getShort() & 0x3FFF;
    byte[] payload = new byte[b.remaining()];
    b.get(payload);
    return new Frame(apid, seq, payload);
  }

  /** Waits for the carrier lock, checking once a second, up to a number of tries. */
  static boolean awaitLockBroken(Downlink link, int tries) {
    // BUG(TickerNotStopped): the early return on lock and the give-up path never stop this ticker
    Ticker check = Time.newTicker(Duration.ofSeconds(1));
    for (int i = 0; i < tries; i++) {
      check.c().receive();
      if (link.locked()) {
        return true;
      }
    }
    return false;
  }

  static boolean awaitLock(Downlink link, int tries) {
    // OK(TickerNotStopped): try-with-resources stops it on both returns
    try (Ticker check = Time.newTicker(Duration.ofSeconds(1))) {
      for (int i = 0; i < tries; i++) {
        check.c().receive();
        if (link.locked()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Reads frames and forwards housekeeping packets until the pass ends. */
  static void decodePassBroken(Context pass, Downlink link, SendChan<Housekeeping> out) {
    int lastSeq = -1;
    // BUG(IgnoredCancellation): forwards forever on a blocking send and never observes the pass context
    while (true) {
      Frame f = parse(link.nextFrame());
      if (f.seq() == lastSeq) {
        continue;
      }
      lastSeq = f.seq();
      if (f.apid() == 0x10) {
        out.send(housekeeping(f));
      }
    }
  }

  static void decodePass(Context pass, Downlink link, SendChan<Housekeeping> out) {
    int lastSeq = -1;
    // OK(IgnoredCancellation): the loop condition checks pass.err()
    while (pass.err() == null) {
      Frame f = parse(link.nextFrame());
      if (f.seq() == lastSeq) {
        continue;
      }
      lastSeq = f.seq();
      if (f.apid() == 0x10) {
        Select.<Void>select().send(out, housekeeping(f), () -> null).recv(pass.done(), d -> null).run();
      }
    }
  }

  static Housekeeping housekeeping(Frame f) {
    ByteBuffer b = ByteBuffer.wrap(f.payload());
    return new Housekeeping(f.apid(), b.getShort() / 100.0, b.getShort() / 10.0);
  }

  /** Decodes a recorded pass file in one go, splitting it across goroutines. */
  static List<Frame> decodeRecording(List<byte[]> rawFrames) {
    Chan<Frame> frames = Chan.make(rawFrames.size());
    WaitGroup wg = new WaitGroup();
    for (byte[] raw : rawFrames) {
      wg.go(() -> frames.send(parse(raw)));
    }
    Go.go(() -> {
      wg.await();
      frames.close();
    });
    List<Frame> out = new ArrayList<>();
    // OK(UnclosedChannel): the closer goroutine closes frames after the wait group
    for (Frame f : frames) {
      out.add(f);
    }
    return out;
  }
}
