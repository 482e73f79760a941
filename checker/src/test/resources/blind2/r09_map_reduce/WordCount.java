// Program: map-reduce word count; mappers per chunk, a reducer, a closer after the group. Correct.
import dev.goconc.*;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

final class WordCount {
  record Partial(Map<String, Integer> counts) {}

  static Map<String, Integer> count(List<String> chunks) {
    Chan<Partial> partials = Chan.make();
    WaitGroup mappers = new WaitGroup();
    for (String chunk : chunks) {
      // OK(WaitGroupAddInGoroutine): add happens before the launch
      mappers.add(1);
      Go.go(() -> {
        // OK(WaitGroupDoneNotInFinally): done is in finally
        try {
          Map<String, Integer> m = new HashMap<>();
          Arrays.stream(chunk.split("\\s+")).filter(w -> !w.isEmpty()).forEach(w -> m.merge(w, 1, Integer::sum));
          partials.send(new Partial(m));
        } finally {
          mappers.done();
        }
      });
    }
    // OK(UnclosedChannel): the closer goroutine closes partials once every mapper is done
    Go.go(() -> {
      mappers.await();
      partials.close();
    });
    Map<String, Integer> total = new HashMap<>();
    // OK(GoroutineLeak): the reducer drains every partial before returning
    for (Partial p : partials) {
      p.counts().forEach((w, n) -> total.merge(w, n, Integer::sum));
    }
    return total;
  }
}
