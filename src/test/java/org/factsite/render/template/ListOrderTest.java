package org.factsite.render.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.factsite.model.Article;
import org.factsite.model.FrontMatter;
import org.factsite.model.OutputPath;
import org.junit.jupiter.api.Test;

/**
 * Every list on the site is newest first, undated last, then by order (unordered last), title and
 * source path: the written-out comparator sorts as the chained one it replaced.
 */
class ListOrderTest {
  private static final Comparator<Article> CHAINED =
      Comparator.comparing(
              (Article a) -> a.meta().date(), Comparator.nullsLast(Comparator.reverseOrder()))
          .thenComparing(a -> a.meta().order(), Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(a -> a.meta().title())
          .thenComparing(Article::sourcePath);

  private static Article article(String path, LocalDate date, Integer order, String title) {
    FrontMatter meta =
        new FrontMatter(title, "", null, date, order, false, "page", List.of(), false);
    return new Article(path, meta, "", 1, new OutputPath(path.replace(".md", "/index.html")));
  }

  @Test
  void newestFirstUndatedLastThenOrderTitleAndPath() {
    Article old = article("content/old.md", LocalDate.of(2019, 1, 1), null, "Z");
    Article newer = article("content/new.md", LocalDate.of(2020, 6, 1), null, "Z");
    Article undated = article("content/undated.md", null, null, "A");
    Article first = article("content/b.md", LocalDate.of(2019, 1, 1), 1, "Z");
    Article sameButPath = article("content/a.md", LocalDate.of(2019, 1, 1), 1, "Z");
    List<Article> list = new ArrayList<>(List.of(undated, old, first, newer, sameButPath));
    list.sort(PageViewFactory.LIST_ORDER);
    assertEquals(List.of(newer, sameButPath, first, old, undated), list);
  }

  @Test
  void sortsAsTheChainedComparator() {
    Random random = new Random(7);
    List<Article> articles = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      articles.add(
          article(
              "content/p" + random.nextInt(50) + ".md",
              random.nextInt(4) == 0 ? null : LocalDate.of(2020, 1, 1 + random.nextInt(5)),
              random.nextInt(3) == 0 ? null : random.nextInt(4) - 1,
              "T" + random.nextInt(3)));
    }
    for (Article x : articles) {
      for (Article y : articles) {
        assertEquals(
            Integer.signum(CHAINED.compare(x, y)),
            Integer.signum(PageViewFactory.LIST_ORDER.compare(x, y)),
            x + " against " + y);
      }
    }
  }
}
