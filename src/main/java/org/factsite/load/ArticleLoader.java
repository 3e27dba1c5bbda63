package org.factsite.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.model.Article;
import org.factsite.model.FrontMatter;
import org.factsite.model.Ids;
import org.factsite.model.OutputPath;

/**
 * Reads one Markdown article: YAML front matter between {@code ---} lines, then the body. Works out
 * the article's output path from its folder and slug.
 */
public final class ArticleLoader {
  public static final List<String> LAYOUTS = List.of("home", "page", "sources", "not-found");
  private static final Set<String> KEYS =
      Set.of(
          "title", "summary", "slug", "date", "order", "draft", "layout", "tags", "content_note");

  private final YamlReader yaml;

  public ArticleLoader(YamlReader yaml) {
    this.yaml = yaml;
  }

  /** Loads {@code path} (e.g. {@code content/a.md}); empty after reporting when unusable. */
  public Optional<Article> load(String path, String text, Diagnostics diagnostics) {
    return loadWithLf(path, text.replace("\r\n", "\n"), diagnostics);
  }

  /**
   * As {@link #load}, for text whose Windows line ends are already turned into {@code \n} ({@link
   * Inputs#textWithLf}), which spares a search of every article for them.
   */
  public Optional<Article> loadWithLf(String path, String normalised, Diagnostics diagnostics) {
    if (!normalised.startsWith("---\n")) {
      diagnostics.error(
          new SourcePos(path, 1, 1),
          "the article has no front matter",
          "start the file with a line '---', then 'title: …', then another '---'",
          normalised);
      return Optional.empty();
    }
    int close = findClosingFence(normalised);
    if (close < 0) {
      diagnostics.error(
          new SourcePos(path, 1, 1),
          "the front matter is not closed",
          "add a line '---' after the last front-matter line",
          normalised);
      return Optional.empty();
    }
    String header = normalised.substring(4, close);
    int headerLines = countLines(normalised, close);
    int afterFence = normalised.indexOf('\n', close + 1);
    String body = afterFence < 0 ? "" : normalised.substring(afterFence + 1);
    int bodyLine = headerLines + 2;

    Optional<YamlNode> node = yaml.read(path, header, 1, normalised, diagnostics);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    Fields f = Fields.of(node.get(), "the front matter", KEYS, normalised, diagnostics);
    if (f == null) {
      return Optional.empty();
    }
    String title = f.text("title", true);
    String summary = f.text("summary", false);
    String slug = f.text("slug", false);
    LocalDate date = f.date("date");
    Integer order = f.integer("order");
    boolean draft = f.bool("draft");
    String layout = f.oneOf("layout", "layout", LAYOUTS, false);
    var tags = f.texts("tags", false);
    boolean contentNote = f.bool("content_note");

    String fileName = path.substring(path.lastIndexOf('/') + 1, path.length() - ".md".length());
    if (slug == null) {
      slug = fileName;
    } else if (!Ids.isSlug(slug)) {
      diagnostics.error(
          f.posOf("slug"),
          "the slug '" + slug + "' may only use lowercase letters, digits and hyphens",
          "try '" + suggestSlug(slug) + "'",
          normalised);
      return Optional.empty();
    }
    Optional<OutputPath> output = outputPath(path, fileName, slug, diagnostics);
    if (title == null || output.isEmpty()) {
      return Optional.empty();
    }
    FrontMatter meta =
        new FrontMatter(
            title,
            summary == null ? "" : summary,
            slug,
            date,
            order,
            draft,
            layout == null ? (output.get().value().equals("index.html") ? "home" : "page") : layout,
            tags,
            contentNote);
    return Optional.of(new Article(path, meta, body, bodyLine, output.get()));
  }

  private static Optional<OutputPath> outputPath(
      String path, String fileName, String slug, Diagnostics diagnostics) {
    String dir = path.substring("content/".length(), path.length() - fileName.length() - 3);
    for (String segment : dir.split("/")) {
      if (!segment.isEmpty() && !Ids.isSlug(segment)) {
        diagnostics.error(
            new SourcePos(path, 1, 1),
            "the folder name '" + segment + "' may only use lowercase letters, digits and hyphens",
            "rename the folder to '" + suggestSlug(segment) + "'");
        return Optional.empty();
      }
    }
    if (!Ids.isSlug(fileName) && slug.equals(fileName)) {
      diagnostics.error(
          new SourcePos(path, 1, 1),
          "the file name '" + fileName + ".md' is not a valid page address",
          "rename it to '" + suggestSlug(fileName) + ".md' or set 'slug:' in the front matter");
      return Optional.empty();
    }
    String value;
    if (dir.isEmpty() && fileName.equals("index")) {
      value = "index.html";
    } else if (dir.isEmpty() && fileName.equals("404")) {
      value = "404.html";
    } else {
      value = dir + slug + "/index.html";
    }
    return Optional.of(new OutputPath(value));
  }

  static String suggestSlug(String s) {
    String t =
        s.toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    return t.isEmpty() ? "page" : t;
  }

  private static int findClosingFence(String text) {
    int i = 4;
    if (text.startsWith("---\n", i)) {
      return i;
    }
    while (true) {
      int nl = text.indexOf("\n---", i - 1);
      if (nl < 0) {
        return -1;
      }
      int after = nl + 4;
      if (after == text.length() || text.charAt(after) == '\n') {
        return nl + 1;
      }
      i = after;
    }
  }

  private static int countLines(String text, int end) {
    int n = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }
}
