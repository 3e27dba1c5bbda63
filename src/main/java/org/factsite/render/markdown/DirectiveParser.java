package org.factsite.render.markdown;

import java.util.Set;
import org.commonmark.parser.beta.InlineContentParser;
import org.commonmark.parser.beta.InlineContentParserFactory;
import org.commonmark.parser.beta.InlineParserState;
import org.commonmark.parser.beta.ParsedInline;
import org.commonmark.parser.beta.Scanner;

/**
 * Parses {@code {{kind id}}} on one line into a {@link Directive}. Anything else starting with
 * {@code {} is left to the normal inline parser as text.
 */
final class DirectiveParser implements InlineContentParser {
  private static final int MAX_LENGTH = 200;

  static final class Factory implements InlineContentParserFactory {
    @Override
    public Set<Character> getTriggerCharacters() {
      return Set.of('{');
    }

    @Override
    public InlineContentParser create() {
      return new DirectiveParser();
    }
  }

  @Override
  public ParsedInline tryParse(InlineParserState state) {
    Scanner scanner = state.scanner();
    if (!scanner.next("{{")) {
      return ParsedInline.none();
    }
    StringBuilder inner = new StringBuilder();
    int count = 0;
    while (scanner.hasNext()) {
      char c = scanner.peek();
      if (c == '}') {
        scanner.next();
        if (scanner.next('}')) {
          return directive(scanner, inner.toString().strip());
        }
        return ParsedInline.none();
      }
      if (c == '\n' || c == '{' || ++count > MAX_LENGTH) {
        return ParsedInline.none();
      }
      inner.append(c);
      scanner.next();
    }
    return ParsedInline.none();
  }

  private static ParsedInline directive(Scanner scanner, String inner) {
    String[] parts = inner.split("\\s+");
    if (inner.isEmpty() || !Character.isLetter(parts[0].charAt(0))) {
      return ParsedInline.none();
    }
    String kind = parts[0];
    String id = parts.length > 1 ? parts[1] : "";
    if (parts.length > 2) {
      id = String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length));
    }
    // The inline parser gives the node its source span, when it records them.
    return ParsedInline.of(new Directive(kind, id), scanner.position());
  }
}
