import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;

/** A smoke check run at deploy time: starts probes and reports which ones answered. */
public final class Probe {
  public static List<String> run(List<String> endpoints) throws InterruptedException {
    List<String> up = Collections.synchronizedList(new ArrayList<>());
    for (String e : endpoints) {
      Go.go(
          () -> {
            if (!e.isBlank()) {
              up.add(e);
            }
          });
    }
    // BUG(SleepInsteadOfSynchronization): sleeps and hopes every probe goroutine has finished
    Thread.sleep(500);
    return List.copyOf(up);
  }

  public static List<String> runSynced(List<String> endpoints) {
    Chan<String> answers = Chan.make(endpoints.size());
    for (String e : endpoints) {
      Go.go(() -> answers.send(e.isBlank() ? "" : e));
    }
    List<String> up = new ArrayList<>();
    for (int i = 0; i < endpoints.size(); i++) {
      String a = answers.receive();
      if (!a.isEmpty()) {
        up.add(a);
      }
    }
    return up;
  }

  public static void main(String[] args) throws InterruptedException {
    System.out.println(run(List.of("db", "cache", "")));
    System.out.println(runSynced(List.of("db", "cache", "")));
  }
}
