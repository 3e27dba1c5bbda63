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

  Path dir() {
    return siteDir.dir;
  }
}
