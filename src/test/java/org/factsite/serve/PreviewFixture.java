package org.factsite.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.factsite.build.BuildOptions;
import org.factsite.build.BuildResult;
import org.factsite.build.SiteBuilder;
import org.factsite.diag.Diagnostics;
import org.factsite.load.Inputs;
import org.factsite.load.SourceTree;
import org.factsite.testing.TestSite;

/**
 * A small but complete site for preview tests, in a temporary folder: a home page listing every
 * page, pages with a "latest" navigation, figures, a chart, a sources page, a folder of articles
 * and a stylesheet. Helpers edit the folder as an editor would and build it from scratch to compare
 * with what the preview holds.
 */
final class PreviewFixture {
  static final BuildOptions DRAFTS = new BuildOptions(true);

  static final String SITE =
      """
      -- site.yaml --
      title: Preview test
      base_url: https://example.org/repo/
      language: en-GB
      nav:
        - title: Home
          path: /
        - title: Sources
          path: /sources/
      -- templates/base.ftlh --
      <#macro layout><!DOCTYPE html>
      <html lang="${site.language}"><head><meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'">
      <title>${page.title}</title><link rel="stylesheet" href="${page.root}assets/style.css"></head>
      <body><nav><#list site.nav as n><a href="${n.href}">${n.title}</a></#list></nav>
      <#if page.draft><p class="draft-banner">Draft: this page is not published.</p></#if>
      <main><#nested></main></body></html>
      </#macro>
      -- templates/page.ftlh --
      <#import "base.ftlh" as base><@base.layout><aside><#list latest as p><a href="${page.root}${p.path}">${p.title}</a></#list></aside>
      <h1>${page.title}</h1>${page.body?no_esc}</@base.layout>
      -- templates/home.ftlh --
      <#import "base.ftlh" as base><@base.layout><h1>${page.title}</h1>${page.body?no_esc}
      <ul><#list pages as p><li><a href="${page.root}${p.path}">${p.title}</a> ${p.summary}</li></#list></ul></@base.layout>
      -- templates/static/style.css --
      body { font-family: sans-serif; }
      -- data/figures.yaml --
      sources:
        - id: report
          title: The Report
          publisher: A Publisher
      statistics:
        - id: before
          value: 29
          format: percent
          unit: of offences
          period: 2017–2020
          geography: England and Wales
          sources: [report]
        - id: after
          value: 37
          format: percent
          unit: of offences
          period: April–June 2020
          geography: England and Wales
          sources: [report]
      -- data/charts/share.yaml --
      headline: The share rose
      subtitle: Share of offences, England and Wales
      type: column
      value_axis: Share (%)
      bars:
        - label: Before
          stat: before
        - label: During
          stat: after
      -- content/index.md --
      ---
      title: Home
      ---
      Welcome.
      -- content/a.md --
      ---
      title: Alpha
      summary: The first
      date: 2020-01-01
      ---
      Alpha shows {{stat before}}.
      -- content/b.md --
      ---
      title: Beta
      date: 2020-02-01
      ---
      Beta has no figures. See [alpha](/a/).
      -- content/notes/c.md --
      ---
      title: Gamma
      date: 2020-03-01
      ---
      Gamma has a chart.

      {{chart share}}
      """;

  final Path dir;

  PreviewFixture(Path dir) {
    this.dir = dir;
    TestSite.of(SITE).withDefaults().writeTo(dir);
  }

  void write(String rel, String text) {
    try {
      Path p = dir.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.writeString(p, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String rel) {
    try {
      return Files.readString(dir.resolve(rel), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void replace(String rel, String from, String to) {
    String text = read(rel);
    if (!text.contains(from)) {
      throw new AssertionError(rel + " does not contain " + from);
    }
    write(rel, text.replace(from, to));
  }

  void delete(String rel) {
    try {
      Files.delete(dir.resolve(rel));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void move(String from, String to) {
    try {
      Files.createDirectories(dir.resolve(to).getParent());
      Files.move(dir.resolve(from), dir.resolve(to));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A build from scratch of the folder as it is now; null when it fails. */
  BuildResult cleanBuild() {
    return cleanBuild(DRAFTS);
  }

  /** A clean build published at {@code baseUrl}, as the preview builds for its own address. */
  BuildResult cleanBuild(String baseUrl) {
    return cleanBuild(new BuildOptions(DRAFTS.includeDrafts(), baseUrl));
  }

  /** A build of the folder as it is now with these options; null when it fails. */
  BuildResult cleanBuild(BuildOptions options) {
    try {
      Diagnostics d = new Diagnostics();
      Inputs inputs = SourceTree.read(dir, d);
      BuildResult r = new SiteBuilder().build(inputs, options);
      return r.ok() && !d.hasErrors() ? r : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Asserts that the preview holds exactly what a clean build of the folder produces. */
  void assertSameAsCleanBuild(PreviewSite preview, String after) {
    BuildResult clean = cleanBuild();
    PreviewSite.State s = preview.state();
    if (clean == null) {
      assertFalse(s.ok(), after + ": a clean build fails, but the preview shows no error");
      return;
    }
    assertEquals(true, s.ok(), after + ": the preview reports " + s.errors());
    assertEquals(texts(clean.files()), texts(s.files()), after);
  }

  static Map<String, String> texts(Map<String, byte[]> files) {
    Map<String, String> m = new TreeMap<>();
    files.forEach((k, v) -> m.put(k, new String(v, StandardCharsets.ISO_8859_1)));
    return m;
  }
}
