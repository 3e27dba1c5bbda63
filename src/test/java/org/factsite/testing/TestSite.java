package org.factsite.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.factsite.build.BuildOptions;
import org.factsite.build.BuildResult;
import org.factsite.build.SiteBuilder;
import org.factsite.cli.Main;
import org.factsite.diag.Diagnostic;
import org.factsite.load.Inputs;

/**
 * A tiny whole site written inline, txtar style:
 *
 * <pre>
 * -- site.yaml --
 * title: T
 * -- content/a.md --
 * ---
 * title: A
 * ---
 * Hello
 * </pre>
 *
 * Sections may leave out the minimal templates and sources page: {@link #withDefaults} adds them.
 */
public final class TestSite {
  private final Map<String, String> files;

  private TestSite(Map<String, String> files) {
    this.files = files;
  }

  /** Parses {@code -- path --} sections. */
  public static TestSite of(String txtar) {
    Map<String, String> files = new LinkedHashMap<>();
    String current = null;
    StringBuilder body = new StringBuilder();
    for (String line : txtar.split("\n", -1)) {
      if (line.startsWith("-- ") && line.endsWith(" --") && line.length() > 6) {
        if (current != null) {
          files.put(current, body.toString());
        }
        current = line.substring(3, line.length() - 3).strip();
        body.setLength(0);
      } else if (current != null) {
        body.append(line).append('\n');
      }
    }
    if (current != null) {
      files.put(current, body.toString());
    }
    return new TestSite(files);
  }

  /**
   * Adds, where absent, the minimum a site needs: site.yaml, small templates, a sources page.
   * Sections given inline win.
   */
  public TestSite withDefaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("site.yaml", "title: Test site\nbase_url: https://example.org/repo/\nlanguage: en-GB\n");
    String csp =
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            + "style-src 'self'; img-src 'self'\">";
    String page =
        "<!DOCTYPE html><html lang=\"${site.language}\"><head>"
            + csp
            + "<title>"
            + "${page.title}</title></head><body><nav><#list site.nav as n><a href=\"${n.href}\">${n.title}</a>"
            + "</#list></nav><main><h1>${page.title}</h1>${page.body?no_esc}</main></body></html>\n";
    m.put("templates/page.ftlh", page);
    m.put("templates/home.ftlh", page);
    m.put("templates/not-found.ftlh", page);
    m.put(
        "templates/sources.ftlh",
        "<!DOCTYPE html><html><head>"
            + csp
            + "</head><body><h1>${page.title}</h1>"
            + "${page.body?no_esc}<#list statistics as s><p id=\"${s.anchor}\">${s.value}"
            + "<#list s.sources as src> ${src.title}</#list></p></#list></body></html>\n");
    m.put(
        "templates/figure.ftlh",
        "<figure class=\"chart\" id=\"figure-${chart.id}\">"
            + "<p class=\"chart-headline\">${chart.headline}</p><img src=\"${chart.svgHref}\" "
            + "width=\"${chart.width?c}\" height=\"${chart.height?c}\" alt=\"${chart.description}\">"
            + "<p class=\"chart-description\">${chart.description}</p><p class=\"chart-source\">"
            + "<#list chart.sources as s>${s.title}</#list></p><table><caption>${chart.headline}"
            + "</caption><tr><th scope=\"col\">Label</th><th scope=\"col\">Value</th></tr>"
            + "<#list chart.rows as r><tr><th scope=\"row\">${r.label}</th><td>${r.value}</td></tr>"
            + "</#list></table><a href=\"${chart.csvHref}\">CSV</a></figure>\n");
    m.put("content/sources.md", "---\ntitle: Sources\nlayout: sources\n---\n");
    m.putAll(files);
    return new TestSite(m);
  }

  /** This site with {@code path} holding {@code text} instead (or as well). */
  public TestSite with(String path, String text) {
    Map<String, String> m = new LinkedHashMap<>(files);
    m.put(path, text);
    return new TestSite(m);
  }

  /** This site without {@code path}. */
  public TestSite without(String path) {
    Map<String, String> m = new LinkedHashMap<>(files);
    m.remove(path);
    return new TestSite(m);
  }

  public Map<String, String> files() {
    return files;
  }

  public Inputs inputs() {
    return Inputs.ofText(files);
  }

  /** Builds into memory. */
  public Built build() {
    return build(BuildOptions.DEFAULT);
  }

  public Built build(BuildOptions options) {
    return new Built(new SiteBuilder().build(inputs(), options));
  }

  /** Writes the files into {@code dir} (a temporary site folder) for CLI tests. */
  public Path writeTo(Path dir) {
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path p = dir.resolve(e.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The outcome of running the command line. */
  public record CliRun(int exitCode, String out, String err) {
    /** The first line of standard error. */
    public String firstErrorLine() {
      String e = err.strip();
      int nl = e.indexOf('\n');
      return nl < 0 ? e : e.substring(0, nl);
    }
  }

  /** Runs {@code factsite args…} as a user would, in {@code dir}. */
  public static CliRun cli(Path dir, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full =
        Stream.concat(Stream.of(args), Stream.of("--dir", dir.toString())).toArray(String[]::new);
    if (args.length == 0 || args[0].startsWith("-")) {
      full = args;
    }
    int code = Main.run(full, new PrintWriter(out), new PrintWriter(err));
    return new CliRun(code, out.toString(), err.toString());
  }

  /** A finished in-memory build with assertions on its files and diagnostics. */
  public static final class Built {
    private final BuildResult result;

    Built(BuildResult result) {
      this.result = result;
    }

    public BuildResult result() {
      return result;
    }

    public Built assertOk() {
      if (!result.ok()) {
        fail("expected the build to succeed, got:\n" + errors());
      }
      return this;
    }

    public Built assertFails() {
      assertFalse(result.ok(), "expected the build to fail");
      assertTrue(result.files().isEmpty(), "a failed build must produce no files");
      return this;
    }

    /** Asserts that some error's first line is exactly {@code headline}. */
    public Built assertError(String headline) {
      assertFalse(result.ok(), "expected the build to fail");
      List<String> heads = result.diagnostics().stream().map(Diagnostic::headline).toList();
      assertTrue(
          heads.contains(headline),
          "no error\n  " + headline + "\namong\n  " + String.join("\n  ", heads));
      return this;
    }

    public Diagnostic firstError() {
      return result.diagnostics().stream()
          .filter(d -> d.severity() == org.factsite.diag.Severity.ERROR)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no error reported"));
    }

    public String errors() {
      StringBuilder b = new StringBuilder();
      for (Diagnostic d : result.diagnostics()) {
        b.append(d.headline()).append(d.hint() == null ? "" : "  [" + d.hint() + "]").append('\n');
      }
      return b.toString();
    }

    public String file(String path) {
      byte[] b = result.files().get(path);
      if (b == null) {
        fail("no output file " + path + "; files: " + result.files().keySet());
      }
      return new String(b, StandardCharsets.UTF_8);
    }

    public boolean has(String path) {
      return result.files().containsKey(path);
    }

    public Built assertFileContains(String path, String... needles) {
      String text = file(path);
      for (String n : needles) {
        assertTrue(text.contains(n), path + " does not contain «" + n + "»:\n" + text);
      }
      return this;
    }

    public Built assertFileLacks(String path, String... needles) {
      String text = file(path);
      for (String n : needles) {
        assertFalse(text.contains(n), path + " should not contain «" + n + "»:\n" + text);
      }
      return this;
    }

    public Built assertFileCount(int n) {
      assertEquals(n, result.files().size(), "files: " + result.files().keySet());
      return this;
    }
  }
}
