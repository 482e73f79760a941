// Program: small cases of sends on local channels with no goroutine to receive them.
import dev.goconc.*;
import java.util.List;

final class SendNoReceiver {
  static String selfSend(String v) {
    Chan<String> c = Chan.make();
    // BUG(GoroutineLeak): nobody can receive; the method blocks here forever
    c.send(v);
    return c.receive();
  }

  static int overfill(List<Integer> xs) {
    Chan<Integer> c = Chan.make(2);
    c.send(1);
    c.send(2);
    // BUG(GoroutineLeak): the buffer is full and there is no receiver
    c.send(3);
    return c.len();
  }

  static String roomy(String v) {
    // OK(GoroutineLeak): one slot for the one send
    Chan<String> c = Chan.make(1);
    c.send(v);
    return c.receive();
  }

  static String withReader(String v) {
    Chan<String> c = Chan.make();
    Chan<String> echoed = Chan.make(1);
    Go.go(() -> echoed.send(c.receive()));
    // OK(GoroutineLeak): the goroutine above receives it
    c.send(v);
    return echoed.receive();
  }
}
