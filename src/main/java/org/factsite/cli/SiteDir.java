package org.factsite.cli;

import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;

/** The {@code --dir} option every command takes: the site folder, holding site.yaml. */
final class SiteDir {
  static final Option OPTION =
      Option.builder("C")
          .longOpt("dir")
          .hasArg()
          .argName("DIR")
          .desc("The site folder (holding site.yaml). Default: the current folder.")
          .get();

  private SiteDir() {}

  /** The folder {@code --dir} names: the current folder when it is not given. */
  static Path of(CommandLine line) {
    return Path.of(line.getOptionValue(OPTION, "."));
  }
}
