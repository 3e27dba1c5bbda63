package org.factsite.render.template;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TimeZone;
import org.factsite.keep.KeptCodec;
import org.factsite.keep.KeptFile;
import org.factsite.load.Inputs;

/**
 * Keeps rendered pages between builds, so a build runs a page's template only when something the
 * page is made from changed. A page is made from its template model (view records: the page, the
 * site and its navigation, the lists of pages and latest pages) and the templates; the templates
 * see nothing else ({@link TemplateSafety} refuses every way out of the model). So a kept page is
 * used only when all of these are as they were:
 *
 * <ul>
 *   <li>everything under {@code templates/} and {@code site.yaml}, byte for byte, and the code
 *       ({@code identity}); also the JVM's locale and time zone, as a precaution (FreeMarker is set
 *       to UK English and UTC, so neither should reach a page);
 *   <li>the site-wide lists every page may show ({@code pages}, {@code latest}): these four make
 *       the file's context, so a new article, which changes the latest list, renders every page;
 *   <li>the page's own view records, written out component by component (by reflection, so a
 *       component added to a view record is part of the key without anyone remembering to add it).
 * </ul>
 *
 * Pages with layout-specific values (the sources page) are not kept, nor is a page whose rendering
 * reported anything. Thread-safe.
 */
public final class PageStore {
  private final KeptFile file;
  private volatile String context = "";

  /** Pages kept in {@code file} by the code named {@code identity}. */
  public PageStore(Path file, String identity) {
    this.file = new KeptFile(file, identity);
  }

  /**
   * Starts a build: what every page shares, the templates and settings in {@code inputs} and the
   * site-wide lists.
   */
  public void begin(Inputs inputs, Object pages, Object latest) {
    KeptCodec.Writer shared = new KeptCodec.Writer();
    for (String path : inputs.under("templates/", "")) {
      shared.string(path);
      shared.bytes(inputs.bytes(path));
    }
    shared.string("site.yaml");
    shared.bytes(inputs.has("site.yaml") ? inputs.bytes("site.yaml") : new byte[0]);
    shared.string(Locale.getDefault().toLanguageTag());
    shared.string(TimeZone.getDefault().getID());
    context =
        Long.toHexString(file.hashOf(shared.toByteArray()))
            + "-"
            + Long.toHexString(file.hashOf(key(pages)))
            + "-"
            + Long.toHexString(file.hashOf(key(latest)));
  }

  /**
   * The page kept at {@code page} for this layout and these view records, or null: then render it
   * and hand it to {@link #keep}.
   */
  public byte[] find(String page, String layout, Object pageView, Object siteView) {
    KeptCodec.Writer in = new KeptCodec.Writer();
    in.string(layout);
    write(in, pageView);
    write(in, siteView);
    return file.find(page, context, in.toByteArray());
  }

  /**
   * Whether {@link #find} will miss every page of this build: nothing was kept, or it was kept with
   * other templates, settings or lists (then every page is rendered, and its template is needed).
   */
  public boolean keepsNone() {
    return !file.holdsAny(context);
  }

  /** Keeps a page {@link #find} missed; {@code clean} says its rendering reported nothing. */
  public void keep(String page, boolean clean, byte[] html) {
    if (clean && html != null) {
      file.keep(page, html);
    } else {
      file.forget(page);
    }
  }

  /** How many pages were found rather than rendered in this build. */
  public int hits() {
    return file.hits();
  }

  /** Keeps this build's pages (by output path) for the next build. */
  public void save(Set<String> pages) {
    file.save(pages, context);
  }

  private static byte[] key(Object value) {
    KeptCodec.Writer out = new KeptCodec.Writer();
    write(out, value);
    return out.toByteArray();
  }

  /**
   * Writes a model value unambiguously: strings with their length, lists with their size, records
   * with their type and every component. Anything else a view record could hold is refused, so
   * nothing is left out of a key unnoticed.
   */
  static void write(KeptCodec.Writer out, Object v) {
    if (v == null) {
      out.varint(0);
    } else if (v instanceof String s) {
      out.varint(1);
      out.string(s);
    } else if (v instanceof Boolean b) {
      out.varint(2);
      out.bool(b);
    } else if (v instanceof Integer || v instanceof Long) {
      out.varint(3);
      out.long64(((Number) v).longValue());
    } else if (v instanceof List<?> l) {
      out.varint(4);
      out.varint(l.size());
      for (Object x : l) {
        write(out, x);
      }
    } else if (v instanceof Record r) {
      out.varint(5);
      out.string(r.getClass().getName());
      for (Method accessor : ViewComponents.of(r.getClass()).values()) {
        try {
          write(out, accessor.invoke(r));
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalArgumentException("cannot read " + accessor, e);
        }
      }
    } else {
      throw new IllegalArgumentException("a page model cannot hold " + v.getClass().getName());
    }
  }
}
