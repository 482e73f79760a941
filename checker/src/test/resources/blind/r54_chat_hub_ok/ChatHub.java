import dev.goconc.Chan;
import dev.goconc.Context;
import dev.goconc.Go;
import dev.goconc.RecvChan;
import dev.goconc.Select;
import java.util.HashSet;
import java.util.Set;

/** A chat room: one goroutine owns the member set; members join, leave and broadcast via channels. */
public final class ChatHub {
  public static final class Member {
    final String name;
    final Chan<String> inbox = Chan.make(16);

    Member(String name) {
      this.name = name;
    }

    public RecvChan<String> inbox() {
      return inbox;
    }
  }

  private final Chan<Member> join = Chan.make();
  private final Chan<Member> leave = Chan.make();
  private final Chan<String> broadcast = Chan.make(64);

  public void run(Context ctx) {
    Set<Member> members = new HashSet<>();
    try {
      while (true) {
        boolean more =
            Select.<Boolean>select()
                .recv(join, m -> members.add(m) || true)
                .recv(leave, m -> {
                  if (members.remove(m)) {
                    // OK(ReceiverSideClose): the hub is the only sender on each member's inbox
                    m.inbox.close();
                  }
                  return true;
                })
                .recv(broadcast, msg -> {
                  members.forEach(m -> m.inbox.trySend(msg));
                  return true;
                })
                .recv(ctx.done(), d -> false)
                .run();
        if (!more) {
          return;
        }
      }
    } finally {
      members.forEach(m -> m.inbox.close());
    }
  }

  public Member join(Context ctx, String name) {
    Member m = new Member(name);
    Select.<Void>select().send(join, m, () -> null).recv(ctx.done(), d -> null).run();
    return m;
  }

  public void leave(Context ctx, Member m) {
    Select.<Void>select().send(leave, m, () -> null).recv(ctx.done(), d -> null).run();
  }

  public boolean say(String msg) {
    return broadcast.trySend(msg);
  }

  public static void start(Context ctx, ChatHub hub) {
    Go.go(() -> hub.run(ctx));
  }
}
