import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Runs test cases on virtual threads and gathers pass/fail. */
public class TestRunner {
  public interface TestCase {
    String name();

    void run() throws Exception;
  }

  private final Map<String, Boolean> results = new ConcurrentHashMap<>();

  public Map<String, Boolean> runAll(List<TestCase> cases) {
    WaitGroup wg = new WaitGroup();
    for (TestCase c : cases) {
      Thread.ofVirtual()
          .name("test-" + c.name())
          .start(
              () -> {
                // BUG(WaitGroupAddInGoroutine): a virtual thread adds itself to a group the caller awaits
                wg.add(1);
                try {
                  c.run();
                  results.put(c.name(), true);
                } catch (Exception e) {
                  results.put(c.name(), false);
                } finally {
                  wg.done();
                }
              });
    }
    wg.await();
    return Map.copyOf(results);
  }

  public Map<String, Boolean> runAllCounted(List<TestCase> cases) {
    WaitGroup wg = new WaitGroup();
    wg.add(cases.size());
    cases.forEach(
        c ->
            Thread.ofVirtual()
                .start(
                    () -> {
                      boolean ok;
                      try {
                        c.run();
                        ok = true;
                      } catch (Exception e) {
                        ok = false;
                      }
                      results.put(c.name(), ok);
                      // BUG(WaitGroupDoneNotInFinally): an Error or a failing put skips done and the await hangs
                      wg.done();
                    }));
    wg.await();
    return Map.copyOf(results);
  }
}
