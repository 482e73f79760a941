import dev.goconc.*;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Shifts subtitle cues to match an audio track's detected speech onsets. */
public class SubtitleAligner {
  public record Cue(int index, Duration start, Duration end, String text) {}

  /** Parses an SRT document on a goroutine and streams its cues. */
  static RecvChan<Cue> parseBroken(String srt) {
    Chan<Cue> cues = Chan.make(16);
    // BUG(UnclosedChannel): on a malformed file the goroutine returns without closing cues, and the aligner's range never ends
    Go.go(() -> {
      try (BufferedReader r = new BufferedReader(new StringReader(srt))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          int index = Integer.parseInt(line.strip());
          String[] times = r.readLine().split(" --> ");
          String text = r.readLine();
          cues.send(new Cue(index, parse(times[0]), parse(times[1]), text));
        }
        cues.close();
      } catch (IOException | RuntimeException e) {
        System.err.println("bad subtitle file: " + e.getMessage());
      }
    });
    return cues;
  }

  static RecvChan<Cue> parse(String srt, List<String> errors) {
    Chan<Cue> cues = Chan.make(16);
    Go.go(() -> {
      try (BufferedReader r = new BufferedReader(new StringReader(srt))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          int index = Integer.parseInt(line.strip());
          String[] times = r.readLine().split(" --> ");
          cues.send(new Cue(index, parse(times[0]), parse(times[1]), r.readLine()));
        }
      } catch (IOException | RuntimeException e) {
        synchronized (errors) {
          errors.add(e.getMessage());
        }
      } finally {
        // OK(UnclosedChannel): closed in finally, on the error path too
        cues.close();
      }
    });
    return cues;
  }

  static Duration parse(String ts) {
    String[] hms = ts.strip().replace(',', ':').split(":");
    return Duration.ofHours(Long.parseLong(hms[0])).plusMinutes(Long.parseLong(hms[1]))
        .plusSeconds(Long.parseLong(hms[2])).plusMillis(Long.parseLong(hms[3]));
  }

  /** Moves each cue to the nearest onset within half a second. */
  static List<Cue> align(RecvChan<Cue> cues, List<Duration> onsets) {
    List<Cue> out = new ArrayList<>();
    for (Cue c : cues) {
      Duration best = c.start();
      for (Duration o : onsets) {
        if (o.minus(c.start()).abs().compareTo(Duration.ofMillis(500)) < 0) {
          best = o;
          break;
        }
      }
      Duration shift = best.minus(c.start());
      out.add(new Cue(c.index(), c.start().plus(shift), c.end().plus(shift), c.text()));
    }
    return out;
  }

  public static List<Cue> run(String srt, List<Duration> onsets) {
    return align(parseBroken(srt), onsets);
  }
}
