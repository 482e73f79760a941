import dev.goconc.*;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A code-review bot: runs linters on a pull request's changed files and posts comments. */
public class ReviewBot {
  public record PullRequest(int number, List<String> changedFiles) {}
  public record Comment(String file, int line, String text) {}

  public interface Linter {
    List<Comment> lint(Context ctx, String file);
  }

  public interface Forge {
    void post(Context ctx, int pr, List<Comment> comments);
  }

  private final List<Linter> linters;
  private final Forge forge;

  public ReviewBot(List<Linter> linters, Forge forge) {
    this.linters = List.copyOf(linters);
    this.forge = forge;
  }

  public void reviewBroken(Context ctx, PullRequest pr) {
    List<Comment> all = new ArrayList<>();
    for (String file : pr.changedFiles()) {
      for (Linter l : linters) {
        // BUG(LostCancel): the timeout context is created inline and passed on: nobody can cancel it
        all.addAll(l.lint(Context.withTimeout(ctx, Duration.ofSeconds(30)), file));
      }
    }
    forge.post(ctx, pr.number(), all);
  }

  public void review(Context ctx, PullRequest pr) {
    List<Comment> all = new ArrayList<>();
    for (String file : pr.changedFiles()) {
      for (Linter l : linters) {
        try (CancelContext perFile = Context.withTimeout(ctx, Duration.ofSeconds(30))) {
          all.addAll(l.lint(perFile, file));
        }
      }
    }
    forge.post(ctx, pr.number(), all);
  }

  /** Posting the summary must survive the webhook's request ending. */
  public void postSummaryBroken(Context ctx, PullRequest pr, List<Comment> comments) {
    Go.go(() -> {
      // BUG(BackgroundContextInsteadOfParameter): a fresh background context inside a method whose ctx is in scope
      forge.post(Context.background(), pr.number(), comments);
    });
  }

  public void postSummary(Context ctx, PullRequest pr, List<Comment> comments) {
    // OK(BackgroundContextInsteadOfParameter): withoutCancel detaches from the webhook on purpose
    Context detached = Context.withoutCancel(ctx);
    Go.go(() -> forge.post(detached, pr.number(), comments));
  }

  /** Lints every file at once, with a shared deadline for the whole review. */
  public List<Comment> lintAllBroken(Context ctx, PullRequest pr) {
    // BUG(LostCancel): the deadline context is never cancelled on the normal return path
    CancelContext deadline = Context.withTimeout(ctx, Duration.ofMinutes(2));
    ErrGroup g = ErrGroup.withContext(deadline);
    List<Comment> all = java.util.Collections.synchronizedList(new ArrayList<>());
    for (String f : pr.changedFiles()) {
      g.go(() -> linters.forEach(l -> all.addAll(l.lint(g.context(), f))));
    }
    g.await();
    return all;
  }
}
