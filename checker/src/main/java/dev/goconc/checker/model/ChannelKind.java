package dev.goconc.checker.model;

import com.google.errorprone.VisitorState;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.tools.javac.code.Symbol;
import com.sun.tools.javac.code.Type;
import dev.goconc.checker.api.GoconcApi;
import dev.goconc.checker.api.JdkApi;
import dev.goconc.checker.model.ChannelUses.Kind;
import java.util.OptionalInt;

/**
 * What the channel model ({@link ChannelUses}, {@link ChannelWaits}) needs to know of one kind of
 * channel, so that the same questions (who sends, who receives, which operation can wait for
 * ever, how much the buffer holds) are answered for goconc's {@code Chan} and for the JDK's
 * {@code BlockingQueue}: its type, how one is made and with what capacity, what each of its
 * methods does, and which sends and receives wait. Two kinds: {@link #GOCONC} and {@link #QUEUE}.
 */
public abstract class ChannelKind {
  private final UnitMemo.Fact<ChannelUses> uses;
  private final UnitMemo.Fact<java.util.Map<Symbol.VarSymbol, Symbol.VarSymbol>> aliases;

  private ChannelKind(String name) {
    this.uses = new UnitMemo.Fact<>(name + " uses");
    this.aliases = new UnitMemo.Fact<>(name + " aliases");
  }

  /** The memo of {@link ChannelUses#in} for this kind. */
  UnitMemo.Fact<ChannelUses> usesFact() {
    return uses;
  }

  /** The memo of the unit's aliases of channels of this kind (see {@link ChannelUses}). */
  UnitMemo.Fact<java.util.Map<Symbol.VarSymbol, Symbol.VarSymbol>> aliasesFact() {
    return aliases;
  }

  /** Whether a variable of {@code type} holds a channel of this kind. */
  public abstract boolean isChannelType(Type type, VisitorState state);

  /** Whether {@code expression} makes a new channel of this kind. */
  public abstract boolean isMake(ExpressionTree expression, VisitorState state);

  /**
   * The capacity a make gives its channel: a constant, {@link SendCounts#UNBOUNDED} when its sends
   * never wait for room; empty when it is not a constant.
   */
  public abstract OptionalInt capacity(ExpressionTree make, VisitorState state);

  /** What a call of the channel's method {@code name}, or a reference to it, does. */
  public abstract Kind operation(String name);

  /** Whether {@code call} names the same channel as its receiver ({@code ch.recvOnly()}). */
  public abstract boolean isView(MethodInvocationTree call, VisitorState state);

  /** Whether the send {@code call} waits for room for as long as it takes. */
  public abstract boolean sendWaits(MethodInvocationTree call, VisitorState state);

  /** Whether a reference to the channel's method {@code name} is a send that waits for room. */
  public abstract boolean sendWaits(String name);

  /** Whether the receive {@code call} waits for a value (or the close) before going on. */
  public abstract boolean receiveWaits(MethodInvocationTree call, VisitorState state);

  /**
   * Whether the waiting receive {@code call} can give up before a value comes, and then the method
   * goes on without one (a queue's {@code poll(timeout, unit)}). Repeated in a loop it is taken to
   * receive everything, as {@link #receiveWaits} says; once, it may receive nothing.
   */
  public boolean receiveMayGiveUp(MethodInvocationTree call, VisitorState state) {
    return false;
  }

  /** Whether the receive {@code name}, repeated, runs until the channel closes ({@code receiveOk}). */
  public abstract boolean receivesUntilClosed(String name);

  /** Whether a for-each over the channel receives from it (a queue's only iterates a snapshot). */
  public abstract boolean forEachReceives();

  /**
   * Whether the channel's method {@code name} is the for-each in method form, {@code
   * ch.forEach(action)}: a receive repeated until the close, the action run in place on each value
   * (it cannot leave the loop but by a throw).
   */
  public final boolean isForEach(String name) {
    return forEachReceives() && name.equals("forEach");
  }

  /** goconc's channels: {@code Chan.make}, send, receive, close, select. */
  public static final ChannelKind GOCONC =
      new ChannelKind("channel") {
        @Override
        public boolean isChannelType(Type type, VisitorState state) {
          return GoconcApi.isSubtypeOf(type, GoconcApi.SEND_CHAN, state)
              || GoconcApi.isSubtypeOf(type, GoconcApi.RECV_CHAN, state);
        }

        @Override
        public boolean isMake(ExpressionTree expression, VisitorState state) {
          return expression instanceof MethodInvocationTree call
              && GoconcApi.CHAN_MAKE.matches(call, state);
        }

        @Override
        public OptionalInt capacity(ExpressionTree make, VisitorState state) {
          return make instanceof MethodInvocationTree call
              ? ChannelUses.capacity(call)
              : OptionalInt.empty();
        }

        @Override
        public Kind operation(String name) {
          return switch (name) {
            case "send", "trySend" -> Kind.SEND;
            case "receive", "receiveOk", "tryReceive", "forEach" -> Kind.RECEIVE;
            case "close" -> Kind.CLOSE;
            case "len", "cap", "toString", "hashCode", "equals" -> Kind.NEUTRAL;
            default -> Kind.ESCAPE;
          };
        }

        @Override
        public boolean isView(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.CHAN_NARROW.matches(call, state);
        }

        @Override
        public boolean sendWaits(MethodInvocationTree call, VisitorState state) {
          return GoconcApi.CHAN_SEND.matches(call, state);
        }

        @Override
        public boolean sendWaits(String name) {
          return name.equals("send");
        }

        @Override
        public boolean receiveWaits(MethodInvocationTree call, VisitorState state) {
          return !GoconcApi.CHAN_TRY_RECEIVE.matches(call, state);
        }

        @Override
        public boolean receivesUntilClosed(String name) {
          return name.equals("receiveOk");
        }

        @Override
        public boolean forEachReceives() {
          return true;
        }
      };

  /**
   * The JDK's {@code BlockingQueue}s, channels that never close: {@code put} is the send that
   * waits for room, {@code offer}/{@code add} never wait for ever; {@code take} is the receive
   * that waits (and a timed {@code poll}, taken to wait so that a loop around one receives all),
   * an untimed {@code poll} gives up at once; {@code drainTo}, {@code clear} and every other method the
   * model cannot count are escapes. Made by the constructors {@link JdkApi#queueCapacity} knows.
   */
  public static final ChannelKind QUEUE =
      new ChannelKind("queue") {
        @Override
        public boolean isChannelType(Type type, VisitorState state) {
          return GoconcApi.isSubtypeOf(type, JdkApi.BLOCKING_QUEUE, state);
        }

        @Override
        public boolean isMake(ExpressionTree expression, VisitorState state) {
          return expression instanceof NewClassTree created
              && created.getClassBody() == null
              && JdkApi.queueCapacity(created, state) != null;
        }

        @Override
        public OptionalInt capacity(ExpressionTree make, VisitorState state) {
          if (!(make instanceof NewClassTree created)) {
            return OptionalInt.empty();
          }
          Integer capacity = JdkApi.queueCapacity(created, state);
          return capacity == null || capacity < 0
              ? OptionalInt.empty()
              : OptionalInt.of(capacity == Integer.MAX_VALUE ? SendCounts.UNBOUNDED : capacity);
        }

        @Override
        public Kind operation(String name) {
          if (JdkApi.QUEUE_SENDS.contains(name)) {
            return Kind.SEND;
          }
          if (JdkApi.QUEUE_RECEIVES.contains(name)) {
            return Kind.RECEIVE;
          }
          return JdkApi.QUEUE_INSPECTIONS.contains(name) ? Kind.NEUTRAL : Kind.ESCAPE;
        }

        @Override
        public boolean isView(MethodInvocationTree call, VisitorState state) {
          return false;
        }

        @Override
        public boolean sendWaits(MethodInvocationTree call, VisitorState state) {
          return JdkApi.QUEUE_PUT.matches(call, state);
        }

        @Override
        public boolean sendWaits(String name) {
          return name.equals("put");
        }

        @Override
        public boolean receiveWaits(MethodInvocationTree call, VisitorState state) {
          // A timed poll is taken to wait: a loop around one is taken to receive everything.
          return JdkApi.QUEUE_TAKE.matches(call, state)
              || JdkApi.QUEUE_TIMED_POLL.matches(call, state);
        }

        @Override
        public boolean receiveMayGiveUp(MethodInvocationTree call, VisitorState state) {
          return JdkApi.QUEUE_TIMED_POLL.matches(call, state);
        }

        @Override
        public boolean receivesUntilClosed(String name) {
          return false;
        }

        @Override
        public boolean forEachReceives() {
          return false;
        }
      };
}
