package org.factsite.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.factsite.testing.Fixtures;
import org.factsite.testing.TestSite;
import org.junit.jupiter.api.Test;

/**
 * The build refuses a chart figure that has lost any part of its promise to readers who cannot see
 * the picture. Each test takes the campaign's real figure template and removes one part.
 */
class FigureContractCheckTest {
  private static final String SITE = Fixtures.SHARE_CHART_PAGE;

  private static TestSite.Built buildWith(String figureTemplate) {
    TestSite site = TestSite.of(SITE).withDefaults();
    site.files().put("templates/figure.ftlh", figureTemplate);
    return site.build();
  }

  private static String figure() throws Exception {
    return Files.readString(Path.of("templates/figure.ftlh"));
  }

  private static void assertRefused(String template, String lack) {
    TestSite.Built b = buildWith(template);
    b.assertFails();
    assertTrue(
        b.errors().contains("chart figure 'figure-share' on a/index.html lacks " + lack),
        b.errors());
  }

  @Test
  void theCampaignFigureTemplateKeepsEveryPromise() throws Exception {
    buildWith(figure())
        .assertOk()
        .assertFileContains("a/index.html", "Download the data for figure 1 (CSV, ");
  }

  @Test
  void aFigureWithoutItsHeadlineIsRefused() throws Exception {
    assertRefused(figure().replace("class=\"chart-headline\"", "class=\"x\""), "a headline");
  }

  @Test
  void aFigureWithoutItsDescriptionIsRefused() throws Exception {
    assertRefused(
        figure().replace("<p class=\"chart-description\">${chart.description}</p>", ""),
        "a text description");
  }

  @Test
  void aFigureWithoutItsSourceIsRefused() throws Exception {
    assertRefused(figure().replace("class=\"chart-source\"", "class=\"x\""), "a source line");
  }

  @Test
  void aFigureWithoutItsTableOrHeaderScopesIsRefused() throws Exception {
    String noTable = figure().replaceAll("(?s)<table>.*</table>", "");
    assertRefused(noTable, "a data table with a caption");
    assertRefused(
        figure().replace("scope=\"row\"", "").replace("scope=\"col\"", ""),
        "table header cells with scope");
  }

  @Test
  void aFigureWithoutItsCsvOrPictureSizeIsRefused() throws Exception {
    assertRefused(
        figure().replaceAll("<a href=\"\\$\\{chart.csvHref}\"[^>]*>", "<a>"),
        "a CSV download link");
    assertRefused(
        figure().replace(" width=\"${chart.width?c}\"", ""),
        "a picture with alt text, width and height");
  }
}
