import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Map-reduce word count: mappers emit (word, 1) pairs; one reducer sums them. */
final class WordCount {
  record Pair(String word, int n) {}

  static Map<String, Integer> count(List<String> documents, int mappers) {
    Chan<String> docs = Chan.make();
    Chan<Pair> pairs = Chan.make(256);
    WaitGroup wg = new WaitGroup();
    for (int m = 0; m < mappers; m++) {
      wg.go(() -> map(docs, pairs));
    }
    Go.go(
        () -> {
          try {
            documents.forEach(docs::send);
          } finally {
            docs.close();
          }
        });
    // OK(ReceiverSideClose): the closer goroutine is the owner, closing after every mapper is done
    Go.go(
        () -> {
          wg.await();
          pairs.close();
        });
    return reduce(pairs);
  }

  private static void map(RecvChan<String> docs, Chan<Pair> out) {
    for (String d : docs) {
      Arrays.stream(d.toLowerCase().split("\\W+"))
          .filter(w -> !w.isEmpty())
          .forEach(w -> out.send(new Pair(w, 1)));
    }
  }

  private static Map<String, Integer> reduce(RecvChan<Pair> pairs) {
    Map<String, Integer> counts = new HashMap<>();
    // OK(UnclosedChannel): the closer goroutine closes pairs after wg.await()
    for (Pair p : pairs) {
      counts.merge(p.word(), p.n(), Integer::sum);
    }
    return counts;
  }

  public static void main(String[] args) {
    System.out.println(count(List.of("a b a", "b c", "A"), 2));
  }
}
