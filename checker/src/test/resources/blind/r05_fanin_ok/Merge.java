import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.ArrayList;
import java.util.List;

final class Merge {
  static <T> RecvChan<T> merge(List<? extends RecvChan<T>> inputs) {
    Chan<T> out = Chan.make();
    WaitGroup wg = new WaitGroup();
    for (RecvChan<T> in : inputs) {
      wg.go(
          () -> {
            for (T v : in) {
              out.send(v);
            }
          });
    }
    // OK(UnclosedChannel): the closer goroutine closes out once every forwarder is done
    Go.go(
        () -> {
          wg.await();
          out.close();
        });
    return out;
  }

  static RecvChan<String> source(String name, int n) {
    Chan<String> c = Chan.make();
    Go.go(
        () -> {
          try {
            for (int i = 0; i < n; i++) {
              c.send(name + i);
            }
          } finally {
            c.close();
          }
        });
    return c;
  }

  public static void main(String[] args) {
    List<String> all = new ArrayList<>();
    for (String s : merge(List.of(source("a", 3), source("b", 2)))) {
      all.add(s);
    }
    System.out.println(all);
  }
}
