package dev.goconc.checker.metamorphic;

import java.util.List;
import java.util.Map;

/**
 * The summary the README carries: per rule, its cases, and for each transformation the
 * variants whose verdict changed over the variants judged ({@code changed/judged}).
 */
final class ResultsTable {
  private ResultsTable() {}

  static String markdown(MetamorphicRun run) {
    List<Transformation> transformations = run.transformations;
    StringBuilder table = new StringBuilder();
    table.append("| rule | cases |");
    for (int i = 0; i < transformations.size(); i++) {
      table.append(" T").append(i + 1).append(" |");
    }
    table.append(" all |\n|---|---:|");
    table.append("---:|".repeat(transformations.size() + 1)).append('\n');
    int[][] totals = new int[transformations.size()][2];
    int totalCases = 0;
    for (Map.Entry<String, MetamorphicRun.Tally> rule : run.tallies.entrySet()) {
      MetamorphicRun.Tally tally = rule.getValue();
      totalCases += tally.cases;
      table.append("| ").append(rule.getKey()).append(" | ").append(tally.cases).append(" |");
      int changed = 0;
      int judged = 0;
      for (int i = 0; i < transformations.size(); i++) {
        int[] cell = tally.byTransformation.getOrDefault(transformations.get(i).name(), new int[2]);
        table.append(' ').append(cell(cell)).append(" |");
        changed += cell[1];
        judged += cell[0];
        totals[i][0] += cell[0];
        totals[i][1] += cell[1];
      }
      table.append(' ').append(cell(new int[] {judged, changed})).append(" |\n");
    }
    table.append("| all | ").append(totalCases).append(" |");
    int changed = 0;
    int judged = 0;
    for (int[] total : totals) {
      table.append(' ').append(cell(total)).append(" |");
      judged += total[0];
      changed += total[1];
    }
    table.append(' ').append(cell(new int[] {judged, changed})).append(" |\n\n");
    for (int i = 0; i < transformations.size(); i++) {
      table.append("T").append(i + 1).append(": ").append(transformations.get(i).name());
      table.append(i + 1 < transformations.size() ? "; " : ".\n");
    }
    return table.toString();
  }

  private static String cell(int[] judgedAndChanged) {
    return judgedAndChanged[0] == 0 ? "-" : judgedAndChanged[1] + "/" + judgedAndChanged[0];
  }
}
