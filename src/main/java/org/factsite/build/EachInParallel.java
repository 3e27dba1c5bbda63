package org.factsite.build;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs an action on every item of a list on all cores, each worker taking the next item as soon as
 * it is free. A parallel stream instead cuts the list into a few fixed chunks up front (four per
 * worker); when the pages cost unequal amounts (a home page listing 10,000 articles beside 10,000
 * short ones) one core finished its chunks and sat idle for the last part of the build while the
 * other worked through its last chunk. Here the last core to finish is at most one item behind.
 */
final class EachInParallel {
  private EachInParallel() {}

  /**
   * Calls {@code action} once for every item, on the common pool and the calling thread, and
   * returns when all calls are done. The first exception an action throws is rethrown (the other
   * workers stop taking items).
   */
  static <T> void run(List<T> items, Consumer<? super T> action) {
    int workers = Math.min(items.size(), ForkJoinPool.getCommonPoolParallelism() + 1);
    if (workers <= 1) {
      items.forEach(action);
      return;
    }
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
            try {
              action.accept(items.get(i));
            } catch (RuntimeException | Error e) {
              next.set(items.size());
              throw e;
            }
          }
        };
    alongside(worker, worker, workers - 1, () -> {});
  }

  /**
   * Runs {@code lead} on the calling thread while the pool's workers call {@code action} on the
   * items in order, each worker taking the next as soon as it is free, until {@code lead} has
   * returned; returns when {@code lead} and every call started are done. Items not reached are left
   * for the caller. For work that one thread must do before the rest can go on (the first build's
   * template set-up) when part of the rest can start without it. The first exception thrown by
   * {@code lead} or an action is rethrown.
   */
  static <T> void meanwhile(Runnable lead, List<T> items, Consumer<? super T> action) {
    int workers = Math.min(items.size(), ForkJoinPool.getCommonPoolParallelism());
    if (workers < 1) {
      lead.run();
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean leading = new AtomicBoolean(true);
    Runnable worker =
        () -> {
          while (leading.get()) {
            int i = next.getAndIncrement();
            if (i >= items.size()) {
              return;
            }
            action.accept(items.get(i));
          }
        };
    alongside(lead, worker, workers, () -> leading.set(false));
  }

  /**
   * Runs {@code here} on the calling thread and {@code worker} on {@code count} of the pool's
   * threads; {@code done} runs as soon as {@code here} returns or throws. Returns when every one
   * has finished, rethrowing the first exception.
   */
  private static void alongside(Runnable here, Runnable worker, int count, Runnable done) {
    List<ForkJoinTask<?>> others = new ArrayList<>(count);
    for (int w = 0; w < count; w++) {
      others.add(ForkJoinPool.commonPool().submit(worker));
    }
    RuntimeException failure = null;
    try {
      here.run();
    } catch (RuntimeException e) {
      failure = e;
    } finally {
      done.run();
    }
    for (ForkJoinTask<?> task : others) {
      try {
        task.join();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
