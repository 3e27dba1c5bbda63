package org.factsite.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Serves the preview on 127.0.0.1 only, under the same sub-path the site will have on GitHub Pages
 * ({@code /repo/}); {@code /} redirects there. Pages come from memory, with the live-reload script
 * and, after a failed build, the error overlay added. The preview's own files live under {@code
 * __factsite/}, a name no site page can have.
 */
final class PreviewServer {
  static final String OWN = "__factsite/";
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("csv", "text/csv; charset=utf-8"),
          Map.entry("json", "application/json; charset=utf-8"),
          Map.entry("xml", "application/xml; charset=utf-8"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("webp", "image/webp"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("woff", "font/woff"),
          Map.entry("pdf", "application/pdf"));

  private final HttpServer server;
  private final String basePath;
  private final Supplier<PreviewSite.State> state;
  private final PageDecorator decorator;
  private final LiveReload reload = new LiveReload();
  private final ExecutorService workers;
  private final ScheduledExecutorService pinger;

  /** Binds to 127.0.0.1:{@code port} (0 for any free port); throws when the port is taken. */
  PreviewServer(int port, String basePath, Supplier<PreviewSite.State> state) throws IOException {
    this.basePath = basePath;
    this.state = state;
    this.decorator = new PageDecorator(basePath);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    workers = Executors.newCachedThreadPool(daemon("factsite-http"));
    pinger = Executors.newSingleThreadScheduledExecutor(daemon("factsite-ping"));
    server.setExecutor(workers);
    server.createContext("/", this::handle);
  }

  void start() {
    server.start();
    pinger.scheduleAtFixedRate(reload::ping, 15, 15, TimeUnit.SECONDS);
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Tells open tabs that a build finished. */
  void built(long version) {
    reload.built(version);
  }

  void stop() {
    pinger.shutdownNow();
    reload.closeAll();
    server.stop(0);
    workers.shutdownNow();
  }

  private void handle(HttpExchange ex) {
    boolean keepOpen = false;
    try {
      keepOpen = route(ex);
    } catch (IOException e) {
      // The browser went away mid-answer; nothing to tell anyone.
    } finally {
      if (!keepOpen) {
        ex.close();
      }
    }
  }

  /** Answers one request; true when the answer is an event stream that stays open. */
  private boolean route(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      send(ex, 405, "text/plain; charset=utf-8", utf8("Only GET and HEAD are supported.\n"));
      return false;
    }
    String path = ex.getRequestURI().getPath();
    if (!path.startsWith(basePath)) {
      if (path.equals("/") || (path + "/").equals(basePath)) {
        redirect(ex, basePath);
      } else {
        send(
            ex,
            404,
            "text/html; charset=utf-8",
            utf8(
                "<!DOCTYPE html><title>Not here</title>"
                    + "<p>The site is served under <a href=\""
                    + basePath
                    + "\">"
                    + basePath
                    + "</a>, as it will be on GitHub Pages.</p>"));
      }
      return false;
    }
    String rel = path.substring(basePath.length());
    if (!rel.startsWith(OWN)) {
      site(ex, rel, path);
      return false;
    }
    switch (rel.substring(OWN.length())) {
      case "live.js" -> send(ex, 200, TYPES.get("js"), utf8(LiveReload.script(basePath)));
      case "overlay.css" -> send(ex, 200, TYPES.get("css"), utf8(ErrorOverlay.CSS));
      case "events" -> {
        reload.open(ex, state.get().version());
        return true;
      }
      default -> send(ex, 404, "text/plain; charset=utf-8", utf8("Not found\n"));
    }
    return false;
  }

  private void site(HttpExchange ex, String rel, String path) throws IOException {
    PreviewSite.State s = state.get();
    String file = rel.isEmpty() || rel.endsWith("/") ? rel + "index.html" : rel;
    byte[] body = s.files().get(file);
    if (body == null && s.files().containsKey(rel + "/index.html")) {
      redirect(ex, path + "/");
      return;
    }
    int status = 200;
    if (body == null) {
      status = 404;
      file = "404.html";
      body = s.files().get(file);
      if (body == null && s.ok()) {
        send(ex, 404, "text/plain; charset=utf-8", utf8("Nothing is published at /" + rel + "\n"));
        return;
      }
    }
    if (file.endsWith(".html")) {
      String html =
          body == null ? ErrorOverlay.emptyPage() : new String(body, StandardCharsets.UTF_8);
      body = utf8(decorator.decorate(html, s.version(), s.errors()));
    }
    send(ex, status, type(file), body);
  }

  private static String type(String file) {
    String ext = file.substring(file.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    return TYPES.getOrDefault(ext, "application/octet-stream");
  }

  private static void redirect(HttpExchange ex, String to) throws IOException {
    ex.getResponseHeaders().set("Location", URI.create(to).toASCIIString());
    send(ex, 302, "text/plain; charset=utf-8", utf8("See " + to + "\n"));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : (body.length == 0 ? -1 : body.length));
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
