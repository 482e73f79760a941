import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.List;
import java.util.function.Function;

/** Downloads from every mirror and keeps the fastest. */
public final class MirrorRace {
  private final Function<String, byte[]> download;

  public MirrorRace(Function<String, byte[]> download) {
    this.download = download;
  }

  public byte[] fastest(List<String> mirrors) {
    Chan<byte[]> first = Chan.make();
    mirrors.stream()
        .map(m -> m + "/artifact.tar.gz")
        .forEach(
            url ->
                Go.go(
                    () -> {
                      byte[] body = download.apply(url);
                      // BUG(GoroutineLeak): only the first result is received; every slower mirror's goroutine blocks here forever
                      first.send(body);
                    }));
    return first.receive();
  }

  public byte[] fastestBuffered(List<String> mirrors) {
    Chan<byte[]> first = Chan.make(mirrors.size());
    for (String m : mirrors) {
      // OK(GoroutineLeak): one slot per mirror, so the losers' sends complete
      Go.go(() -> first.send(download.apply(m + "/artifact.tar.gz")));
    }
    return first.receive();
  }
}
