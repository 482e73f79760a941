import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Builds a report by computing its sections in parallel. */
public class ReportBuilder {
  public record Section(String title, String body) {}

  public List<Section> build(List<String> titles) throws InterruptedException, ExecutionException {
    // BUG(ExecutorNotShutDown): a new pool per call that is never shut down; its threads pile up
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Callable<Section>> tasks = new ArrayList<>();
    for (String t : titles) {
      tasks.add(() -> new Section(t, render(t)));
    }
    List<Section> out = new ArrayList<>();
    for (Future<Section> f : pool.invokeAll(tasks)) {
      out.add(f.get());
    }
    return out;
  }

  private static String render(String title) {
    return "# " + title + "\n" + "lorem ipsum".repeat(title.length());
  }

  public static void main(String[] args) throws Exception {
    System.out.println(new ReportBuilder().build(List.of("Intro", "Costs", "Risks")).size());
  }
}
