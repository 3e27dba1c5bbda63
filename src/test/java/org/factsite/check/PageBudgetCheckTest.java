package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.factsite.build.BuildOptions;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/** Page weight: 250 KB unless site.yaml sets page_budget_kb, and the message says how to fix it. */
class PageBudgetCheckTest {
  private static TestSite heavySite(String extraConfig) {
    // About 300 KB of prose: a long index of a big site.
    String para = "Words enough to weigh the page down, again and again. ".repeat(20) + "\n\n";
    TestSite site =
        TestSite.of("-- content/long.md --\n---\ntitle: Long\n---\n" + para.repeat(280))
            .withDefaults();
    site.files().put("site.yaml", "title: Test site\nlanguage: en-GB\n" + extraConfig);
    return site;
  }

  @Test
  void pageOverTheDefaultBudgetFails() {
    TestSite.Built b = heavySite("").build().assertFails();
    assertTrue(
        b.errors().contains("long/index.html weighs")
            && b.errors().contains("over the 250 KB budget"),
        b.errors());
    assertTrue(b.errors().contains("raise page_budget_kb in site.yaml"), b.errors());
  }

  @Test
  void siteCanRaiseItsBudget() {
    heavySite("page_budget_kb: 1024\n").build().assertOk();
  }

  @Test
  void raisedBudgetHoldsWhenThePublishAddressIsOverridden() {
    // The deploy workflow and the preview server both pass the address to publish at; the
    // site's own budget must survive that.
    heavySite("page_budget_kb: 1024\n")
        .build(new BuildOptions(false, "https://example.org/campaign/"))
        .assertOk();
  }

  @Test
  void budgetMustBePositive() {
    heavySite("page_budget_kb: 0\n")
        .build()
        .assertError(
            "site.yaml:3:17: page_budget_kb should be a whole number of kilobytes above 0, like 250");
  }
}
