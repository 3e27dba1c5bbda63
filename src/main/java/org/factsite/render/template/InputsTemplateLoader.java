package org.factsite.render.template;

import freemarker.cache.TemplateLoader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import org.factsite.load.Inputs;

/**
 * Serves templates from the site's {@code templates/} inputs only. Names are looked up in memory,
 * so an include can never reach a file outside {@code templates/}.
 */
final class InputsTemplateLoader implements TemplateLoader {
  static final String PREFIX = "templates/";
  private final Inputs inputs;

  InputsTemplateLoader(Inputs inputs) {
    this.inputs = inputs;
  }

  @Override
  public Object findTemplateSource(String name) {
    // Only .ftlh files: an included .ftl or .html file would run with HTML escaping off.
    if (name.contains("..")
        || name.startsWith("/")
        || name.contains("\\")
        || name.indexOf('\0') >= 0
        || !name.endsWith(".ftlh")
        || name.startsWith("static/")) {
      return null;
    }
    String path = PREFIX + name;
    return inputs.has(path) ? path : null;
  }

  @Override
  public long getLastModified(Object source) {
    return 0;
  }

  @Override
  public Reader getReader(Object source, String encoding) throws java.io.IOException {
    try {
      return new StringReader(inputs.text((String) source));
    } catch (CharacterCodingException e) {
      throw new java.io.IOException(source + " is not valid UTF-8 text");
    }
  }

  @Override
  public void closeTemplateSource(Object source) {}
}
