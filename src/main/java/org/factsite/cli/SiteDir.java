package org.factsite.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --dir} option every command takes: the site folder, holding site.yaml. */
final class SiteDir {
  @Option(
      names = {"-C", "--dir"},
      paramLabel = "DIR",
      defaultValue = ".",
      description = "The site folder (holding site.yaml). Default: the current folder.")
  Path dir;
}
