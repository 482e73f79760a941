import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.WaitGroup;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A shader compiler cache: compiles GLSL variants once, streams the binaries back. */
public class ShaderCompiler {
  public record Variant(String source, List<String> defines) {
    String key() {
      return HexFormat.of().toHexDigits((source + defines).hashCode());
    }
  }

  public record Binary(String key, byte[] spirv) {}

  public static class CompileError extends RuntimeException {
    public CompileError(String msg) {
      super(msg);
    }
  }

  private final Map<String, Binary> cache = new ConcurrentHashMap<>();

  /** Compiles the variants in order; a compile error aborts the stream. */
  public RecvChan<Binary> compileAll(List<Variant> variants) {
    Chan<Binary> out = Chan.make(variants.size());
    Go.go(() -> {
      for (Variant v : variants) {
        Binary b = cache.computeIfAbsent(v.key(), k -> compile(v));
        out.send(b);
      }
      // OK(UnclosedChannel): by the catalog's path rules an implicit exception from a call is not a path, so every path closes
      out.close();
    });
    return out;
  }

  /** The fixed stream: closed in finally. */
  public RecvChan<Binary> compileAllFixed(List<Variant> variants) {
    Chan<Binary> out = Chan.make(variants.size());
    Go.go(() -> {
      try {
        for (Variant v : variants) {
          out.send(cache.computeIfAbsent(v.key(), k -> compile(v)));
        }
      } finally {
        // OK(UnclosedChannel): closed on the exception path as well
        out.close();
      }
    });
    return out;
  }

  public int loadingScreen(List<Variant> variants) {
    int loaded = 0;
    for (Binary b : compileAll(variants)) {
      loaded += b.spirv().length > 0 ? 1 : 0;
    }
    return loaded;
  }

  /** Precompiles the variants of several materials in parallel. */
  public void precompile(List<List<Variant>> materials) {
    WaitGroup wg = new WaitGroup();
    // BUG(WaitGroupDoneExceedsAdd): one add for the batch, but every material's goroutine calls done
    wg.add(1);
    for (List<Variant> m : materials) {
      Go.go(() -> {
        try {
          m.forEach(v -> cache.computeIfAbsent(v.key(), k -> compile(v)));
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  /** The fixed precompile: one add per launch. */
  public void precompileFixed(List<List<Variant>> materials) {
    WaitGroup wg = new WaitGroup();
    // OK(WaitGroupDoneExceedsAdd): the add covers every goroutine's done
    wg.add(materials.size());
    for (List<Variant> m : materials) {
      Go.go(() -> {
        try {
          m.forEach(v -> cache.computeIfAbsent(v.key(), k -> compile(v)));
        } finally {
          wg.done();
        }
      });
    }
    wg.await();
  }

  Binary compile(Variant v) {
    if (v.source().contains("#error")) {
      throw new CompileError("variant " + v.defines() + " does not compile");
    }
    byte[] spirv = (v.source() + String.join(",", v.defines())).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return new Binary(v.key(), spirv);
  }
}
