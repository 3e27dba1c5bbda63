package org.factsite.render.chart;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.factsite.keep.KeptFile;

/**
 * Keeps drawn charts on disk between runs, so a rebuild whose charts did not change draws none
 * (drawing is most of a small site's build: fonts, XChart and the SVG writer all start cold in
 * every process). One file per drawing, named by a hash of the chart's content key and of the code
 * that drew it ({@code identity}: a changed jar never reuses an old drawing).
 *
 * <p>The folder is the tool's own: it lives in the user's cache folder, one per site, never inside
 * the site, so a repository cannot ship drawings that the build would publish unchecked. Anything
 * unreadable there counts as missing and is drawn again; files are written under a private name and
 * renamed into place, so a reader never sees half a drawing.
 */
public final class ChartStore {
  private static final String SUFFIX = ".chart.json";

  /**
   * Jackson's streaming reader and writer, made when a drawing is first read or written. Its object
   * mapper was made with this class, on every rebuild that kept anything, charts or not, and its
   * start (date formats, time zones) took about 25 ms before the site was even read.
   */
  private static final class Json {
    static final JsonFactory FACTORY = new JsonFactory();
  }

  private final Path dir;
  private final String identity;
  private final boolean readOnly;

  public ChartStore(Path dir, String identity) {
    this(dir, identity, false);
  }

  /**
   * Drawings in {@code dir} that are only read: {@link #write} and {@link #retain} do nothing (for
   * the preview server, which must not remove a build's drawings of charts only it leaves out).
   */
  public static ChartStore readOnly(Path dir, String identity) {
    return new ChartStore(dir, identity, true);
  }

  private ChartStore(Path dir, String identity, boolean readOnly) {
    this.dir = dir;
    this.identity = identity;
    this.readOnly = readOnly;
  }

  /** The drawings stored for a chart with this content key, if readable. */
  public Optional<ChartPictures> read(String key) {
    Path f = dir.resolve(fileName(key));
    try (JsonParser p = Json.FACTORY.createParser(Files.readString(f, StandardCharsets.UTF_8))) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      RenderedChart wide = null;
      RenderedChart narrow = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        switch (name) {
          case "wide" -> wide = picture(p);
          case "narrow" -> narrow = picture(p);
          default -> p.skipChildren();
        }
      }
      return wide == null || narrow == null
          ? Optional.empty()
          : Optional.of(new ChartPictures(wide, narrow));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // missing or damaged: drawn again and rewritten
    }
  }

  /** Stores the drawings for this content key; a failure only means a later redraw. */
  public void write(String key, ChartPictures pictures) {
    if (readOnly) {
      return;
    }
    try {
      StringWriter json = new StringWriter();
      try (JsonGenerator g = Json.FACTORY.createGenerator(json)) {
        g.writeStartObject();
        g.writeFieldName("wide");
        write(g, pictures.wide());
        g.writeFieldName("narrow");
        write(g, pictures.narrow());
        g.writeEndObject();
      }
      KeptFile.replace(
          dir.resolve(fileName(key)),
          tmp -> Files.writeString(tmp, json.toString(), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      // The cache is an optimisation: the build goes on with the drawing it has.
    }
  }

  /**
   * Removes stored drawings of charts the site no longer has, and half-written files a stopped
   * build left (only this store's own files).
   */
  public void retain(Set<String> keys) {
    if (readOnly) {
      return;
    }
    Set<String> keep = keys.stream().map(this::fileName).collect(Collectors.toSet());
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
      for (Path f : files) {
        String name = f.getFileName().toString();
        if (name.endsWith(SUFFIX) ? !keep.contains(name) : KeptFile.isTemporary(name)) {
          Files.deleteIfExists(f);
        }
      }
    } catch (IOException | RuntimeException e) {
      // Nothing stored yet, or the folder went away: nothing to tidy.
    }
  }

  Path dir() {
    return dir;
  }

  private String fileName(String key) {
    return sha256(identity + "\n" + key) + SUFFIX;
  }

  private static void write(JsonGenerator g, RenderedChart r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("width", r.width());
    g.writeNumberField("height", r.height());
    g.writeStringField("svg", r.svg());
    g.writeEndObject();
  }

  /** The drawing whose object the parser stands at the start of, read to its end. */
  private static RenderedChart picture(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw new IllegalArgumentException("damaged drawing");
    }
    int width = 0;
    int height = 0;
    String svg = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "width" -> width = p.getValueAsInt();
        case "height" -> height = p.getValueAsInt();
        case "svg" -> svg = p.getValueAsString();
        default -> p.skipChildren();
      }
    }
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("damaged drawing size");
    }
    return new RenderedChart(svg, width, height);
  }

  /**
   * Lowercase hex SHA-256 of the text's UTF-8 bytes: the names of charts, their drawings and the
   * folders kept for each site.
   */
  public static String sha256(String s) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
