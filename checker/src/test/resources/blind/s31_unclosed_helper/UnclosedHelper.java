import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.SendChan;
import java.util.List;

class UnclosedHelper {
  private static void fill(SendChan<String> out, List<String> xs) {
    for (String x : xs) {
      out.send(x);
    }
  }

  private static void fillAndClose(SendChan<String> out, List<String> xs) {
    fill(out, xs);
    out.close();
  }

  static int countForgetful(List<String> xs) {
    Chan<String> c = Chan.make();
    Go.go(() -> fill(c, xs));
    int n = 0;
    // BUG(UnclosedChannel): fill never closes c, so this range never ends
    for (String s : c) {
      n++;
    }
    return n;
  }

  static int countClosed(List<String> xs) {
    Chan<String> c = Chan.make();
    Go.go(() -> fillAndClose(c, xs));
    int n = 0;
    // OK(UnclosedChannel): fillAndClose closes c
    for (String s : c) {
      n++;
    }
    return n;
  }
}
