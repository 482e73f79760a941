import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.WaitGroup;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** An open-source license scanner: walks a dependency tree and detects SPDX identifiers. */
public class LicenseScanner {
  public record SourceFile(String path, String header) {}

  public record Module(String name, List<SourceFile> files) {}

  private static final Pattern SPDX = Pattern.compile("SPDX-License-Identifier:\\s*([\\w.+-]+)");
  private static final Set<String> COPYLEFT = Set.of("GPL-2.0-only", "GPL-3.0-or-later", "AGPL-3.0-only");

  private final Map<String, String> licenses = new ConcurrentHashMap<>();

  /** Scans every module; each module's scanner fans out per file. */
  public Map<String, String> scan(List<Module> modules) {
    WaitGroup files = new WaitGroup();
    WaitGroup mods = new WaitGroup();
    for (Module m : modules) {
      mods.go(() -> {
        for (SourceFile f : m.files()) {
          Go.go(() -> {
            // BUG(WaitGroupAddInGoroutine): the file goroutine adds itself; scan's await may already have passed
            files.add(1);
            try {
              detect(m, f);
            } finally {
              files.done();
            }
          });
        }
      });
    }
    mods.await();
    files.await();
    return Map.copyOf(licenses);
  }

  /** The fixed scan: each module's scanner adds for its own children and awaits them itself. */
  public Map<String, String> scanFixed(List<Module> modules) {
    WaitGroup mods = new WaitGroup();
    for (Module m : modules) {
      mods.go(() -> {
        WaitGroup files = new WaitGroup();
        for (SourceFile f : m.files()) {
          // OK(WaitGroupAddInGoroutine): the module goroutine adds for its own children and awaits them
          files.add(1);
          Go.go(() -> {
            try {
              detect(m, f);
            } finally {
              files.done();
            }
          });
        }
        files.await();
      });
    }
    mods.await();
    return Map.copyOf(licenses);
  }

  /** Flags copyleft modules; the request context is only for the caller's deadline. */
  public List<String> copyleft(Context ctx, List<Module> modules) {
    if (ctx.err() != null) {
      return List.of();
    }
    return scanFixed(modules).entrySet().stream()
        .filter(e -> COPYLEFT.contains(e.getValue()))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private void detect(Module m, SourceFile f) {
    var matcher = SPDX.matcher(f.header());
    if (matcher.find()) {
      licenses.merge(m.name(), matcher.group(1), (a, b) -> a.equals(b) ? a : a + " AND " + b);
    }
  }
}
