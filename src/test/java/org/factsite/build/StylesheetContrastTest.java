package org.factsite.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.factsite.render.chart.Palette;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Computes, from the campaign stylesheet itself, the contrast of every text colour on every
 * background it is used on, in the light scheme and the dark one: at least 4.5:1 (WCAG 1.4.3).
 * Editing a colour in style.css that breaks this fails here, before any browser runs.
 */
class StylesheetContrastTest {
  private static final Path CSS = Path.of("templates/static/style.css");
  private static String css;

  /** Foreground custom property → the backgrounds it sits on. */
  private static final Map<String, List<String>> PAIRS =
      Map.of(
          "--text", List.of("--bg", "--panel", "--note-bg", "--help-bg"),
          "--muted", List.of("--bg", "--panel"),
          "--link", List.of("--bg", "--panel", "--note-bg", "--help-bg"),
          "--link-visited", List.of("--bg", "--panel", "--note-bg", "--help-bg"),
          "--accent", List.of("--bg"));

  @BeforeAll
  static void read() throws Exception {
    css = Files.readString(CSS);
  }

  /** The custom properties declared in the first {@code :root { }} after {@code from}. */
  private static Map<String, Color> rootVars(int from) {
    int start = css.indexOf(":root", from);
    String block = css.substring(css.indexOf('{', start) + 1, css.indexOf('}', start));
    Map<String, Color> vars = new HashMap<>();
    Matcher m = Pattern.compile("(--[a-z-]+)\\s*:\\s*#([0-9a-fA-F]{6})").matcher(block);
    while (m.find()) {
      vars.put(m.group(1), new Color(Integer.parseInt(m.group(2), 16)));
    }
    return vars;
  }

  private static List<String> failures(Map<String, Color> vars, String scheme) {
    List<String> bad = new ArrayList<>();
    PAIRS.forEach(
        (fg, bgs) -> {
          for (String bg : bgs) {
            assertTrue(
                vars.containsKey(fg) && vars.containsKey(bg),
                scheme + " scheme lacks " + fg + " or " + bg + " in " + CSS);
            double ratio = Palette.contrastRatio(vars.get(fg), vars.get(bg));
            if (ratio < 4.5) {
              bad.add(String.format("%s on %s: %.2f:1", fg, bg, ratio));
            }
          }
        });
    return bad;
  }

  @Test
  void lightSchemeTextHasFourAndAHalfToOne() {
    List<String> bad = failures(rootVars(0), "light");
    assertTrue(bad.isEmpty(), "light scheme below 4.5:1: " + bad);
  }

  @Test
  void darkSchemeTextHasFourAndAHalfToOne() {
    int dark = css.indexOf("@media (prefers-color-scheme: dark)");
    assertTrue(dark >= 0, "style.css must respect a dark-mode preference");
    Map<String, Color> vars = new HashMap<>(rootVars(0));
    vars.putAll(rootVars(dark));
    List<String> bad = failures(vars, "dark");
    assertTrue(bad.isEmpty(), "dark scheme below 4.5:1: " + bad);
  }

  @Test
  void theSkipLinkAndFocusRingAreReadableAndVisible() {
    Map<String, Color> light = rootVars(0);
    // The skip link is near-black on the yellow focus colour in both schemes.
    assertTrue(Palette.contrastRatio(new Color(0x0b0c0c), light.get("--focus")) >= 4.5);
    assertTrue(css.contains(":focus-visible"), "focus must be styled");
    assertTrue(
        Pattern.compile(":focus-visible\\s*\\{[^}]*outline:\\s*3px solid").matcher(css).find(),
        "the focus outline should be a 3px solid ring");
  }

  @Test
  void reducedMotionIsRespectedAndNoWebFontIsFetched() {
    assertTrue(css.contains("@media (prefers-reduced-motion: reduce)"));
    assertFalse(
        css.contains("@font-face") || css.contains("@import") || css.contains("url(http"),
        "the stylesheet must not fetch fonts or third-party files");
  }

  @Test
  void chartColoursStandOutFromTheCardAndFromTheirNeighbours() {
    List<Color> series = Palette.SERIES;
    for (int i = 0; i < series.size(); i++) {
      assertTrue(
          Palette.contrastRatio(series.get(i), Palette.BACKGROUND) >= 3.0,
          Palette.hex(series.get(i)) + " on the chart background");
      Color next = series.get((i + 1) % series.size());
      assertTrue(
          Palette.contrastRatio(series.get(i), next) >= 3.0,
          Palette.hex(series.get(i)) + " next to " + Palette.hex(next));
    }
  }
}
