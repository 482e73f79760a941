package dev.goconc.checker.metamorphic;

/** One source file a rule test hands to {@code addSourceLines}: its file name and text. */
record TestSource(String fileName, String text) {}
