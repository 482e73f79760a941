import dev.goconc.Context;
import dev.goconc.ErrGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Checks links concurrently; writes an audit record even when the request was cancelled. */
final class LinkChecker {
  interface Http {
    int head(Context ctx, String url) throws Exception;
  }

  interface Audit {
    void record(Context ctx, String url, int status);
  }

  private final Http http;
  private final Audit audit;

  LinkChecker(Http http, Audit audit) {
    this.http = http;
    this.audit = audit;
  }

  List<String> broken(Context ctx, List<String> urls) throws Throwable {
    List<String> bad = Collections.synchronizedList(new ArrayList<>());
    ErrGroup g = ErrGroup.withContext(ctx);
    urls.forEach(
        u ->
            g.go(
                () -> {
                  int status = -1;
                  try {
                    status = http.head(g.context(), u);
                    if (status >= 400) {
                      bad.add(u);
                    }
                  } finally {
                    // OK(BackgroundContextInsteadOfParameter): detached on purpose with withoutCancel so the audit survives cancellation
                    audit.record(Context.withoutCancel(ctx), u, status);
                  }
                }));
    Throwable err = g.await();
    if (err != null) {
      throw err;
    }
    return bad;
  }

  /** A fallback for callers that pass no context. */
  int probe(Context ctx, String url) throws Exception {
    // OK(BackgroundContextInsteadOfParameter): null fallback
    Context c = ctx != null ? ctx : Context.background();
    return http.head(c, url);
  }
}
