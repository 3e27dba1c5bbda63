package org.factsite.build;

import java.util.Map;
import org.factsite.load.Inputs;

/**
 * A practice build of a tiny site, in memory, on a second core, started while the command line is
 * parsed and the real inputs are read. It loads and initialises the classes that every build needs
 * (YAML, Markdown, templates, the HTML checks), which otherwise cost the real build a good part of
 * its first second on a small site. It writes nothing and shares no state with the real build, so
 * the real output cannot depend on it.
 */
public final class Warmup {
  private static final String PAGE =
      "<!DOCTYPE html><html lang=\"${site.language}\"><head><meta charset=\"utf-8\">"
          + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\">"
          + "<title>${page.title}</title></head><body><nav><#list latest as p>"
          + "<a href=\"${page.root}${p.path}\">${p.title}</a></#list></nav><main><h1>${page.title}</h1>"
          + "${page.body?no_esc}<ul><#list pages as p><li><a href=\"${page.root}${p.path}\">${p.title}</a>"
          + " <#if p.dateIso??><time>${p.dateIso}</time></#if> ${p.summary!}</li></#list></ul>"
          + "</main></body></html>\n";

  private static final Map<String, String> SITE =
      Map.of(
          "site.yaml",
          "title: Warm-up\nlanguage: en\n",
          "content/index.md",
          "---\ntitle: Home\nlayout: home\n---\nSee [the article](/posts/a/).\n",
          "content/posts/a.md",
          "---\ntitle: An article\ndate: 2020-01-02\nsummary: \"A summary.\"\ntags: [a, b]\n"
              + "slug: a\n---\n\n## A heading\n\nSome *emphasis*, **strong**, `code` and a"
              + " [link](/).\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
          "templates/home.ftlh",
          PAGE,
          "templates/page.ftlh",
          PAGE);

  private Warmup() {}

  /** Starts the practice build on a background thread that never delays the process's exit. */
  public static void start() {
    Thread t = new Thread(Warmup::run, "factsite-warmup");
    t.setDaemon(true);
    t.start();
  }

  static BuildResult run() {
    return new SiteBuilder().build(Inputs.ofText(SITE), BuildOptions.DEFAULT);
  }
}
