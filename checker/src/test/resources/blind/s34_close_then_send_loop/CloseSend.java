import dev.goconc.Chan;
import java.util.List;

class CloseSend {
  static void emit(Chan<String> out, List<String> lines) {
    for (String l : lines) {
      if (l.equals("EOF")) {
        out.close();
      }
      // BUG(SendOnClosedChannel): after the close above, this send on the same path throws
      out.send(l);
    }
  }

  static void emitFixed(Chan<String> out, List<String> lines) {
    for (String l : lines) {
      if (l.equals("EOF")) {
        out.close();
        // OK(SendOnClosedChannel): returns right after closing
        return;
      }
      out.send(l);
    }
  }
}
