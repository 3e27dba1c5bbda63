package org.factsite.render.template;

import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.load.Inputs;

/**
 * Reads every template before any is run and refuses what would switch off HTML escaping or reach
 * past the view records: {@code ?no_esc} on anything but the HTML our own renderer produced, {@code
 * noautoesc}, {@code outputformat}, {@code auto_esc}, {@code ?new}, {@code ?api}, {@code ?eval} and
 * {@code ?interpret}. The configuration blocks most of these at run time as well; this check also
 * catches them in branches a build never takes, and says where they are.
 */
final class TemplateSafety {
  /** The only values that hold HTML we wrote ourselves (escaped Markdown and figures). */
  static final Set<String> HTML_VALUES = Set.of("page.body");

  private static final Pattern NO_ESC = Pattern.compile("([A-Za-z_][\\w.]*)?\\s*\\?\\s*no_esc\\b");
  private static final Pattern REFUSED =
      Pattern.compile(
          "<#(noautoesc|outputformat)\\b|\\b(auto_esc|output_format)\\s*="
              + "|\\?\\s*(new|api|eval|interpret|eval_json)\\b");

  private TemplateSafety() {}

  /** Every unsafe construct in the site's templates, located. */
  static List<Diagnostic> check(Inputs inputs) {
    List<Diagnostic> out = new ArrayList<>();
    for (String path : inputs.under(InputsTemplateLoader.PREFIX, ".ftlh")) {
      if (path.startsWith("templates/static/")) {
        continue;
      }
      String text;
      try {
        text = inputs.text(path);
      } catch (CharacterCodingException e) {
        continue; // Reported when the template is loaded.
      }
      Matcher m = NO_ESC.matcher(text);
      while (m.find()) {
        String value = m.group(1) == null ? "" : m.group(1);
        if (!HTML_VALUES.contains(value)) {
          out.add(
              at(
                  path,
                  text,
                  m.start(),
                  "?no_esc on '" + value + "' would put its text on the page unescaped",
                  "only ${page.body?no_esc} may use ?no_esc; write ${" + value + "} instead"));
        }
      }
      Matcher r = REFUSED.matcher(text);
      while (r.find()) {
        String what = r.group().replaceAll("\\s", "");
        out.add(
            at(
                path,
                text,
                r.start(),
                "'" + what + "' is not allowed in templates",
                what.startsWith("?")
                    ? "templates may only show the values they are given"
                    : "HTML escaping must stay on; put HTML in Markdown or in the template itself"));
      }
    }
    return out;
  }

  private static Diagnostic at(String path, String text, int offset, String message, String hint) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return Diagnostic.error(new SourcePos(path, line, offset - lineStart + 1), message)
        .withHint(hint)
        .withSourceLine(Diagnostics.lineOf(text, line));
  }
}
