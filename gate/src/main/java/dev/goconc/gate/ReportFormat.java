package dev.goconc.gate;

import java.util.List;
import java.util.Locale;

/** The output formats of {@code --format}; each renders sorted findings as one document. */
enum ReportFormat {
  TEXT {
    @Override
    String render(List<Finding> findings, RuleCatalog rules) {
      return TextReport.render(findings);
    }
  },
  JSON {
    @Override
    String render(List<Finding> findings, RuleCatalog rules) {
      return JsonReport.render(findings);
    }
  },
  SARIF {
    @Override
    String render(List<Finding> findings, RuleCatalog rules) {
      return SarifReport.render(findings, rules);
    }
  };

  abstract String render(List<Finding> findings, RuleCatalog rules);

  static ReportFormat parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
