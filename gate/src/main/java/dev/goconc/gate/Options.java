package dev.goconc.gate;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code goconc-check}, parsed; every mistake is a {@link GateException}. */
record Options(
    List<String> paths,
    ReportFormat format,
    FailOn failOn,
    List<String> classpath,
    String baseline,
    boolean updateBaseline,
    String newSince,
    String root,
    String output,
    String maven,
    boolean help) {

  static final String USAGE =
      """
      usage: goconc-check [options] PATH...
        Compiles the Java sources under each PATH (a .java file, a directory, or a Maven
        module: its pom.xml or a directory holding one) with javac, Error Prone and the
        goconc rules, and reports the goconc findings. Sources are only compiled, with
        annotation processing off; a Maven module's classpath is resolved by running Maven.

        --format text|sarif|json   report format (default text)
        --output FILE              write the report to FILE instead of standard output
        --fail-on error|warning|none
                                   exit 1 when a finding at or above this remains (default error)
        --classpath, -cp CP        the sources' dependencies (the goconc runtime is always added last)
        --baseline FILE            accept the findings listed in FILE; write FILE when it is absent
        --update-baseline          rewrite the baseline with the current findings
        --new-since GITREF         report only findings on lines changed since GITREF
        --maven CMD                the Maven that resolves a module's classpath (default: mvn
                                   on the PATH; --maven ./mvnw runs the checkout's wrapper)
        --root DIR                 make reported paths relative to DIR (default: the git
                                   work tree of the current directory, else the directory)
        --help                     print this help

      exit status: 0 no failing finding, 1 failing findings, 2 usage error or sources that
      do not compile
      """;

  static Options parse(String[] args) throws GateException {
    List<String> paths = new ArrayList<>();
    ReportFormat format = ReportFormat.TEXT;
    FailOn failOn = FailOn.ERROR;
    List<String> classpath = new ArrayList<>();
    String baseline = null;
    boolean updateBaseline = false;
    String newSince = null;
    String root = null;
    String output = null;
    String maven = null;
    boolean help = false;
    boolean onlyPaths = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (onlyPaths || !arg.startsWith("-") || arg.equals("-")) {
        paths.add(arg);
        continue;
      }
      String name = arg;
      String inlineValue = null;
      int equals = arg.indexOf('=');
      if (arg.startsWith("--") && equals > 0) {
        name = arg.substring(0, equals);
        inlineValue = arg.substring(equals + 1);
      }
      switch (name) {
        case "--" -> onlyPaths = true;
        case "--help", "-h" -> help = flag(name, inlineValue);
        case "--update-baseline" -> updateBaseline = flag(name, inlineValue);
        case "--format" -> format = choice(name, inlineValue != null ? inlineValue : next(args, ++i, name), ReportFormat.class);
        case "--fail-on" -> failOn = choice(name, inlineValue != null ? inlineValue : next(args, ++i, name), FailOn.class);
        case "--classpath", "-cp", "--class-path" ->
            classpath.addAll(Arrays.asList((inlineValue != null ? inlineValue : next(args, ++i, name)).split(File.pathSeparator)));
        case "--baseline" -> baseline = inlineValue != null ? inlineValue : next(args, ++i, name);
        case "--new-since" -> newSince = inlineValue != null ? inlineValue : next(args, ++i, name);
        case "--root" -> root = inlineValue != null ? inlineValue : next(args, ++i, name);
        case "--output", "-o" -> output = inlineValue != null ? inlineValue : next(args, ++i, name);
        case "--maven" -> maven = inlineValue != null ? inlineValue : next(args, ++i, name);
        default -> throw new GateException("unknown option " + arg + "\n" + USAGE);
      }
    }
    if (help) {
      return new Options(paths, format, failOn, classpath, baseline, updateBaseline, newSince, root, output, maven, true);
    }
    if (paths.isEmpty()) {
      throw new GateException("no PATH given\n" + USAGE);
    }
    if (updateBaseline && baseline == null) {
      throw new GateException("--update-baseline needs --baseline FILE");
    }
    classpath.removeIf(String::isEmpty);
    return new Options(
        List.copyOf(paths), format, failOn, List.copyOf(classpath), baseline, updateBaseline, newSince, root, output, maven, false);
  }

  private static boolean flag(String name, String inlineValue) throws GateException {
    if (inlineValue != null) {
      throw new GateException(name + " takes no value");
    }
    return true;
  }

  private static String next(String[] args, int index, String name) throws GateException {
    if (index >= args.length) {
      throw new GateException(name + " needs a value");
    }
    return args[index];
  }

  private static <E extends Enum<E>> E choice(String name, String value, Class<E> type)
      throws GateException {
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    String allowed =
        String.join("|", Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(java.util.Locale.ROOT)).toList());
    throw new GateException(name + " must be one of " + allowed + ", not '" + value + "'");
  }
}
