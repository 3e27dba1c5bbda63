import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.factsite.build.BuildOptions;
import org.factsite.serve.PreviewSite;

/**
 * The preview server's rebuild, in a loop and in-process, for profiling without the watcher:
 * builds the site once, warms up as serve does, then N times appends a paragraph to one article
 * and rebuilds, printing each rebuild's time, the median and the last rebuild's phases. The
 * article is restored at the end. Run with the jar on the class path (docs/serve.md):
 *
 * <pre>java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp target/factsite.jar \
 *     bench/RebuildLoop.java SITE_DIR [N] [content/posts/article-00500.md]</pre>
 */
public class RebuildLoop {
  public static void main(String[] args) throws Exception {
    Path root = Path.of(args[0]);
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    String rel = args.length > 2 ? args[2] : "content/posts/article-00500.md";
    PreviewSite site = new PreviewSite(root, new BuildOptions(true));
    long t0 = System.nanoTime();
    PreviewSite.Rebuild first = site.rebuildAll();
    System.out.println("first build: " + (System.nanoTime() - t0) / 1_000_000 + " ms, ok="
        + first.ok());
    site.warmUp(5);
    Path file = root.resolve(rel);
    String original = Files.readString(file);
    List<Long> ms = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        Files.writeString(file, original + "\n\nAnother paragraph, number " + i + ".\n");
        PreviewSite.Rebuild r = site.rebuild(List.of(rel));
        ms.add(r.millis());
        if (i == n - 1) {
          System.out.println("last rebuild: " + r.rendered() + " page(s); " + r.timings());
        }
      }
    } finally {
      Files.writeString(file, original);
    }
    List<Long> sorted = new ArrayList<>(ms);
    Collections.sort(sorted);
    System.out.println("rebuild ms: " + ms);
    System.out.println("median " + sorted.get(sorted.size() / 2) + " ms, min " + sorted.get(0)
        + " ms, max " + sorted.get(sorted.size() - 1) + " ms");
  }
}
