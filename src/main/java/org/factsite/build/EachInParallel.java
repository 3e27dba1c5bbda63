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
    Runnable worker = new EachItem<>(new AtomicInteger(), items, action);
    alongside(worker, worker, workers - 1, NOTHING);
  }

  private static final Runnable NOTHING = new Nothing();

  private static final class Nothing implements Runnable {
    @Override
    public void run() {}
  }

  /** One worker of {@link #run}: takes items until none are left or one of them failed. */
  private static final class EachItem<T> implements Runnable {
    private final AtomicInteger next;
    private final List<T> items;
    private final Consumer<? super T> action;

    EachItem(AtomicInteger next, List<T> items, Consumer<? super T> action) {
      this.next = next;
      this.items = items;
      this.action = action;
    }

    @Override
    public void run() {
      for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
        try {
          action.accept(items.get(i));
        } catch (RuntimeException | Error e) {
          next.set(items.size());
          throw e;
        }
      }
    }
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
    AtomicBoolean leading = new AtomicBoolean(true);
    Runnable worker = new WhileLeading<>(leading, new AtomicInteger(), items, action);
    alongside(lead, worker, workers, new StopLeading(leading));
  }

  /** One worker of {@link #meanwhile}: takes items until none are left or the lead is done. */
  private static final class WhileLeading<T> implements Runnable {
    private final AtomicBoolean leading;
    private final AtomicInteger next;
    private final List<T> items;
    private final Consumer<? super T> action;

    WhileLeading(
        AtomicBoolean leading, AtomicInteger next, List<T> items, Consumer<? super T> action) {
      this.leading = leading;
      this.next = next;
      this.items = items;
      this.action = action;
    }

    @Override
    public void run() {
      while (leading.get()) {
        int i = next.getAndIncrement();
        if (i >= items.size()) {
          return;
        }
        action.accept(items.get(i));
      }
    }
  }

  private static final class StopLeading implements Runnable {
    private final AtomicBoolean leading;

    StopLeading(AtomicBoolean leading) {
      this.leading = leading;
    }

    @Override
    public void run() {
      leading.set(false);
    }
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
