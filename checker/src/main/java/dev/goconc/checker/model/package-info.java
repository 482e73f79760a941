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
 * <p>Across the methods and fields of the unit, each question is answered only where the code a
 * call runs is certain (declared in the unit, not overridable, not recursive): what a method does
 * to a channel it is given ({@link dev.goconc.checker.model.ParameterEffects}), to a WaitGroup
 * several calls away ({@link dev.goconc.checker.model.HelperGroupCalls}), or to the task it is
 * handed ({@link dev.goconc.checker.model.LaunchingHelpers}); a class's channel fields and their
 * leaks ({@link dev.goconc.checker.model.FieldChannels}, {@link
 * dev.goconc.checker.model.FieldChannelLeaks}, {@link
 * dev.goconc.checker.model.ReceiveOnlyAccessors}); the channel a method returns ({@link
 * dev.goconc.checker.model.ReturnedChannels}); an object not yet shared ({@link
 * dev.goconc.checker.model.FreshObjectBuffers}); a goroutine's close of a field that nothing
 * orders against the sends after its launch ({@link dev.goconc.checker.model.UnorderedCloses});
 * and an object that alone can cancel a context, dropped by the method that made it ({@link
 * dev.goconc.checker.model.DroppedOwners}).
 *
 * <p>Facts are computed once per tree and shared between rules through {@link
 * dev.goconc.checker.model.UnitMemo}.
 */
package dev.goconc.checker.model;
