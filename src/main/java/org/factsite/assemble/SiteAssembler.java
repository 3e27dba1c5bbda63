package org.factsite.assemble;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.factsite.config.SiteConfigParser;
import org.factsite.diag.Diagnostic;
import org.factsite.diag.Diagnostics;
import org.factsite.diag.SourcePos;
import org.factsite.diag.Suggestions;
import org.factsite.load.ArticleLoader;
import org.factsite.load.ArticleStore;
import org.factsite.load.DataLoader;
import org.factsite.load.Inputs;
import org.factsite.load.LoadedData;
import org.factsite.load.YamlReader;
import org.factsite.model.Article;
import org.factsite.model.Chart;
import org.factsite.model.ChartSpec;
import org.factsite.model.Site;
import org.factsite.model.SiteConfig;
import org.factsite.model.Source;
import org.factsite.model.Statistic;

/**
 * Loads every input and assembles the {@link Site}: parses settings, articles and data, computes
 * derived figures, resolves charts, and checks ids, source references and output paths. Nothing is
 * rendered or written here.
 */
public final class SiteAssembler {
  private final YamlReader yaml = new YamlReader();
  private final SiteConfigParser configParser = new SiteConfigParser(yaml);
  private final ArticleLoader articleLoader = new ArticleLoader(yaml);
  private final DataLoader dataLoader = new DataLoader(yaml);
  private final ChartResolver.Describer describer;
  private final ArticleMemo memo;
  private volatile ArticleStore store;

  public SiteAssembler(ChartResolver.Describer describer) {
    this(describer, ArticleMemo.NONE);
  }

  /** An assembler that asks {@code memo} before loading an article again. */
  public SiteAssembler(ChartResolver.Describer describer, ArticleMemo memo) {
    this.describer = describer;
    this.memo = memo;
  }

  /** Returns the site, or empty when errors (reported in {@code d}) make it unusable. */
  public Optional<Site> assemble(Inputs inputs, boolean includeDrafts, Diagnostics d) {
    return assemble(inputs, includeDrafts, null, d);
  }

  /** As {@link #assemble(Inputs, boolean, Diagnostics)}, publishing at {@code baseUrl}. */
  public Optional<Site> assemble(
      Inputs inputs, boolean includeDrafts, String baseUrl, Diagnostics d) {
    Optional<SiteConfig> config = Optional.empty();
    if (inputs.has(SiteConfigParser.PATH)) {
      try {
        config = configParser.parse(inputs.text(SiteConfigParser.PATH), d);
      } catch (java.nio.charset.CharacterCodingException e) {
        d.error(new SourcePos(SiteConfigParser.PATH, 1, 1), "the file is not valid UTF-8 text");
      }
    } else {
      SiteConfigParser.reportMissing(d);
    }
    List<Article> articles = loadArticles(inputs, includeDrafts, d);
    int errorsBeforeData = d.errorCount();
    LoadedData data = dataLoader.load(inputs, d);
    // A data file that failed to load leaves its figures out; resolving charts and derived
    // figures against what is left would report every reference to them as unknown, burying
    // the one error that matters.
    boolean dataBroken = d.errorCount() > errorsBeforeData;

    Map<String, Source> sources = new TreeMap<>();
    for (Source s : data.sources()) {
      Source before = sources.putIfAbsent(s.id(), s);
      if (before != null) {
        duplicate(s.pos(), "source", s.id(), before.pos(), data, d);
      }
    }
    Map<String, Statistic> stats = new TreeMap<>();
    for (Statistic s : data.statistics()) {
      Statistic before = stats.putIfAbsent(s.id(), s);
      if (before != null) {
        duplicate(s.pos(), "statistic", s.id(), before.pos(), data, d);
      }
      for (String src : s.sources()) {
        if (!sources.containsKey(src)) {
          String text = data.texts().get(s.pos().path());
          SourcePos at = tokenAfter(text, s.pos(), "sources", src);
          d.error(
              at,
              "unknown source '" + src + "'",
              Suggestions.didYouMean(src, sources.keySet()),
              text);
        }
      }
    }
    Map<String, Chart> charts = new TreeMap<>();
    if (!dataBroken) {
      resolveFigures(data, stats, sources, charts, d);
    }
    checkOutputCollisions(articles, inputs, d);
    if (config.isEmpty()) {
      return Optional.empty();
    }
    SiteConfig c = config.get();
    if (baseUrl != null) {
      c =
          new SiteConfig(
              c.title(), c.description(), baseUrl, c.language(), c.nav(), c.pageBudgetKb());
    }
    return Optional.of(new Site(c, articles, sources, stats, charts));
  }

  private void resolveFigures(
      LoadedData data,
      Map<String, Statistic> stats,
      Map<String, Source> sources,
      Map<String, Chart> charts,
      Diagnostics d) {
    DerivedFigures.compute(data.derived(), stats, d);
    for (ChartSpec spec : data.charts()) {
      Optional<Chart> c = ChartResolver.resolve(spec, stats, sources, data.texts(), describer, d);
      if (c.isPresent()) {
        charts.put(c.get().id(), c.get());
      }
    }
  }

  /**
   * The place of {@code token} written after {@code key} in the mapping that starts at {@code
   * from}, so an error points at the offending word; {@code from} itself when it is not found.
   */
  static SourcePos tokenAfter(String text, SourcePos from, String key, String token) {
    if (text == null || from.line() < 1) {
      return from;
    }
    String[] lines = text.split("\n", -1);
    java.util.regex.Pattern word =
        java.util.regex.Pattern.compile(
            "(?<![A-Za-z0-9_-])" + java.util.regex.Pattern.quote(token) + "(?![A-Za-z0-9_-])");
    boolean inKey = false;
    for (int i = from.line() - 1; i < lines.length; i++) {
      String line = lines[i];
      int start = 0;
      if (!inKey) {
        int k = line.indexOf(key + ":");
        if (k < 0) {
          continue;
        }
        inKey = true;
        start = k + key.length() + 1;
      }
      java.util.regex.Matcher m = word.matcher(line);
      if (m.find(start)) {
        return new SourcePos(from.path(), i + 1, m.start() + 1);
      }
    }
    return from;
  }

  private static void duplicate(
      SourcePos at, String kind, String id, SourcePos first, LoadedData data, Diagnostics d) {
    d.error(
        at,
        "the " + kind + " id '" + id + "' is defined twice",
        "the first is at " + first.label(),
        data.texts().get(at.path()));
  }

  private List<Article> loadArticles(Inputs inputs, boolean includeDrafts, Diagnostics d) {
    List<String> paths = new ArrayList<>();
    for (String path : inputs.under("content/", "")) {
      if (path.endsWith(".md")) {
        paths.add(path);
      } else {
        d.warning(SourcePos.of(path), "ignored: articles end in .md");
      }
    }
    // Articles are independent: parse them on all cores, keep the sorted order.
    List<Optional<Article>> loaded =
        paths.parallelStream()
            .map(
                new Function<String, Optional<Article>>() {
                  @Override
                  public Optional<Article> apply(String p) {
                    return decodeAndLoad(inputs, p, d);
                  }
                })
            .toList();
    ArticleStore kept = store;
    if (kept != null) {
      kept.save(new HashSet<>(paths));
    }
    List<Article> out = new ArrayList<>();
    for (Optional<Article> a : loaded) {
      if (a.isPresent() && (includeDrafts || !a.get().meta().draft())) {
        out.add(a.get());
      }
    }
    return out;
  }

  private Optional<Article> decodeAndLoad(Inputs inputs, String path, Diagnostics d) {
    return memo.article(path, inputs.bytes(path), d, new Load(inputs, path));
  }

  /** Loads one article for the memo, reporting into the collector the memo gives it. */
  private final class Load implements Function<Diagnostics, Optional<Article>> {
    private final Inputs inputs;
    private final String path;

    Load(Inputs inputs, String path) {
      this.inputs = inputs;
      this.path = path;
    }

    @Override
    public Optional<Article> apply(Diagnostics local) {
      String text;
      try {
        text = inputs.textWithLf(path);
      } catch (java.nio.charset.CharacterCodingException e) {
        local.error(
            new SourcePos(path, 1, 1), "the file is not valid UTF-8 text", "save it as UTF-8");
        return Optional.empty();
      }
      ArticleStore kept = store;
      if (kept == null) {
        return articleLoader.loadWithLf(path, text, local);
      }
      // Only an article that loaded without a word from the loader is kept.
      Diagnostics mine = new Diagnostics();
      Optional<Article> a =
          kept.article(
              path,
              inputs.bytes(path),
              text,
              new Supplier<Optional<Article>>() {
                @Override
                public Optional<Article> get() {
                  return articleLoader.loadWithLf(path, text, mine);
                }
              },
              new Supplier<Boolean>() {
                @Override
                public Boolean get() {
                  return mine.all().isEmpty();
                }
              });
      for (Diagnostic m : mine.all()) {
        local.add(m);
      }
      return a;
    }
  }

  /**
   * Loads articles through {@code store} from now on (null: load every article not remembered by
   * the memo), so a new process finds the articles whose files are as in the last build.
   */
  public void keepIn(ArticleStore store) {
    this.store = store;
  }

  /** How many articles came from the store rather than their YAML since it was set. */
  public int keptHits() {
    ArticleStore s = store;
    return s == null ? 0 : s.hits();
  }

  private static void checkOutputCollisions(List<Article> articles, Inputs inputs, Diagnostics d) {
    Map<String, Article> byKey = new HashMap<>();
    for (Article a : articles) {
      Article other = byKey.putIfAbsent(a.output().collisionKey(), a);
      if (other != null) {
        String text = null;
        try {
          text = inputs.text(a.sourcePath());
        } catch (java.nio.charset.CharacterCodingException e) {
          // Already reported while loading.
        }
        SourcePos at =
            tokenAfter(text, new SourcePos(a.sourcePath(), 1, 1), "slug", a.meta().slug());
        d.error(
            at,
            "this page would be written to "
                + a.output().value()
                + ", which "
                + other.sourcePath()
                + " also writes",
            "give one of them a different slug");
      }
    }
  }
}
