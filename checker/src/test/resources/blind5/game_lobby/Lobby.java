import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.SendChan;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A game-server lobby: players join, the lobby starts a match when it is full. */
public class Lobby {
  public record Player(String id, int mmr) {}

  public record Match(UUID id, List<Player> players) {}

  private final int size;

  public Lobby(int size) {
    this.size = size;
  }

  /** The lobby loop: collects joins until full, then announces the match and stops taking joins. */
  void collect(Chan<Player> joins, SendChan<Match> matches) {
    List<Player> waiting = new ArrayList<>();
    for (Player p : joins) {
      waiting.add(p);
      if (waiting.size() == size) {
        matches.send(new Match(UUID.randomUUID(), List.copyOf(waiting)));
        // BUG(ReceiverSideClose): the lobby only receives joins; a late joiner's send now throws
        joins.close();
        return;
      }
    }
  }

  /** A lobby that reads joins through a receive-only view and leaves closing to the front door. */
  void collectFixed(RecvChan<Player> joins, SendChan<Match> matches) {
    List<Player> waiting = new ArrayList<>();
    for (Player p : joins) {
      waiting.add(p);
      if (waiting.size() == size) {
        matches.send(new Match(UUID.randomUUID(), List.copyOf(waiting)));
        waiting.clear();
      }
    }
    if (!waiting.isEmpty()) {
      matches.send(new Match(UUID.randomUUID(), List.copyOf(waiting)));
    }
    // OK(ReceiverSideClose): the lobby is the sole sender on matches
    matches.close();
  }

  /** The front door: admits the queue, then disbands the lobby. */
  List<Match> admit(List<Player> queue, List<Player> spectatorsTurnedPlayers) {
    Chan<Player> joins = Chan.make(queue.size() + spectatorsTurnedPlayers.size());
    Chan<Match> matches = Chan.make(queue.size());
    Go.go(() -> collectFixed(joins, matches));
    for (Player p : queue) {
      joins.send(p);
    }
    joins.close();
    for (Player p : spectatorsTurnedPlayers) {
      // BUG(SendOnClosedChannel): joins was closed just above; the first spectator's send throws
      joins.send(p);
    }
    List<Match> out = new ArrayList<>();
    for (Match m : matches) {
      out.add(m);
    }
    return out;
  }

  /** The fixed front door: everyone joins, then the channel is closed once. */
  List<Match> admitFixed(List<Player> queue, List<Player> spectatorsTurnedPlayers) {
    Chan<Player> joins = Chan.make(queue.size() + spectatorsTurnedPlayers.size());
    Chan<Match> matches = Chan.make(queue.size() + 1);
    Go.go(() -> collectFixed(joins, matches));
    queue.forEach(joins::send);
    spectatorsTurnedPlayers.forEach(joins::send);
    // OK(SendOnClosedChannel): closed after the last send
    joins.close();
    List<Match> out = new ArrayList<>();
    for (Match m : matches) {
      out.add(m);
    }
    return out;
  }
}
