package org.factsite.render.template;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.OutputFormat;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.load.Inputs;

/**
 * Renders FreeMarker {@code .ftlh} templates from the site's {@code templates/} folder, configured
 * once and locked down: HTML auto-escaping always on, no {@code ?new}, {@code ?api} or class
 * resolution, errors rethrown (never printed into the page) and turned into located diagnostics.
 */
public final class TemplateRenderer {
  /**
   * FreeMarker's own logging off (unless the user chose a library): a build reports template
   * problems itself, as located diagnostics, and FreeMarker looking for a logging library and
   * starting java.util.logging cost about 12 ms of every build that renders a page. Set before
   * FreeMarker's first class loads, which is when it reads the setting.
   */
  static {
    if (System.getProperty("org.freemarker.loggerLibrary") == null) {
      System.setProperty("org.freemarker.loggerLibrary", "none");
    }
  }

  private final Inputs inputs;
  private List<Diagnostic> unsafe;

  /**
   * Made when the first template is asked for: a build whose pages were all kept from the last one
   * never loads FreeMarker (about 100 ms of a 1,000-page build's start).
   */
  private volatile Configuration config;

  public TemplateRenderer(Inputs inputs) {
    this.inputs = inputs;
  }

  private Configuration config() {
    Configuration made = config;
    return made != null ? made : make();
  }

  private synchronized Configuration make() {
    if (config == null) {
      Configuration fresh = new Configuration(Configuration.VERSION_2_3_33);
      fresh.setTemplateLoader(new InputsTemplateLoader(inputs));
      fresh.setObjectWrapper(new ViewWrapper());
      fresh.setDefaultEncoding("UTF-8");
      fresh.setOutputFormat(HTMLOutputFormat.INSTANCE);
      fresh.setRecognizeStandardFileExtensions(true);
      fresh.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
      fresh.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
      fresh.setLogTemplateExceptions(false);
      fresh.setWrapUncheckedExceptions(true);
      fresh.setFallbackOnNullLoopVariable(false);
      fresh.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
      fresh.setAPIBuiltinEnabled(false);
      fresh.setLocale(java.util.Locale.UK);
      fresh.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
      fresh.setNumberFormat("computer");
      fresh.setLocalizedLookup(false);
      fresh.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
      config = fresh;
    }
    return config;
  }

  private synchronized List<Diagnostic> unsafe() {
    if (unsafe == null) {
      unsafe = TemplateSafety.check(inputs);
    }
    return unsafe;
  }

  /** True when the site has a template for this name ({@code page.ftlh}). */
  public boolean has(String name) {
    return inputs.has(InputsTemplateLoader.PREFIX + name);
  }

  /** Checks that the template parses and that its output format is HTML. */
  public Optional<Template> template(String name, Diagnostics d) {
    List<Diagnostic> unsafe = unsafe();
    if (!unsafe.isEmpty()) {
      unsafe.forEach(d::add);
      return Optional.empty();
    }
    try {
      Template t = config().getTemplate(name);
      OutputFormat f = t.getOutputFormat();
      if (!(f instanceof HTMLOutputFormat)) {
        d.error(
            new SourcePos(InputsTemplateLoader.PREFIX + name, 1, 1),
            "page templates must end in .ftlh, so that HTML escaping is on");
        return Optional.empty();
      }
      return Optional.of(t);
    } catch (TemplateNotFoundException e) {
      d.error(
          SourcePos.of(InputsTemplateLoader.PREFIX + name),
          "template not found",
          "create templates/" + name);
    } catch (ParseException e) {
      d.add(
          located(
              e.getTemplateName(),
              e.getLineNumber(),
              e.getColumnNumber(),
              "template syntax error: " + withoutNotes(e.getEditorMessage()),
              name));
    } catch (IOException e) {
      d.error(
          SourcePos.of(InputsTemplateLoader.PREFIX + name),
          "could not read template: " + firstLine(e.getMessage()));
    }
    return Optional.empty();
  }

  /** Renders {@code name} with {@code model}; empty after reporting a located error. */
  public Optional<String> render(
      String name, Map<String, Object> model, String forWhat, Diagnostics d) {
    return renderPage(name, model, forWhat, d, null).map(WrittenPage::text);
  }

  /**
   * Renders {@code name} with {@code model}, noting where it wrote the string {@code body} (null:
   * nowhere to note); empty after reporting a located error.
   */
  public Optional<WrittenPage> renderPage(
      String name, Map<String, Object> model, String forWhat, Diagnostics d, String body) {
    Optional<Template> t = template(name, d);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    MarkingWriter out = new MarkingWriter(body);
    try {
      t.get().process(model, out);
      return Optional.of(out.written());
    } catch (TemplateException e) {
      ParseException inner = parseCause(e);
      if (inner != null) {
        // An <#import>ed or <#include>d template does not parse: point at its line, not at the
        // importing line, which is fine.
        d.add(
            located(
                inner.getTemplateName(),
                inner.getLineNumber(),
                inner.getColumnNumber(),
                "template syntax error: " + firstLine(inner.getEditorMessage()),
                name));
        return Optional.empty();
      }
      String where = e.getTemplateSourceName() != null ? e.getTemplateSourceName() : name;
      String blamed = e.getBlamedExpressionString();
      boolean missing = e instanceof freemarker.core.InvalidReferenceException && blamed != null;
      String message =
          missing
              ? "'" + blamed + "' is missing (not defined, or empty)"
              : withoutNotes(e.getMessageWithoutStackTop());
      d.add(
          located(
                  where,
                  e.getLineNumber(),
                  e.getColumnNumber(),
                  "template error while rendering " + forWhat + ": " + message,
                  name)
              .withHint(
                  missing
                      ? "check the spelling; write ${"
                          + blamed
                          + "!} to show nothing when"
                          + " it is missing"
                      : null));
    } catch (IOException | RuntimeException e) {
      d.error(
          SourcePos.of(InputsTemplateLoader.PREFIX + name),
          "template failed while rendering "
              + forWhat
              + ": "
              + firstLine(String.valueOf(e.getMessage())));
    }
    return Optional.empty();
  }

  private static ParseException parseCause(Throwable e) {
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c instanceof ParseException p) {
        return p;
      }
    }
    return null;
  }

  private Diagnostic located(
      String template, Integer line, Integer column, String message, String fallback) {
    String path = InputsTemplateLoader.PREFIX + (template == null ? fallback : template);
    int l = line == null ? 0 : line;
    int c = column == null ? 0 : column;
    String text = null;
    try {
      if (inputs.has(path)) {
        text = inputs.text(path);
      }
    } catch (java.nio.charset.CharacterCodingException ignored) {
      // The excerpt is a courtesy; the message stands without it.
    }
    return Diagnostic.error(new SourcePos(path, l, c), message)
        .withSourceLine(Diagnostics.lineOf(text, l));
  }

  /** FreeMarker's message without its tips and notes, on one line. */
  private static String withoutNotes(String s) {
    String t = firstLine(s);
    if (t.endsWith(":") && s != null) {
      // "Template inclusion failed (for parameter value "x"):" says why on the next line.
      String[] lines = s.strip().split("\n");
      if (lines.length > 1) {
        t = t + " " + lines[1].strip();
      }
    }
    t =
        t.replaceAll("\\s*\\(Note that [^)]*\\)", "")
            .replaceAll("\\s*Check if the FreeMarker end-tags.*$", "");
    return t.strip();
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown problem";
    }
    String t = s.strip();
    int nl = t.indexOf('\n');
    return nl < 0 ? t : t.substring(0, nl).strip();
  }
}
