package org.factsite.hostile;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates cannot run programs, reach Java objects, read files outside templates/ or switch off
 * HTML escaping; each attempt fails with a located error and the site is left as it was.
 */
class TemplateHostileTest {
  @TempDir Path dir;

  private static final String HEAD =
      "<!DOCTYPE html>\n<html><head><meta http-equiv="
          + "\"Content-Security-Policy\" content=\"default-src 'none'\"></head><body>\n";

  private static Case page(String name, String line, String firstLine) {
    return Case.of(name, "templates/page.ftlh", HEAD + line + "\n</body></html>\n", firstLine);
  }

  static Stream<Case> cases() {
    return Stream.of(
        page(
            "?new to run a program",
            "<#assign ex = \"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}",
            "templates/page.ftlh:3:52: '?new' is not allowed in templates"),
        page(
            "?new on ObjectConstructor",
            "<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>",
            "templates/page.ftlh:3:62: '?new' is not allowed in templates"),
        page(
            "?api to reach Java methods",
            "${page?api.getClass()}",
            "templates/page.ftlh:3:7: '?api' is not allowed in templates"),
        page(
            "?interpret to run text as a template",
            "<@page.title?interpret />",
            "templates/page.ftlh:3:13: '?interpret' is not allowed in templates"),
        page(
            "?eval",
            "${\"1+1\"?eval}",
            "templates/page.ftlh:3:8: '?eval' is not allowed in templates"),
        page(
            "?no_esc on an editor's text",
            "<h1>${page.title?no_esc}</h1>",
            "templates/page.ftlh:3:7: ?no_esc on 'page.title' would put its text on the page"
                + " unescaped"),
        page(
            "noautoesc block",
            "<#noautoesc>${page.title}</#noautoesc>",
            "templates/page.ftlh:3:1: '<#noautoesc' is not allowed in templates"),
        page(
            "outputformat switch",
            "<#outputformat \"plainText\">${page.title}</#outputformat>",
            "templates/page.ftlh:3:1: '<#outputformat' is not allowed in templates"),
        Case.of(
            "ftl header turning escaping off",
            "templates/page.ftlh",
            "<#ftl auto_esc=false>\n" + HEAD + "${page.title}\n</body></html>\n",
            "templates/page.ftlh:1:7: 'auto_esc=' is not allowed in templates"),
        page(
            "include leaving templates/",
            "<#include \"../site.yaml\">",
            "templates/page.ftlh:3:1: template error while rendering content/about.md:"
                + " Template inclusion failed (for parameter value \"../site.yaml\"): Template not"
                + " found for name \"../site.yaml\"."),
        page(
            "include an absolute path",
            "<#include \"/etc/passwd\">",
            "templates/page.ftlh:3:1: template error while rendering content/about.md:"
                + " Template inclusion failed (for parameter value \"/etc/passwd\"):"
                + " Template not found for name \"etc/passwd\"."),
        page(
                "include a non-escaping .ftl file",
                "<#include \"raw.ftl\">",
                "templates/page.ftlh:3:1: template error while rendering content/about.md:"
                    + " Template inclusion failed (for parameter value \"raw.ftl\"):"
                    + " Template not found for name \"raw.ftl\".")
            .also("templates/raw.ftl", "${page.title}\n"),
        page(
                "include a static file",
                "<#include \"static/style.css\">",
                "templates/page.ftlh:3:1: template error while rendering content/about.md:"
                    + " Template inclusion failed (for parameter value \"static/style.css\"):"
                    + " Template not found for name \"static/style.css\".")
            .also("templates/static/style.css", "body{}\n"),
        page(
            "a Java static via the data model",
            "${statics['java.lang.System'].exit(1)}",
            "templates/page.ftlh:3:3: template error while rendering content/about.md:"
                + " 'statics' is missing (not defined, or empty)"),
        page(
            "a view record's Java methods",
            "${page.hashCode()}",
            "templates/page.ftlh:3:3: template error while rendering content/about.md:"
                + " 'page.hashCode' is missing (not defined, or empty)"),
        page(
            "a view record's class",
            "${page.class.name}",
            "templates/page.ftlh:3:3: template error while rendering content/about.md:"
                + " 'page.class' is missing (not defined, or empty)"),
        page(
            "a template that does not exist",
            "<#import \"nope.ftlh\" as n>",
            "templates/page.ftlh:3:1: template error while rendering content/about.md:"
                + " Template importing failed (for parameter value \"nope.ftlh\"):"
                + " Template not found for name \"nope.ftlh\"."));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileTemplateFailsWithALocatedError(Case c) {
    HostileSite s = HostileSite.built(dir);
    s.edit(c.edits());
    s.assertBuildFails(c.exitCode(), c.firstLine());
  }
}
