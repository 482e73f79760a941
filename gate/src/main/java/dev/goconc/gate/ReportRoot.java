package dev.goconc.gate;

import java.io.File;
import java.nio.file.Path;

/**
 * The directory that reported paths are relative to: {@code --root}, else the git work tree
 * holding the current directory, else the current directory. GitHub code scanning and
 * reviewdog resolve SARIF locations against the repository root, and {@code --new-since}
 * matches {@code git diff} paths, so both need repository-relative paths. A file outside the
 * root keeps its absolute path.
 */
record ReportRoot(Path dir) {

  static ReportRoot choose(Path explicitRoot, Path cwd) {
    if (explicitRoot != null) {
      return new ReportRoot(cwd.resolve(explicitRoot).toAbsolutePath().normalize());
    }
    Path gitTop = Git.topLevel(cwd);
    return new ReportRoot(gitTop != null ? gitTop : cwd.toAbsolutePath().normalize());
  }

  String display(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(dir) ? dir.relativize(absolute) : absolute;
    return shown.toString().replace(File.separatorChar, '/');
  }
}
