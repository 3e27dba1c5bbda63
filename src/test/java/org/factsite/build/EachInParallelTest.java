package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Pages are shared out one at a time, so a slow page never holds back the pages after it. */
class EachInParallelTest {
  @Test
  void everyItemIsDoneExactlyOnce() {
    List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
    ConcurrentHashMap<Integer, Integer> seen = new ConcurrentHashMap<>();
    EachInParallel.run(items, i -> seen.merge(i, 1, Integer::sum));
    assertEquals(items.size(), seen.size());
    assertTrue(seen.values().stream().allMatch(n -> n == 1), "an item was done twice");
  }

  @Test
  void whileOnePageIsSlowTheOtherWorkersDoAllTheRest() throws Exception {
    // The first item waits until every other item is done. A split into fixed chunks (as a
    // parallel stream makes) leaves the rest of the first chunk waiting behind it, and the
    // wait runs out; shared out one at a time, the other workers finish everything.
    int n = 2_000;
    CountDownLatch others = new CountDownLatch(n - 1);
    AtomicBoolean released = new AtomicBoolean();
    EachInParallel.run(
        IntStream.range(0, n).boxed().toList(),
        i -> {
          if (i == 0) {
            try {
              released.set(others.await(20, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          } else {
            others.countDown();
          }
        });
    assertTrue(released.get(), "the other items waited for the slow one");
  }

  @Test
  void aFailingItemReachesTheCaller() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                EachInParallel.run(
                    IntStream.range(0, 100).boxed().toList(),
                    i -> {
                      if (i == 42) {
                        throw new IllegalStateException("item 42");
                      }
                    }));
    assertTrue(e.getMessage().contains("item 42"), e.getMessage());
  }

  @Test
  void oneItemOrNoneRunsOnTheCaller() {
    ConcurrentHashMap<Integer, Thread> where = new ConcurrentHashMap<>();
    EachInParallel.run(List.of(7), i -> where.put(i, Thread.currentThread()));
    assertEquals(Thread.currentThread(), where.get(7));
    EachInParallel.run(List.<Integer>of(), i -> where.put(i, Thread.currentThread()));
    assertEquals(1, where.size());
  }

  @Test
  void meanwhileTheOtherWorkersStartItemsUntilTheLeadIsDoneAndFinishThem() {
    // The lead returns once three items are done; every item started by then is finished when
    // meanwhile returns, and the workers take no more: most of the slow items are left.
    int n = 2_000;
    CountDownLatch three = new CountDownLatch(3);
    AtomicInteger started = new AtomicInteger();
    AtomicInteger finished = new AtomicInteger();
    AtomicBoolean leadSawThree = new AtomicBoolean();
    EachInParallel.meanwhile(
        () -> {
          try {
            leadSawThree.set(three.await(20, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        },
        IntStream.range(0, n).boxed().toList(),
        i -> {
          started.incrementAndGet();
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          finished.incrementAndGet();
          three.countDown();
        });
    assertTrue(leadSawThree.get(), "the workers did not start items while the lead ran");
    assertEquals(started.get(), finished.get(), "an item was still running");
    assertTrue(started.get() >= 3 && started.get() < n / 2, started + " items were started");
  }

  @Test
  void meanwhileAFailureOfTheLeadOrAnItemReachesTheCaller() {
    IllegalStateException lead =
        assertThrows(
            IllegalStateException.class,
            () ->
                EachInParallel.meanwhile(
                    () -> {
                      throw new IllegalStateException("lead");
                    },
                    List.of(1, 2, 3),
                    i -> {}));
    assertEquals("lead", lead.getMessage());
    CountDownLatch failed = new CountDownLatch(1);
    IllegalStateException item =
        assertThrows(
            IllegalStateException.class,
            () ->
                EachInParallel.meanwhile(
                    () -> {
                      try {
                        failed.await(20, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                    },
                    List.of(1, 2, 3),
                    i -> {
                      failed.countDown();
                      throw new IllegalStateException("item " + i);
                    }));
    assertTrue(item.getMessage().contains("item "), item.getMessage());
  }
}
