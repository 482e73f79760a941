package dev.goconc;

/** A FIFO of {@link WaitEntry}s with O(1) removal from the middle; guarded by its channel's lock. */
final class WaitQueue {
  private WaitEntry head;
  private WaitEntry tail;

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
  }

  boolean isEmpty() {
    return head == null;
  }
}
