package dev.goconc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a stack frame into a {@link StartSite}, remembering the answer per call site. Reading a
 * frame's file and line builds a {@link StackTraceElement} (a trip into the VM); a call site
 * that starts goroutines in a loop pays that once. Keys are per class through a {@link
 * ClassValue}, so an unloaded class takes its entries with it.
 */
final class StartSites {
  private record CallSite(String methodName, String descriptor, int bytecodeIndex) {}

  private static final ClassValue<ConcurrentHashMap<CallSite, StartSite>> BY_CLASS =
      new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<CallSite, StartSite> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private StartSites() {}

  static StartSite of(StackWalker.StackFrame frame) {
    CallSite key = new CallSite(frame.getMethodName(), frame.getDescriptor(), frame.getByteCodeIndex());
    var sites = BY_CLASS.get(frame.getDeclaringClass());
    StartSite known = sites.get(key);
    if (known != null) {
      return known;
    }
    StartSite site = new StartSite(frame.getClassName(), frame.getMethodName(), frame.getFileName(), frame.getLineNumber());
    sites.putIfAbsent(key, site);
    return site;
  }
}
