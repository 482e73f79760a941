package dev.goconc.bench;

/**
 * One channel-like queue under test, seen through the two operations every benchmark needs.
 * JMH forks a JVM per parameter set, so each fork loads one implementation and this call site
 * stays monomorphic.
 */
interface Pipe {
  void put(Integer value);

  Integer take();
}
