package org.factsite.cli;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/**
 * Options shared by the commands that read a site folder: build and check.
 *
 * @param dir the site folder (--dir)
 * @param drafts whether articles marked 'draft: true' are included
 * @param baseUrl the address the site is published at, or null for site.yaml's
 * @param debug whether internal errors show their stack trace
 * @param noCache whether everything is made afresh, nothing reused from what earlier builds kept
 */
record SiteOptions(Path dir, boolean drafts, String baseUrl, boolean debug, boolean noCache) {
  private static final Option DRAFTS =
      Option.builder().longOpt("drafts").desc("Include articles marked 'draft: true'.").get();

  private static final Option BASE_URL =
      Option.builder()
          .longOpt("base-url")
          .hasArg()
          .argName("URL")
          .desc(
              "The address the site is published at (overrides base_url in site.yaml),"
                  + " e.g. https://org.github.io/repo/.")
          .get();

  /** Also taken by serve. */
  static final Option DEBUG =
      Option.builder().longOpt("debug").desc("Show internal stack traces.").get();

  private static final Option NO_CACHE =
      Option.builder()
          .longOpt("no-cache")
          .desc(
              "Make everything afresh (charts, articles, pages and what the checks read from"
                  + " them) instead of reusing what earlier builds kept (in"
                  + " $XDG_CACHE_HOME/factsite or ~/.cache/factsite).")
          .get();

  static final List<Option> OPTIONS = List.of(SiteDir.OPTION, DRAFTS, BASE_URL, DEBUG, NO_CACHE);

  static SiteOptions of(CommandLine line) {
    return new SiteOptions(
        SiteDir.of(line),
        line.hasOption(DRAFTS),
        line.getOptionValue(BASE_URL),
        line.hasOption(DEBUG),
        line.hasOption(NO_CACHE));
  }
}
