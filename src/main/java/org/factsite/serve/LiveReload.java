package org.factsite.serve;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live reload over server-sent events. Each open tab holds one {@code events} stream; after every
 * build the server sends the new build version and the tab's script reloads when it differs from
 * the version the page was served at. A tab that reconnects after the server restarted reloads too,
 * because the first message it gets carries the new version.
 */
final class LiveReload {
  private final Set<HttpExchange> clients = ConcurrentHashMap.newKeySet();

  /** Keeps {@code exchange} open as an event stream and sends it the current version. */
  void open(HttpExchange exchange, long version) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.sendResponseHeaders(200, 0);
    clients.add(exchange);
    send(exchange, "retry: 500\n\ndata: " + version + "\n\n");
  }

  /** Tells every open tab about build {@code version}. */
  void built(long version) {
    clients.forEach(c -> send(c, "data: " + version + "\n\n"));
  }

  /** A comment line, so that idle connections are noticed when a tab has gone. */
  void ping() {
    clients.forEach(c -> send(c, ": ping\n\n"));
  }

  int clients() {
    return clients.size();
  }

  void closeAll() {
    clients.forEach(this::drop);
  }

  private void send(HttpExchange c, String text) {
    try {
      OutputStream out = c.getResponseBody();
      synchronized (c) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      drop(c);
    }
  }

  private void drop(HttpExchange c) {
    clients.remove(c);
    c.close();
  }

  /** The script every served page loads; it knows only the site's base path. */
  static String script(String basePath) {
    return """
        // factsite preview: reloads this tab when the site is rebuilt. Not part of the built site.
        (function () {
          var meta = document.querySelector('meta[name="factsite-build"]');
          var served = meta ? meta.getAttribute('content') : null;
          var events = new EventSource('%s__factsite/events');
          events.onmessage = function (e) {
            if (served !== null && e.data !== served) {
              events.close();
              window.location.reload();
            }
          };
        })();
        """
        .formatted(basePath);
  }
}
