import dev.goconc.Chan;
import dev.goconc.Go;
import dev.goconc.SendChan;
import java.util.ArrayList;
import java.util.List;

/** A print spooler: one goroutine owns the printer and prints queued jobs in order. */
final class Spooler implements AutoCloseable {
  record Job(String owner, String document, int copies) {}

  interface Printer {
    void print(Job j);
  }

  private final Chan<Job> queue = Chan.make(100);
  private final Chan<List<Job>> finished = Chan.make(1);

  Spooler(Printer printer) {
    Go.go(() -> {
      List<Job> printed = new ArrayList<>();
      try {
        // OK(UnclosedChannel): close() closes the queue
        for (Job j : queue) {
          printer.print(j);
          printed.add(j);
        }
      } finally {
        finished.send(printed);
      }
    });
  }

  SendChan<Job> submissions() {
    return queue.sendOnly();
  }

  boolean submit(Job j) {
    return queue.trySend(j);
  }

  List<Job> drainAndStop() {
    // OK(ReceiverSideClose): the spooler's owner closes the queue; this method never receives from it
    queue.close();
    return finished.receive();
  }

  @Override
  public void close() {
    drainAndStop();
  }
}
