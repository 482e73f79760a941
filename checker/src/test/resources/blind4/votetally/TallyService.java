import dev.goconc.*;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts ballots from precinct scanners; results stream to the public board. */
public class TallyService {
  public enum Candidate { ADAMS, BAKER, CHEN, WRITE_IN }
  public record Ballot(String precinct, Candidate choice, boolean spoiled) {}
  public record Update(Candidate c, int votes) {}

  /** Counts a precinct's batch and sends running totals; closes the board feed at the end. */
  static void countBroken(List<Ballot> batch, Chan<Update> board) {
    Map<Candidate, Integer> totals = new EnumMap<>(Candidate.class);
    int spoiled = 0;
    for (Ballot b : batch) {
      if (b.spoiled()) {
        spoiled++;
        continue;
      }
      int n = totals.merge(b.choice(), 1, Integer::sum);
      board.send(new Update(b.choice(), n));
    }
    board.close();
    if (spoiled * 10 > batch.size()) {
      // BUG(SendOnClosedChannel): the audit flag is sent after board was closed above
      board.send(new Update(Candidate.WRITE_IN, -spoiled));
    }
  }

  static void count(List<Ballot> batch, Chan<Update> board) {
    Map<Candidate, Integer> totals = new EnumMap<>(Candidate.class);
    int spoiled = 0;
    try {
      for (Ballot b : batch) {
        if (b.spoiled()) {
          spoiled++;
          continue;
        }
        board.send(new Update(b.choice(), totals.merge(b.choice(), 1, Integer::sum)));
      }
      if (spoiled * 10 > batch.size()) {
        // OK(SendOnClosedChannel): sent before the close in finally
        board.send(new Update(Candidate.WRITE_IN, -spoiled));
      }
    } finally {
      board.close();
    }
  }

  /** Runs one precinct and prints the board; the counter goroutine owns the channel's close. */
  public static Map<Candidate, Integer> precinct(List<Ballot> batch) {
    Chan<Update> board = Chan.make(8);
    Go.go(() -> count(batch, board));
    Map<Candidate, Integer> last = new EnumMap<>(Candidate.class);
    // OK(UnclosedChannel): count() closes board in finally
    for (Update u : board) {
      last.put(u.c(), u.votes());
    }
    return last;
  }

  /** The recount path: a close on error, then the normal close again. */
  static void recountBroken(List<Ballot> batch, Chan<Update> board) {
    try {
      for (Ballot b : batch) {
        if (b.precinct() == null) {
          board.close();
          throw new IllegalArgumentException("ballot without precinct");
        }
        board.send(new Update(b.choice(), 1));
      }
    } catch (IllegalArgumentException e) {
      System.err.println("recount aborted: " + e.getMessage());
    }
    // BUG(SendOnClosedChannel): on the aborted path board was already closed inside the loop: this is a second close
    board.close();
  }
}
