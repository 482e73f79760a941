import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Select;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Groups queued players of similar rating into lobbies of a fixed size. */
class Matchmaker {
  record Player(String id, int rating) {}

  record Lobby(List<Player> players) {
    int spread() {
      IntSummary s = IntSummary.of(players);
      return s.max - s.min;
    }
  }

  record IntSummary(int min, int max) {
    static IntSummary of(List<Player> ps) {
      int min = ps.stream().mapToInt(Player::rating).min().orElse(0);
      int max = ps.stream().mapToInt(Player::rating).max().orElse(0);
      return new IntSummary(min, max);
    }
  }

  private final Chan<Player> queue;
  private final int lobbySize;

  Matchmaker(Chan<Player> queue, int lobbySize) {
    this.queue = queue;
    this.lobbySize = lobbySize;
  }

  Lobby nextLobby(Context ctx) {
    List<Player> waiting = new ArrayList<>();
    // BUG(IgnoredCancellation): waits for players with no regard for ctx: a cancelled search never ends
    while (waiting.size() < lobbySize) {
      Player p = queue.receive();
      waiting.add(p);
    }
    waiting.sort(Comparator.comparingInt(Player::rating));
    return new Lobby(waiting);
  }

  Optional<Lobby> nextLobbyFixed(Context ctx) {
    List<Player> waiting = new ArrayList<>();
    // OK(IgnoredCancellation): every receive is a select that also ends on ctx.done()
    while (waiting.size() < lobbySize) {
      Optional<Player> p = Select.<Optional<Player>>select()
          .recv(queue, Optional::ofNullable)
          .recv(ctx.done(), x -> Optional.empty())
          .run();
      if (p.isEmpty()) {
        waiting.forEach(queue::trySend);
        return Optional.empty();
      }
      waiting.add(p.get());
    }
    waiting.sort(Comparator.comparingInt(Player::rating));
    return Optional.of(new Lobby(waiting));
  }
}
