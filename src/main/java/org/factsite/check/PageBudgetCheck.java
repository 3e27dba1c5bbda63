package org.factsite.check;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;

/**
 * Keeps each page light for readers on slow phones: the page with the stylesheet, images and charts
 * it loads must stay under the site's page budget ({@code page_budget_kb} in site.yaml, 250 KB
 * unless set), and no font over {@link #FONT_BUDGET}. When over, the message names the page and its
 * largest assets. A browser downloads one candidate of a {@code <picture>} (the phone drawing or
 * the wide one), so a picture counts as its largest candidate, not as the sum of them.
 */
final class PageBudgetCheck {
  static final int FONT_BUDGET = 30 * 1024;

  private PageBudgetCheck() {}

  static void run(
      Map<String, PageFacts> pages,
      Map<String, byte[]> files,
      int budgetKb,
      Map<String, String> sourceOf,
      Diagnostics d) {
    long budget = budgetKb * 1024L;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      String path = e.getKey();
      byte[] bytes = e.getValue();
      if ((path.endsWith(".woff2") || path.endsWith(".woff") || path.endsWith(".ttf"))
          && bytes.length > FONT_BUDGET) {
        d.error(
            SourcePos.of(path),
            "web font is " + kb(bytes.length) + ", over the " + kb(FONT_BUDGET) + " budget",
            "subset the font or use system fonts");
      }
    }
    for (Map.Entry<String, PageFacts> e : pages.entrySet()) {
      String page = e.getKey();
      PageFacts facts = e.getValue();
      if (facts.assets().isEmpty()) {
        // Most pages of a large site; spares a rebuild two allocations per page.
        if (files.get(page).length > budget) {
          report(page, files.get(page).length, List.of(), files, budget, sourceOf, d);
        }
        continue;
      }
      Set<String> assets = new LinkedHashSet<>();
      for (List<String> group : facts.assets()) {
        String largest = null;
        for (String ref : group) {
          String target = facts.target(page, LinkCheck.pathPart(ref));
          if (target != null
              && files.containsKey(target)
              && (largest == null || files.get(target).length > files.get(largest).length)) {
            largest = target;
          }
        }
        if (largest != null) {
          assets.add(largest);
        }
      }
      long total = files.get(page).length;
      List<String> sized = new ArrayList<>();
      for (String a : assets) {
        total += files.get(a).length;
        sized.add(a);
      }
      if (total > budget) {
        report(page, total, sized, files, budget, sourceOf, d);
      }
    }
  }

  private static void report(
      String page,
      long total,
      List<String> sized,
      Map<String, byte[]> files,
      long budget,
      Map<String, String> sourceOf,
      Diagnostics d) {
    List<String> bySize = new ArrayList<>(sized);
    bySize.sort((x, y) -> Integer.compare(files.get(y).length, files.get(x).length));
    StringBuilder largest = new StringBuilder();
    for (String a : bySize.subList(0, Math.min(3, bySize.size()))) {
      largest
          .append(largest.length() == 0 ? "" : ", ")
          .append(a)
          .append(" (")
          .append(kb(files.get(a).length))
          .append(')');
    }
    d.error(
        SourcePos.of(SiteChecks.origin(sourceOf, page)),
        page + " weighs " + kb(total) + " with its assets, over the " + kb(budget) + " budget",
        "largest: "
            + page
            + " ("
            + kb(files.get(page).length)
            + ")"
            + (largest.length() > 0 ? ", " + largest : "")
            + "; split the page, or raise page_budget_kb in site.yaml");
  }

  static String kb(long bytes) {
    return (bytes + 512) / 1024 + " KB";
  }
}
