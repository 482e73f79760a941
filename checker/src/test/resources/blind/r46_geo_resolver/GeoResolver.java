import dev.goconc.Chan;
import dev.goconc.Go;
import java.util.Locale;

/** Resolves an IP to a country by asking a slow database on a goroutine. */
public final class GeoResolver {
  public interface Db {
    String country(String ip);
  }

  private final Db db;

  public GeoResolver(Db db) {
    this.db = db;
  }

  public String resolve(String ip, String acceptLanguage) {
    Chan<String> country = Chan.make();
    Go.go(
        () -> {
          String c = db.country(ip);
          // BUG(GoroutineLeak): when the caller throws on a bad header below, nobody ever receives and this send blocks forever
          country.send(c);
        });
    Locale locale = Locale.forLanguageTag(acceptLanguage);
    if (locale.getLanguage().isEmpty()) {
      throw new IllegalArgumentException("bad Accept-Language: " + acceptLanguage);
    }
    return country.receive() + "/" + locale.getLanguage();
  }

  public String resolveChecked(String ip, String acceptLanguage) {
    Locale locale = Locale.forLanguageTag(acceptLanguage);
    if (locale.getLanguage().isEmpty()) {
      throw new IllegalArgumentException("bad Accept-Language: " + acceptLanguage);
    }
    Chan<String> country = Chan.make();
    // OK(GoroutineLeak): validation happens before the launch; the parent receives on every path after it
    Go.go(() -> country.send(db.country(ip)));
    String c = country.receive();
    return c + "/" + locale.getLanguage();
  }
}
