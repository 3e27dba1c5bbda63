package org.factsite.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a built site folder on 127.0.0.1 under a sub-path, the way GitHub Pages serves a project
 * site ({@code https://org.github.io/repo/}): a folder answers with its {@code index.html}, a
 * missing file answers 404 with the site's own {@code 404.html}, and every 404 is remembered so a
 * test can assert that no page asked for something the build did not make.
 */
final class SiteServer implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "csv", "text/csv; charset=utf-8",
          "json", "application/json",
          "xml", "application/xml",
          "txt", "text/plain; charset=utf-8",
          "png", "image/png",
          "ico", "image/x-icon");

  private final Path root;
  private final String prefix;
  private final HttpServer server;
  private final List<String> notFound = new ArrayList<>();

  /** Starts serving {@code root} at {@code http://127.0.0.1:<free port><prefix>}. */
  SiteServer(Path root, String prefix) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.prefix = prefix;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The site's address, ending in the sub-path and a slash. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
  }

  /** Every path that was asked for and not found, in order. */
  synchronized List<String> notFound() {
    return List.copyOf(notFound);
  }

  synchronized void forgetNotFound() {
    notFound.clear();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = URI.create(ex.getRequestURI().toString()).getPath();
      if (isFolderWithoutSlash(path)) {
        // GitHub Pages redirects /repo/page to /repo/page/ so relative links resolve.
        ex.getResponseHeaders().set("Location", path + "/");
        ex.sendResponseHeaders(301, -1);
        return;
      }
      Path file = resolve(path);
      if (file == null) {
        synchronized (this) {
          notFound.add(path);
        }
        send(ex, 404, root.resolve("404.html"));
      } else {
        send(ex, 200, file);
      }
    }
  }

  private boolean isFolderWithoutSlash(String path) {
    if (path.endsWith("/") || !(path + "/").startsWith(prefix)) {
      return false;
    }
    Path p =
        root.resolve(path.length() < prefix.length() ? "" : path.substring(prefix.length()))
            .normalize();
    return p.startsWith(root) && Files.isDirectory(p);
  }

  /** The file a request path names, or null when there is none inside the site. */
  private Path resolve(String path) {
    if (!path.startsWith(prefix)) {
      return null;
    }
    Path p = root.resolve(path.substring(prefix.length())).normalize();
    if (!p.startsWith(root)) {
      return null;
    }
    if (Files.isDirectory(p)) {
      p = p.resolve("index.html");
    }
    return Files.isRegularFile(p) ? p : null;
  }

  private static void send(HttpExchange ex, int status, Path file) throws IOException {
    byte[] body = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
    String name = file.getFileName().toString();
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    ex.getResponseHeaders()
        .set("Content-Type", TYPES.getOrDefault(ext, "application/octet-stream"));
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length == 0 ? -1 : body.length);
    if (!head && body.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
