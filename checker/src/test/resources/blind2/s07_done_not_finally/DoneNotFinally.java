// Program: small cases for done() outside finally, in lambdas, anonymous classes and method references.
import dev.goconc.*;

final class DoneNotFinally {
  static void inLambda(Runnable work) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(() -> {
      work.run();
      // BUG(WaitGroupDoneNotInFinally): work can throw first
      wg.done();
    });
    wg.await();
  }

  static void inAnonymous(Runnable work) {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    Go.go(new Runnable() {
      @Override
      public void run() {
        work.run();
        // BUG(WaitGroupDoneNotInFinally): same, in an anonymous class
        wg.done();
      }
    });
    wg.await();
  }

  static void onlyDone() {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    // OK(WaitGroupDoneNotInFinally): the goroutine's only statement is done()
    Go.go(wg::done);
    wg.await();
  }

  static void onlyDoneLambda() {
    WaitGroup wg = new WaitGroup();
    wg.add(1);
    // OK(WaitGroupDoneNotInFinally): nothing before done() can throw
    Go.go(() -> wg.done());
    wg.await();
  }
}
