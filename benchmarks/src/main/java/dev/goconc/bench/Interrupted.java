package dev.goconc.bench;

/** An interrupt inside a benchmark's worker: unchecked, flag kept. */
final class Interrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private Interrupted(InterruptedException cause) {
    super(cause);
  }

  static Interrupted of(InterruptedException e) {
    Thread.currentThread().interrupt();
    return new Interrupted(e);
  }
}
