package org.factsite.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by the commands that read a site folder. */
final class SiteOptions {
  @Option(names = {"-C", "--dir"}, paramLabel = "DIR", defaultValue = ".",
      description = "The site folder (holding site.yaml). Default: the current folder.")
  Path dir;

  @Option(names = "--drafts", description = "Include articles marked 'draft: true'.")
  boolean drafts;

  @Option(names = "--debug", description = "Show internal stack traces.")
  boolean debug;
}
