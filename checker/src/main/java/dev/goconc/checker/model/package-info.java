/**
 * The model of a compilation unit's concurrency that every rule queries: goroutine bodies in
 * every form Java writes them and where each is launched; channels (goconc's, and the JDK's
 * blocking queues: {@link dev.goconc.checker.model.ChannelKind}) with their creation, capacity,
 * aliases and escapes, and each operation on them with the code unit it runs in and how often;
 * contexts, interrupts and their cancel obligations; WaitGroups and their JDK cousins (latches,
 * semaphores, phasers), described by their count-up, count-down and wait calls; and the one crash
 * policy. Only this package knows Java's shapes; a rule asks it questions and never walks the
 * syntax itself for them.
 *
 * <p>Facts are computed once per tree and shared between rules through {@link
 * dev.goconc.checker.model.UnitMemo}.
 */
package dev.goconc.checker.model;
