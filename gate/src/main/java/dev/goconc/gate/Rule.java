package dev.goconc.gate;

/** A goconc rule as its {@code @BugPattern} declares it. */
record Rule(String name, String summary, Severity defaultSeverity, String link) {}
