package org.factsite.cli;

import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site folder. */
final class SiteOptions {
  @Mixin SiteDir siteDir;

  @Option(names = "--drafts", description = "Include articles marked 'draft: true'.")
  boolean drafts;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "The address the site is published at (overrides base_url in site.yaml),"
              + " e.g. https://org.github.io/repo/.")
  String baseUrl;

  @Option(names = "--debug", description = "Show internal stack traces.")
  boolean debug;

  @Option(
      names = "--no-cache",
      description =
          "Draw every chart afresh instead of reusing the drawings kept from earlier builds"
              + " (in $XDG_CACHE_HOME/factsite or ~/.cache/factsite).")
  boolean noCache;

  Path dir() {
    return siteDir.dir;
  }
}
