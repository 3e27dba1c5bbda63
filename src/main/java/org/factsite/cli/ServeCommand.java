package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.factsite.build.KeptStores;
import org.factsite.serve.PreviewSession;

/**
 * {@code factsite serve}: the live preview. Builds into memory (never into site/), serves on
 * 127.0.0.1 under the site's GitHub Pages sub-path, and rebuilds as files are saved. Runs until
 * Ctrl-C, which stops the server and the watcher and exits quietly.
 */
final class ServeCommand implements Command {
  private static final Option PORT =
      Option.builder("p")
          .longOpt("port")
          .hasArg()
          .argName("N")
          .desc("The port to serve on. Default: 8080, or any free port when 8080 is taken.")
          .get();

  private static final Option DRAFTS =
      Option.builder()
          .longOpt("drafts")
          .desc("Show articles marked 'draft: true', with a draft banner. Default: on.")
          .get();

  private static final Option NO_DRAFTS =
      Option.builder()
          .longOpt("no-drafts")
          .desc("Leave drafts out: preview the site as build will publish it.")
          .get();

  private static final Option BASE_PATH =
      Option.builder()
          .longOpt("base-path")
          .hasArg()
          .argName("PATH")
          .desc(
              "The sub-path to serve under, e.g. /repo/. Default: the path of base_url in"
                  + " site.yaml.")
          .get();

  private static final Option VERBOSE =
      Option.builder("v")
          .longOpt("verbose")
          .desc("Also print each phase's time after every rebuild.")
          .get();

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String description() {
    return "Preview the site on 127.0.0.1, rebuilding and reloading the browser as files"
        + " change. Drafts are shown. Nothing is written to site/.";
  }

  @Override
  public List<Option> options() {
    return List.of(SiteDir.OPTION, PORT, DRAFTS, NO_DRAFTS, BASE_PATH, VERBOSE, SiteOptions.DEBUG);
  }

  @Override
  public int run(CommandLine line, PrintWriter out, PrintWriter err) {
    Path dir = SiteDir.of(line);
    Integer port = port(line);
    if (line.hasOption(DRAFTS) && line.hasOption(NO_DRAFTS)) {
      throw new UsageException("give --drafts or --no-drafts, not both");
    }
    boolean drafts = !line.hasOption(NO_DRAFTS);
    if (line.hasOption(SiteOptions.DEBUG)) {
      System.setProperty("factsite.debug", "true");
    }
    if (!Files.isDirectory(dir)) {
      err.println("factsite: " + dir + " is not a folder");
      err.flush();
      return ExitCode.USAGE.code;
    }
    if (port != null && (port < 0 || port > 65535)) {
      throw new UsageException("--port must be between 0 and 65535");
    }
    PreviewSession session;
    try {
      session =
          PreviewSession.start(
              dir,
              new PreviewSession.Options(
                  port,
                  drafts,
                  line.getOptionValue(BASE_PATH),
                  line.hasOption(VERBOSE),
                  KeptFolder.readOnly(dir).orElse(KeptStores.NONE)),
              out,
              err);
    } catch (BindException e) {
      err.println(
          "factsite: port "
              + port
              + " is already in use; stop what is using it, choose"
              + " another with --port, or leave --port out to let factsite pick a free one");
      err.flush();
      return ExitCode.USAGE.code;
    } catch (IOException e) {
      err.println("factsite: could not start the preview: " + e.getMessage());
      err.flush();
      return ExitCode.BUILD_ERROR.code;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  session.close();
                  out.println("Stopped.");
                  out.flush();
                  stopped.countDown();
                },
                "factsite-stop"));
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return ExitCode.OK.code;
  }

  /** The --port number, or null when it is not given. */
  private static Integer port(CommandLine line) {
    String port = line.getOptionValue(PORT);
    try {
      return port == null ? null : Integer.valueOf(port);
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number between 0 and 65535, not '" + port + "'");
    }
  }
}
