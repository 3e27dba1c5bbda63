package org.factsite.load;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML into {@link YamlNode}s that keep their line and column. Configured once for hostile
 * input: a size limit, a nesting limit, no aliases (so no "billion laughs"), no custom tags,
 * duplicate keys refused. Problems become diagnostics; nothing is thrown to the caller.
 *
 * <p>Documents in the simple form most front matter is written in ({@link SimpleYaml}) are read
 * without Jackson, into the same nodes; Jackson reads every other document, and says what is wrong
 * with one it cannot read.
 */
public final class YamlReader {
  /** Largest YAML document accepted, in characters. */
  public static final int MAX_CHARS = 1_000_000;

  /** Deepest nesting accepted. Real site files nest three or four levels. */
  public static final int MAX_DEPTH = 32;

  /** Made when first needed: front matter and settings in the simple form never need it. */
  private volatile YAMLFactory factory;

  private YAMLFactory factory() {
    YAMLFactory f = factory;
    if (f == null) {
      synchronized (this) {
        f = factory;
        if (f == null) {
          factory = f = newFactory();
        }
      }
    }
    return f;
  }

  private static YAMLFactory newFactory() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(0);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_DEPTH + 2);
    options.setCodePointLimit(MAX_CHARS + 16);
    options.setTagInspector(tag -> false);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(options)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 2)
                    .maxStringLength(MAX_CHARS)
                    .maxNumberLength(100)
                    .build())
            .build();
    // Duplicate keys are caught while the node tree is built, where the message can name both
    // lines; Jackson's own check would point after the key and say less.
    factory.disable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return factory;
  }

  /**
   * Parses {@code text} (the whole file, or a front-matter block) read from {@code path}. {@code
   * lineOffset} is added to every line, for front matter that starts below line 1. Returns empty
   * when the text could not be read; the reason is in {@code diagnostics}.
   */
  public Optional<YamlNode> read(
      String path, String text, int lineOffset, String fileText, Diagnostics diagnostics) {
    if (text.length() > MAX_CHARS) {
      diagnostics.error(
          new SourcePos(path, 1, 1),
          "file is too large (" + text.length() + " characters; the limit is " + MAX_CHARS + ")",
          "split it into smaller files");
      return Optional.empty();
    }
    YamlNode simple = SimpleYaml.read(path, text, lineOffset);
    if (simple != null) {
      return Optional.of(simple);
    }
    return readWithJackson(path, text, lineOffset, fileText, diagnostics);
  }

  /** {@link #read} without its reading of simple YAML: every document through Jackson. */
  Optional<YamlNode> readWithJackson(
      String path, String text, int lineOffset, String fileText, Diagnostics diagnostics) {
    try (JsonParser parser = factory().createParser(text)) {
      Builder b = new Builder(parser, path, lineOffset, fileText, diagnostics);
      JsonToken first = parser.nextToken();
      if (first == null) {
        return Optional.of(new YamlNode.Mapping(Map.of(), new SourcePos(path, 1 + lineOffset, 1)));
      }
      return b.value(0);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
        // SnakeYAML's marks are 0-based. The problem mark says where the parser noticed; for an
        // unclosed quote or bracket, or a key without ':', that is often the end of the file, so
        // point at where the broken construct began (the context mark) instead.
        Mark at = opensConstruct(m) ? m.getContextMark() : m.getProblemMark();
        diagnostics.error(
            new SourcePos(path, at.getLine() + 1 + lineOffset, at.getColumn() + 1),
            describe(m),
            hintFor(m),
            fileText);
        return Optional.empty();
      }
      JsonLocation loc = e.getLocation();
      int line = loc == null ? 1 + lineOffset : Math.max(1, loc.getLineNr()) + lineOffset;
      int col = loc == null ? 1 : Math.max(1, loc.getColumnNr());
      diagnostics.error(new SourcePos(path, line, col), describe(e), hintFor(e), fileText);
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      diagnostics.error(
          new SourcePos(path, 1, 1), "could not read YAML: " + firstLine(e.getMessage()));
      return Optional.empty();
    }
  }

  private static String describe(JsonProcessingException e) {
    String m = firstLine(e.getOriginalMessage());
    if (m.contains("Duplicate field")) {
      return "this key appears twice: " + m.replaceAll(".*Duplicate field ", "");
    }
    if (m.toLowerCase(java.util.Locale.ROOT).contains("alias")
        || m.toLowerCase(java.util.Locale.ROOT).contains("anchor")) {
      return "YAML anchors and aliases (& and *) are not allowed";
    }
    if (m.contains("Global tag is not allowed") || m.contains("tag")) {
      return "YAML tags (!!something) are not allowed";
    }
    if (m.contains("Nesting depth") || m.contains("nesting")) {
      return "the YAML nests too deeply (limit " + MAX_DEPTH + " levels)";
    }
    return "invalid YAML: " + m;
  }

  private static boolean opensConstruct(MarkedYAMLException e) {
    String c = String.valueOf(e.getContext());
    return e.getContextMark() != null
        && (c.contains("quoted scalar")
            || c.contains("flow sequence")
            || c.contains("flow mapping")
            || c.contains("simple key"));
  }

  /** SnakeYAML's context ("while scanning a quoted scalar") and problem, said for editors. */
  private static String describe(MarkedYAMLException e) {
    String problem = firstLine(e.getProblem());
    String context = String.valueOf(e.getContext());
    String lower = (problem + " " + context).toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("alias") || lower.contains("anchor")) {
      return "YAML anchors and aliases (& and *) are not allowed";
    }
    if (lower.contains("global tag") || lower.contains("tag")) {
      return "YAML tags (!!something) are not allowed";
    }
    if (lower.contains("nesting depth")) {
      return "the YAML nests too deeply (limit " + MAX_DEPTH + " levels)";
    }
    if (lower.contains("code points") || lower.contains("exceeds the limit")) {
      return "file is too large (the limit is " + MAX_CHARS + " characters)";
    }
    if (problem.contains("\\t") || problem.contains("(TAB)")) {
      return "invalid YAML: a tab is used for indentation";
    }
    if (opensConstruct(e)) {
      if (context.contains("quoted scalar")) {
        return "invalid YAML: the quote that starts here is never closed";
      }
      if (context.contains("flow sequence")) {
        return "invalid YAML: the [ list that starts here is not closed with ]";
      }
      if (context.contains("flow mapping")) {
        return "invalid YAML: the { that starts here is not closed with }";
      }
      return "invalid YAML: this line has no ':' between a key and its value";
    }
    if (problem.contains("mapping values are not allowed")) {
      return "invalid YAML: a ':' in a value that is not in quotes";
    }
    return "invalid YAML: " + problem;
  }

  private static String hintFor(MarkedYAMLException e) {
    String m = e.getProblem() + " " + e.getContext();
    if (m.contains("mapping values are not allowed")) {
      return "a value containing ': ' must be put in quotes";
    }
    if (m.contains("\\t") || m.contains("(TAB)")) {
      return "YAML indents with spaces, not tabs";
    }
    if (m.contains("quoted scalar")) {
      return "close the quotes at the end of the value";
    }
    if (m.contains("flow sequence")) {
      return "close the list with ] (items are separated by commas)";
    }
    if (m.contains("simple key") || m.contains("could not find expected ':'")) {
      return "write 'key: value', with a colon and a space";
    }
    return null;
  }

  private static String hintFor(JsonProcessingException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("mapping values are not allowed")) {
      return "a value containing ': ' must be put in quotes";
    }
    if (m.contains("found character '\\t'")) {
      return "YAML indents with spaces, not tabs";
    }
    return null;
  }

  static String firstLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Builds the node tree from Jackson's token stream. */
  private static final class Builder {
    private final JsonParser p;
    private final String path;
    private final int lineOffset;
    private final String fileText;
    private final Diagnostics diagnostics;

    Builder(JsonParser p, String path, int lineOffset, String fileText, Diagnostics d) {
      this.p = p;
      this.path = path;
      this.lineOffset = lineOffset;
      this.fileText = fileText;
      this.diagnostics = d;
    }

    private SourcePos here() {
      JsonLocation loc = p.currentTokenLocation();
      return new SourcePos(path, loc.getLineNr() + lineOffset, loc.getColumnNr());
    }

    Optional<YamlNode> value(int depth) throws IOException {
      if (depth > MAX_DEPTH) {
        diagnostics.error(
            here(), "the YAML nests too deeply (limit " + MAX_DEPTH + " levels)", null, fileText);
        return Optional.empty();
      }
      JsonToken t = p.currentToken();
      SourcePos pos = here();
      // Jackson passes anchors, aliases and tags through rather than refusing them; they have no
      // use in site files, and aliases are how "billion laughs" documents multiply.
      if (p instanceof YAMLParser y && (y.isCurrentAlias() || y.getObjectId() != null)) {
        diagnostics.error(
            pos,
            "YAML anchors and aliases (& and *) are not allowed",
            "write the value out in full",
            fileText);
        return Optional.empty();
      }
      if (p.getTypeId() != null) {
        diagnostics.error(
            pos,
            "YAML tags (!!something) are not allowed",
            "remove the tag '" + p.getTypeId() + "' in front of the value",
            fileText);
        return Optional.empty();
      }
      switch (t) {
        case START_OBJECT:
          {
            Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
              String key = p.currentName();
              SourcePos keyPos = here();
              p.nextToken();
              Optional<YamlNode> v = value(depth + 1);
              if (v.isEmpty()) {
                return Optional.empty();
              }
              if (entries.containsKey(key)) {
                diagnostics.error(
                    keyPos,
                    "the key '" + key + "' appears twice",
                    "the first is on line " + entries.get(key).keyPos().line() + "; keep one",
                    fileText);
                return Optional.empty();
              }
              entries.put(key, new YamlNode.Entry(key, keyPos, v.get()));
            }
            return Optional.of(new YamlNode.Mapping(entries, pos));
          }
        case START_ARRAY:
          {
            List<YamlNode> items = new ArrayList<>();
            while (p.nextToken() != JsonToken.END_ARRAY) {
              Optional<YamlNode> v = value(depth + 1);
              if (v.isEmpty()) {
                return Optional.empty();
              }
              items.add(v.get());
            }
            return Optional.of(new YamlNode.Sequence(items, pos));
          }
        case VALUE_STRING:
          return Optional.of(new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.STRING, pos));
        case VALUE_NUMBER_INT:
        case VALUE_NUMBER_FLOAT:
          return Optional.of(new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.NUMBER, pos));
        case VALUE_TRUE:
        case VALUE_FALSE:
          return Optional.of(new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.BOOLEAN, pos));
        case VALUE_NULL:
          return Optional.of(new YamlNode.Scalar(null, YamlNode.ScalarType.NULL, pos));
        default:
          diagnostics.error(pos, "unsupported YAML value (" + t + ")", null, fileText);
          return Optional.empty();
      }
    }
  }
}
