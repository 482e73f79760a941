/**
 * All-paths questions over a body's control-flow graph (the Checker Framework dataflow graph
 * bundled with Error Prone), and the few shapes that answer them from the source alone so that a
 * rule can skip building a graph. The project's path rules live here: implicit exceptions of
 * ordinary calls are not paths, an explicit {@code throw} is, and a call that never returns ends a
 * path.
 */
package dev.goconc.checker.flow;
