import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A gossip member: outbound messages go through one channel drained by the network goroutine. */
public final class GossipNode {
  private final String id;
  private final Chan<String> outbound = Chan.make(128);
  private final Set<String> peers = ConcurrentHashMap.newKeySet();

  public GossipNode(String id) {
    this.id = id;
  }

  public RecvChan<String> wire() {
    return outbound;
  }

  public void join(String peer) {
    peers.add(peer);
    outbound.trySend(id + " knows " + peer);
  }

  public void leave() {
    outbound.close();
    // BUG(SendOnClosedChannel): the farewell is sent after outbound was closed: trySend throws
    outbound.trySend(id + " leaves");
  }

  public void leaveFixed() {
    outbound.trySend(id + " leaves");
    // OK(SendOnClosedChannel): the farewell goes first, then the close
    outbound.close();
  }

  public static void network(GossipNode n) {
    Go.go(
        () -> {
          for (String m : n.wire()) {
            System.out.println("wire: " + m);
          }
        });
  }
}
