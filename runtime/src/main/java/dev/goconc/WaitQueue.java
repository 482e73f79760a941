package dev.goconc;

/**
 * A FIFO of {@link WaitEntry}s with O(1) removal from the middle; guarded by its channel's lock,
 * except {@link #hasWaiters()}, which a buffered channel's sender or receiver reads without the
 * lock to learn whether anyone needs notifying.
 */
final class WaitQueue {
  private WaitEntry head;
  private WaitEntry tail;

  /**
   * Whether an entry is queued; written under the lock, read without it. A waiter writes it (by
   * queueing) before it looks at the ring again; a party that changes the ring looks at it after:
   * one of them sees the other's write, so no notification is lost.
   */
  private volatile boolean nonEmpty;

  void add(WaitEntry e) {
    e.prev = tail;
    e.next = null;
    if (tail == null) {
      head = e;
    } else {
      tail.next = e;
    }
    tail = e;
    e.queued = true;
    nonEmpty = true;
  }

  /** The oldest entry, left queued, or null. */
  WaitEntry peek() {
    return head;
  }

  /** Removes and returns the oldest entry, or null. */
  WaitEntry poll() {
    WaitEntry e = head;
    if (e != null) {
      remove(e);
    }
    return e;
  }

  /** Unlinks {@code e} if it is still queued here. */
  void remove(WaitEntry e) {
    if (!e.queued) {
      return;
    }
    if (e.prev == null) {
      head = e.next;
    } else {
      e.prev.next = e.next;
    }
    if (e.next == null) {
      tail = e.prev;
    } else {
      e.next.prev = e.prev;
    }
    e.prev = null;
    e.next = null;
    e.queued = false;
    if (head == null) {
      nonEmpty = false;
    }
  }

  boolean isEmpty() {
    return head == null;
  }

  /** Whether an entry may be queued; callable without the lock (see {@link #nonEmpty}). */
  boolean hasWaiters() {
    return nonEmpty;
  }
}
