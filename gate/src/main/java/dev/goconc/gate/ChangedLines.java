package dev.goconc.gate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lines changed since a git ref, from {@code git diff -U0 REF} over the work tree (so
 * uncommitted edits count), plus every line of untracked files, which are new. Paths are
 * relative to the work tree's top, as {@link ReportRoot} shows them.
 */
final class ChangedLines {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,(\\d+))? @@");

  private record Range(int first, int last) {}

  private final Map<String, List<Range>> ranges;
  private final Set<String> wholeFiles;

  private ChangedLines(Map<String, List<Range>> ranges, Set<String> wholeFiles) {
    this.ranges = ranges;
    this.wholeFiles = wholeFiles;
  }

  static ChangedLines since(String ref, Path workTree) throws GateException {
    Git.Result verify = Git.run(workTree, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (verify.exitCode() != 0) {
      throw new GateException("--new-since: not a git commit: " + ref);
    }
    Git.Result diff = Git.run(workTree, "diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--");
    if (diff.exitCode() != 0) {
      throw new GateException("--new-since: git diff failed: " + diff.stderr().strip());
    }
    Git.Result untracked = Git.run(workTree, "ls-files", "--others", "--exclude-standard", "-z");
    Set<String> wholeFiles = new HashSet<>();
    for (String name : untracked.stdout().split("\0", -1)) {
      if (!name.isEmpty()) {
        wholeFiles.add(name);
      }
    }
    return new ChangedLines(parse(diff.stdout()), wholeFiles);
  }

  private static Map<String, List<Range>> parse(String unifiedDiff) {
    Map<String, List<Range>> ranges = new HashMap<>();
    String current = null;
    for (String line : unifiedDiff.lines().toList()) {
      if (line.startsWith("+++ ")) {
        String target = line.substring(4);
        current = target.equals("/dev/null") ? null : target.substring(target.indexOf('/') + 1);
      } else if (current != null && line.startsWith("@@")) {
        Matcher hunk = HUNK.matcher(line);
        if (hunk.find()) {
          int start = Integer.parseInt(hunk.group(1));
          int count = hunk.group(2) == null ? 1 : Integer.parseInt(hunk.group(2));
          if (count > 0) {
            ranges.computeIfAbsent(current, k -> new ArrayList<>()).add(new Range(start, start + count - 1));
          }
        }
      }
    }
    return ranges;
  }

  boolean contains(String path, int line) {
    if (wholeFiles.contains(path)) {
      return true;
    }
    for (Range range : ranges.getOrDefault(path, List.of())) {
      if (line >= range.first() && line <= range.last()) {
        return true;
      }
    }
    return false;
  }
}
