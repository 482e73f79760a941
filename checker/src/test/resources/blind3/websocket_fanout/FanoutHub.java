import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** Pushes server events to connected websocket sessions, each with its own outbox and writer goroutine. */
class FanoutHub {
  sealed interface Frame permits Text, Close {}

  record Text(String payload) implements Frame {}

  record Close(int code, String reason) implements Frame {}

  static final class Session {
    final String id;
    final Chan<Frame> outbox = Chan.make(32);

    Session(String id, Consumer<Frame> socket) {
      this.id = id;
      Go.go(() -> {
        for (Frame f : outbox) {
          socket.accept(f);
        }
      });
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  void join(String id, Consumer<Frame> socket) {
    sessions.put(id, new Session(id, socket));
  }

  void broadcast(String payload) {
    for (Session s : sessions.values()) {
      if (!s.outbox.trySend(new Text(payload))) {
        kick(s.id, "slow consumer");
      }
    }
  }

  void kick(String id, String reason) {
    Session s = sessions.remove(id);
    if (s == null) {
      return;
    }
    s.outbox.close();
    // BUG(SendOnClosedChannel): the goodbye frame is sent after the outbox was closed: it throws
    s.outbox.send(new Close(4000, reason));
  }

  void kickFixed(String id, String reason) {
    Session s = sessions.remove(id);
    if (s == null) {
      return;
    }
    s.outbox.send(new Close(4000, reason));
    // OK(SendOnClosedChannel): the goodbye goes first, then the close; nothing is sent after it
    s.outbox.close();
  }

  void shutdown(List<String> reasons) {
    for (Session s : List.copyOf(sessions.values())) {
      sessions.remove(s.id);
      String why = reasons.isEmpty() ? "server shutdown" : reasons.get(0);
      if (!s.outbox.trySend(new Close(1001, why))) {
        s.outbox.close();
        continue;
      }
      // OK(SendOnClosedChannel): the close on the full-outbox path is followed by continue, so one close per session
      s.outbox.close();
    }
  }
}
