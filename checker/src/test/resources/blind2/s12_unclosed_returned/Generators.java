// Program: small cases of generators that return a RecvChan fed by a goroutine; some paths neither send nor close.
import dev.goconc.*;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.IOException;
import java.util.List;

final class Generators {
  static RecvChan<String> lines(Path file) {
    Chan<String> out = Chan.make();
    Go.go(() -> {
      List<String> all;
      try {
        all = Files.readAllLines(file);
      } catch (IOException e) {
        // BUG(UnclosedChannel): the error path returns without closing; a caller ranging over out waits forever
        return;
      }
      all.forEach(out::send);
      out.close();
    });
    return out.recvOnly();
  }

  static RecvChan<Integer> countdown(Context ctx, int from) {
    Chan<Integer> out = Chan.make();
    Go.go(() -> {
      for (int i = from; i > 0; i--) {
        int v = i;
        // OK(UnclosedChannel): leaving on ctx.done() is fine, the caller holds the same context
        boolean sent = Select.<Boolean>select().send(out, v, () -> true).recv(ctx.done(), d -> false).run();
        if (!sent) {
          return;
        }
      }
      out.close();
    });
    return out.recvOnly();
  }

  static RecvChan<Integer> squares(List<Integer> xs) {
    Chan<Integer> out = Chan.make(xs.size());
    Go.go(() -> {
      for (int x : xs) {
        if (x < 0) {
          // BUG(UnclosedChannel): a negative input throws before the close
          throw new IllegalArgumentException("negative");
        }
        out.send(x * x);
      }
      out.close();
    });
    return out.recvOnly();
  }

  static int consume(RecvChan<Integer> in) {
    int s = 0;
    for (int x : in) {
      s += x;
    }
    return s;
  }
}
