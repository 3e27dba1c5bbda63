package org.factsite.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.factsite.serve.PreviewSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code factsite serve}: the live preview. Builds into memory (never into site/), serves on
 * 127.0.0.1 under the site's GitHub Pages sub-path, and rebuilds as files are saved. Runs until
 * Ctrl-C, which stops the server and the watcher and exits quietly.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description =
        "Preview the site on 127.0.0.1, rebuilding and reloading the browser as files"
            + " change. Drafts are shown. Nothing is written to site/.")
final class ServeCommand implements Callable<Integer> {
  @Mixin SiteDir site;

  @Option(
      names = {"-p", "--port"},
      paramLabel = "N",
      description = "The port to serve on. Default: 8080, or any free port when 8080 is taken.")
  Integer port;

  @Option(
      names = "--drafts",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description =
          "Show articles marked 'draft: true' (with a draft banner). Default: on;"
              + " --no-drafts previews the site as build will publish it.")
  boolean drafts;

  @Option(
      names = "--base-path",
      paramLabel = "PATH",
      description =
          "The sub-path to serve under, e.g. /repo/. Default: the path of base_url in"
              + " site.yaml.")
  String basePath;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print each phase's time after every" + " rebuild.")
  boolean verbose;

  @Option(names = "--debug", description = "Show internal stack traces.")
  boolean debug;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (debug) {
      System.setProperty("factsite.debug", "true");
    }
    if (!Files.isDirectory(site.dir)) {
      err.println("factsite: " + site.dir + " is not a folder");
      err.flush();
      return ExitCode.USAGE.code;
    }
    if (port != null && (port < 0 || port > 65535)) {
      err.println("factsite: --port must be between 0 and 65535");
      err.flush();
      return ExitCode.USAGE.code;
    }
    PreviewSession session;
    try {
      session =
          PreviewSession.start(
              site.dir, new PreviewSession.Options(port, drafts, basePath, verbose), out, err);
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
    stopped.await();
    return ExitCode.OK.code;
  }
}
