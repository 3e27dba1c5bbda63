package org.factsite.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.factsite.model.Ids;
import org.junit.jupiter.api.Test;

/**
 * The shapes of ids, slugs, front-matter keys, whole numbers and dates are checked by hand, not by
 * regular expression: each must accept exactly what the expression it stands for matches.
 */
class WordShapesTest {
  private static final String ALPHABET = "az09AZ_-. /:x5\u00e9\u0661";

  @Test
  void idsAreWhatTheirExpressionMatches() {
    agrees("[a-z0-9][a-z0-9_-]*", Ids::isId);
  }

  @Test
  void slugsAreWhatTheirExpressionMatches() {
    agrees("[a-z0-9][a-z0-9-]*", Ids::isSlug);
  }

  @Test
  void keysAreWhatTheirExpressionMatches() {
    agrees("[A-Za-z_][A-Za-z0-9_-]*", SimpleYaml::isKey);
  }

  @Test
  void wholeNumbersAreWhatTheirExpressionMatches() {
    agrees("0|[1-9][0-9]{0,17}", SimpleYaml::isInteger);
    assertTrue(SimpleYaml.isInteger("123456789012345678"));
    assertEquals(false, SimpleYaml.isInteger("1234567890123456789"), "19 digits");
    assertEquals(false, SimpleYaml.isInteger("007"));
  }

  @Test
  void datesAreWhatTheirExpressionMatches() {
    agrees("[0-9]{4}-[0-9]{2}-[0-9]{2}", Fields::isPlainDate);
    assertTrue(Fields.isPlainDate("2020-04-30"));
    assertEquals(false, Fields.isPlainDate("2020-4-30"));
  }

  /**
   * The check and the expression agree on random words made mostly of the characters that matter
   * (and on words of digits and dashes, and near dates), and both answers occur.
   */
  private static void agrees(String regex, Predicate<String> check) {
    Pattern p = Pattern.compile(regex);
    Random random = new Random(regex.hashCode());
    int accepted = 0;
    int refused = 0;
    for (int n = 0; n < 20_000; n++) {
      String word =
          switch (n % 3) {
            case 0 -> word(random, ALPHABET, 12);
            case 1 -> word(random, "0123456789-", 20);
            default -> nearDate(random);
          };
      boolean expected = p.matcher(word).matches();
      assertEquals(expected, check.test(word), () -> "'" + word + "' against " + regex);
      if (expected) {
        accepted++;
      } else {
        refused++;
      }
    }
    assertTrue(accepted > 100 && refused > 100, accepted + " accepted, " + refused + " refused");
  }

  /** A date, as often as not with one character changed, dropped or added. */
  private static String nearDate(Random random) {
    StringBuilder b =
        new StringBuilder(
            String.format(
                "%04d-%02d-%02d",
                random.nextInt(10_000), random.nextInt(100), random.nextInt(100)));
    int at = random.nextInt(b.length());
    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    switch (random.nextInt(6)) {
      case 0 -> b.setCharAt(at, c);
      case 1 -> b.deleteCharAt(at);
      case 2 -> b.insert(at, c);
      default -> {}
    }
    return b.toString();
  }

  private static String word(Random random, String alphabet, int maxLength) {
    int length = random.nextInt(maxLength + 1);
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return b.toString();
  }
}
