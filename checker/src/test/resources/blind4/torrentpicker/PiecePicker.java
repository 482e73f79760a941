import dev.goconc.*;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Map;

/** Rarest-first piece selection: asks each peer for its bitfield, then picks pieces. */
public class PiecePicker {
  public interface Peer {
    String id();
    BitSet bitfield();
  }

  private final int pieceCount;
  private final Map<String, BitSet> have = new ConcurrentHashMap<>();

  public PiecePicker(int pieceCount) {
    this.pieceCount = pieceCount;
  }

  /** First version: each peer's goroutine registered itself with the group. */
  public int[] availabilityBroken(List<Peer> peers) {
    WaitGroup wg = new WaitGroup();
    for (Peer p : peers) {
      Go.go(() -> {
        // BUG(WaitGroupAddInGoroutine): the add races with wg.await() below, which may return before any peer is counted
        wg.add(1);
        try {
          have.put(p.id(), p.bitfield());
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    return count();
  }

  public int[] availability(List<Peer> peers) {
    WaitGroup wg = new WaitGroup();
    for (Peer p : peers) {
      // OK(WaitGroupAddInGoroutine): added before the launch
      wg.add(1);
      Go.go(() -> {
        try {
          have.put(p.id(), p.bitfield());
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
    return count();
  }

  private int[] count() {
    int[] avail = new int[pieceCount];
    for (BitSet bits : have.values()) {
      bits.stream().filter(i -> i < pieceCount).forEach(i -> avail[i]++);
    }
    return avail;
  }

  /** Picks up to n rarest pieces we still miss. */
  public int[] rarest(int[] avail, BitSet mine, int n) {
    return java.util.stream.IntStream.range(0, pieceCount)
        .filter(i -> !mine.get(i) && avail[i] > 0)
        .boxed()
        .sorted((a, b) -> Integer.compare(avail[a], avail[b]))
        .limit(n)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Verifies downloaded pieces in parallel. */
  public BitSet verify(List<byte[]> pieces, List<byte[]> hashes) {
    BitSet ok = new BitSet();
    WaitGroup wg = new WaitGroup();
    for (int i = 0; i < pieces.size(); i++) {
      int index = i;
      wg.add(1);
      Go.go(() -> {
        boolean match = java.util.Arrays.equals(digest(pieces.get(index)), hashes.get(index));
        synchronized (ok) {
          ok.set(index, match);
        }
        // BUG(WaitGroupDoneNotInFinally): digest can throw on a bad piece and then verify's await hangs
        wg.done();
      });
    }
    wg.await();
    return ok;
  }

  static byte[] digest(byte[] piece) {
    try {
      return java.security.MessageDigest.getInstance("SHA-1").digest(piece);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
