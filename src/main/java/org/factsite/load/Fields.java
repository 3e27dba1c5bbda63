package org.factsite.load;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.diag.Suggestions;

/**
 * Reads typed fields out of one YAML mapping, reporting unknown keys (with a "did you mean"),
 * missing required fields and wrong types at the offending token. Getters return null after
 * reporting, so a loader can keep going and report every problem in one run.
 */
public final class Fields {
  private final YamlNode.Mapping map;
  private final Diagnostics diagnostics;
  private final String fileText;
  private final String what;
  private final Set<String> allowed;

  private Fields(
      YamlNode.Mapping map,
      String what,
      Set<String> allowed,
      String fileText,
      Diagnostics diagnostics) {
    this.map = map;
    this.allowed = allowed;
    this.what = what;
    this.fileText = fileText;
    this.diagnostics = diagnostics;
  }

  /**
   * Wraps {@code node}, which must be a mapping, and reports any key not in {@code allowed}.
   * Returns null (after reporting) when the node is not a mapping.
   */
  public static Fields of(
      YamlNode node, String what, Set<String> allowed, String fileText, Diagnostics diagnostics) {
    if (!(node instanceof YamlNode.Mapping m)) {
      diagnostics.error(
          node.pos(),
          what + " should be a set of key: value lines, not " + node.kind(),
          null,
          fileText);
      return null;
    }
    for (YamlNode.Entry e : m.entries().values()) {
      if (!allowed.contains(e.key())) {
        String hint = Suggestions.didYouMean(e.key(), allowed);
        diagnostics.error(
            e.keyPos(),
            "unknown key '" + e.key() + "' in " + what,
            hint != null ? hint : "known keys: " + String.join(", ", new TreeSet<>(allowed)),
            fileText);
      }
    }
    return new Fields(m, what, allowed, fileText, diagnostics);
  }

  public SourcePos pos() {
    return map.pos();
  }

  public SourcePos posOf(String key) {
    YamlNode.Entry e = map.entries().get(key);
    return e == null ? map.pos() : e.value().pos();
  }

  public boolean has(String key) {
    YamlNode.Entry e = map.entries().get(key);
    return e != null
        && !(e.value() instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL);
  }

  public YamlNode node(String key) {
    YamlNode.Entry e = map.entries().get(key);
    return e == null ? null : e.value();
  }

  private void missing(String key) {
    // A misspelt key was already reported with "did you mean <key>?"; saying the field is also
    // missing would bury the one error that tells the editor what to fix.
    for (String written : map.entries().keySet()) {
      if (!allowed.contains(written)
          && ("did you mean " + key + "?").equals(Suggestions.didYouMean(written, allowed))) {
        return;
      }
    }
    diagnostics.error(
        map.pos(),
        what + " is missing the required field '" + key + "'",
        "add a line '" + key + ": …'",
        fileText);
  }

  private void wrongType(YamlNode n, String key, String expected) {
    diagnostics.error(
        n.pos(), "'" + key + "' should be " + expected + ", not " + n.kind(), null, fileText);
  }

  /** A text field; numbers and booleans are accepted as their written text. */
  public String text(String key, boolean required) {
    YamlNode n = node(key);
    if (n == null || (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NULL)) {
      if (required) {
        missing(key);
      }
      return null;
    }
    if (!(n instanceof YamlNode.Scalar s)) {
      wrongType(n, key, "text");
      return null;
    }
    String t = s.text().strip();
    if (t.isEmpty() && required) {
      diagnostics.error(n.pos(), "'" + key + "' must not be empty", null, fileText);
      return null;
    }
    return t;
  }

  /**
   * A text field that must be one of {@code choices} (listed in the hint in the order given);
   * anything else is reported as "unknown {@code what} '…'" at the value, and null returned.
   */
  public String oneOf(String key, String what, List<String> choices, boolean required) {
    String t = text(key, required);
    if (t != null && !choices.contains(t)) {
      diagnostics.error(
          posOf(key),
          "unknown " + what + " '" + t + "'",
          "use one of: " + String.join(", ", choices),
          fileText);
      return null;
    }
    return t;
  }

  /** A number field; text that is not a number is reported where it stands. */
  public BigDecimal number(String key, boolean required) {
    YamlNode n = node(key);
    if (n == null) {
      if (required) {
        missing(key);
      }
      return null;
    }
    if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.NUMBER) {
      return new BigDecimal(s.text().replace("_", ""));
    }
    wrongType(n, key, "a number (digits only, no commas or % sign)");
    return null;
  }

  public Integer integer(String key) {
    BigDecimal d = number(key, false);
    if (d == null) {
      return null;
    }
    try {
      return d.intValueExact();
    } catch (ArithmeticException e) {
      wrongType(node(key), key, "a whole number");
      return null;
    }
  }

  public boolean bool(String key) {
    YamlNode n = node(key);
    if (n == null) {
      return false;
    }
    if (n instanceof YamlNode.Scalar s && s.type() == YamlNode.ScalarType.BOOLEAN) {
      return Boolean.parseBoolean(s.text().toLowerCase(Locale.ROOT));
    }
    wrongType(n, key, "true or false");
    return false;
  }

  public LocalDate date(String key) {
    String t = text(key, false);
    if (t == null) {
      return null;
    }
    LocalDate plain = plainDate(t);
    if (plain != null) {
      return plain;
    }
    try {
      return LocalDate.parse(t);
    } catch (DateTimeParseException e) {
      // Front matter copied from Hugo or Jekyll often has a date-time. The page shows the date
      // as its author wrote it, so the date part is kept and the time and offset are checked,
      // then dropped, never converted to another day.
      LocalDate fromDateTime = dateOfDateTime(t);
      if (fromDateTime != null) {
        return fromDateTime;
      }
      diagnostics.error(
          posOf(key),
          "'"
              + key
              + "' should be a date written YYYY-MM-DD (a time after it, like"
              + " 2020-11-20T09:30:00Z, is allowed), not '"
              + t
              + "'",
          null,
          fileText);
      return null;
    }
  }

  /**
   * A date written exactly {@code YYYY-MM-DD} that exists, read without the formatter; null for
   * anything else, which {@link LocalDate#parse} then reads or reports as before. The formatter's
   * parsing and resolving code was about 30 ms of C1's compiling in a 1,000-article build, for
   * dates nearly all written this way.
   */
  static LocalDate plainDate(String t) {
    if (!isPlainDate(t)) {
      return null;
    }
    try {
      return LocalDate.of(
          Integer.parseInt(t, 0, 4, 10),
          Integer.parseInt(t, 5, 7, 10),
          Integer.parseInt(t, 8, 10, 10));
    } catch (java.time.DateTimeException e) {
      return null; // no such day: LocalDate.parse reports it
    }
  }

  /**
   * Whether {@code t} is written as a date, {@code [0-9]{4}-[0-9]{2}-[0-9]{2}}, checked by hand
   * (the front matter's reader asks it of every unquoted value too).
   */
  static boolean isPlainDate(String t) {
    if (t.length() != 10) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = t.charAt(i);
      if (i == 4 || i == 7 ? c != '-' : c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static LocalDate dateOfDateTime(String t) {
    String iso = t.strip().replaceFirst("^(\\d{4}-\\d{2}-\\d{2})[ t]", "$1T");
    try {
      return java.time.OffsetDateTime.parse(iso).toLocalDate();
    } catch (DateTimeParseException e) {
      // Not a date-time with an offset; try one without.
    }
    try {
      return java.time.LocalDateTime.parse(iso).toLocalDate();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** A list of texts; a single text is accepted as a list of one. */
  public List<String> texts(String key, boolean required) {
    YamlNode n = node(key);
    List<String> out = new ArrayList<>();
    if (n == null || (n instanceof YamlNode.Scalar s0 && s0.type() == YamlNode.ScalarType.NULL)) {
      if (required) {
        missing(key);
      }
      return out;
    }
    if (n instanceof YamlNode.Scalar s) {
      out.add(s.text().strip());
      return out;
    }
    if (!(n instanceof YamlNode.Sequence seq)) {
      wrongType(n, key, "a list");
      return out;
    }
    for (YamlNode item : seq.items()) {
      if (item instanceof YamlNode.Scalar s && s.type() != YamlNode.ScalarType.NULL) {
        out.add(s.text().strip());
      } else {
        wrongType(item, key, "a list of texts");
      }
    }
    return out;
  }

  /** The items of a list field (empty after reporting when it is not a list). */
  public List<YamlNode> list(String key, boolean required) {
    YamlNode n = node(key);
    if (n == null) {
      if (required) {
        missing(key);
      }
      return List.of();
    }
    if (!(n instanceof YamlNode.Sequence seq)) {
      wrongType(n, key, "a list (lines starting with '- ')");
      return List.of();
    }
    return seq.items();
  }

  public String fileText() {
    return fileText;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }
}
