package org.factsite.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site folder. */
final class SiteOptions {
  @Option(
      names = {"-C", "--dir"},
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The site folder (holding site.yaml). Default: the current folder.")
  Path dir;

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
}
