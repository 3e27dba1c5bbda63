package org.factsite.check;

import java.nio.charset.CharacterCodingException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.load.Inputs;

/**
 * Finds where in the site's templates a piece of markup was written, so that a page problem a
 * template caused (an inline script, a style attribute) is reported at the template's line and
 * column, where the editor has to fix it, rather than against every page that shows it.
 */
final class TemplatePlaces {
  private final Inputs inputs;
  private Map<String, String> texts; // read on first use: most builds never need it

  private TemplatePlaces(Inputs inputs) {
    this.inputs = inputs;
  }

  static TemplatePlaces of(Inputs inputs) {
    return new TemplatePlaces(inputs);
  }

  private synchronized Map<String, String> texts() {
    if (texts == null) {
      texts = new TreeMap<>();
      if (inputs != null) {
        for (String path : inputs.under("templates/", ".ftlh")) {
          try {
            texts.put(path, inputs.text(path));
          } catch (CharacterCodingException e) {
            // Reported when the template is loaded.
          }
        }
      }
    }
    return texts;
  }

  /** A located match of {@code pattern} in the templates, with its source line. */
  record Found(SourcePos pos, String line) {}

  Optional<Found> find(Pattern pattern) {
    for (Map.Entry<String, String> e : texts().entrySet()) {
      Matcher m = pattern.matcher(e.getValue());
      if (m.find()) {
        String text = e.getValue();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < m.start(); i++) {
          if (text.charAt(i) == '\n') {
            line++;
            lineStart = i + 1;
          }
        }
        return Optional.of(
            new Found(
                new SourcePos(e.getKey(), line, m.start() - lineStart + 1),
                Diagnostics.lineOf(text, line)));
      }
    }
    return Optional.empty();
  }
}
