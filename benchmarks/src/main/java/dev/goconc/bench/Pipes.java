package dev.goconc.bench;

import com.softwaremill.jox.Channel;
import dev.goconc.Chan;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;

/**
 * Makes a {@link Pipe} of each implementation the suite compares. Capacity 0 is a rendezvous
 * (a put completes when a taker has the value). {@code LinkedTransferQueue} has no bound: at
 * capacity 0 it rendezvouses with {@code transfer}, above 0 it is unbounded (the fastest a
 * queue without back-pressure can be), which the tables say.
 */
final class Pipes {
  static final String GOCONC = "goconc";
  static final String JOX = "jox";
  static final String SYNCHRONOUS_QUEUE = "SynchronousQueue";
  static final String ARRAY_BLOCKING_QUEUE = "ArrayBlockingQueue";
  static final String LINKED_TRANSFER_QUEUE = "LinkedTransferQueue";

  private Pipes() {}

  static Pipe create(String impl, int capacity) {
    return switch (impl) {
      case GOCONC -> goconc(capacity == 0 ? Chan.make() : Chan.make(capacity));
      case JOX -> jox(capacity == 0 ? Channel.newRendezvousChannel() : Channel.newBufferedChannel(capacity));
      case SYNCHRONOUS_QUEUE -> {
        requireCapacity(impl, capacity, capacity == 0);
        yield queue(new SynchronousQueue<>());
      }
      case ARRAY_BLOCKING_QUEUE -> {
        requireCapacity(impl, capacity, capacity > 0);
        yield queue(new ArrayBlockingQueue<>(capacity));
      }
      case LINKED_TRANSFER_QUEUE -> capacity == 0 ? transferQueue(new LinkedTransferQueue<>()) : queue(new LinkedTransferQueue<>());
      default -> throw new IllegalArgumentException("unknown implementation: " + impl);
    };
  }

  /**
   * Fails fast when an implementation cannot move a value at all (a runtime built before its
   * channels landed), instead of leaving the benchmark's threads blocked forever.
   */
  static void probe(String impl) {
    if (impl.equals(SYNCHRONOUS_QUEUE)) {
      return; // a rendezvous only; nothing to probe on one thread
    }
    Pipe p = create(impl, 1);
    p.put(7);
    if (p.take() != 7) {
      throw new IllegalStateException(impl + " lost a value");
    }
  }

  private static void requireCapacity(String impl, int capacity, boolean ok) {
    if (!ok) {
      throw new IllegalArgumentException(impl + " cannot have capacity " + capacity);
    }
  }

  private static Pipe goconc(Chan<Integer> ch) {
    return new Pipe() {
      @Override
      public void put(Integer value) {
        ch.send(value);
      }

      @Override
      public Integer take() {
        return ch.receive();
      }
    };
  }

  private static Pipe jox(Channel<Integer> ch) {
    return new Pipe() {
      @Override
      public void put(Integer value) {
        try {
          ch.send(value);
        } catch (InterruptedException e) {
          throw Interrupted.of(e);
        }
      }

      @Override
      public Integer take() {
        try {
          return ch.receive();
        } catch (InterruptedException e) {
          throw Interrupted.of(e);
        }
      }
    };
  }

  private static Pipe queue(BlockingQueue<Integer> q) {
    return new Pipe() {
      @Override
      public void put(Integer value) {
        try {
          q.put(value);
        } catch (InterruptedException e) {
          throw Interrupted.of(e);
        }
      }

      @Override
      public Integer take() {
        try {
          return q.take();
        } catch (InterruptedException e) {
          throw Interrupted.of(e);
        }
      }
    };
  }

  private static Pipe transferQueue(LinkedTransferQueue<Integer> q) {
    return new TransferPipe(q);
  }

  private record TransferPipe(LinkedTransferQueue<Integer> q) implements Pipe {
    @Override
    public void put(Integer value) {
      try {
        q.transfer(value);
      } catch (InterruptedException e) {
        throw Interrupted.of(e);
      }
    }

    @Override
    public Integer take() {
      try {
        return q.take();
      } catch (InterruptedException e) {
        throw Interrupted.of(e);
      }
    }
  }
}
