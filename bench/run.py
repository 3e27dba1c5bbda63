#!/usr/bin/env python3
"""Build-speed benchmark: factsite and Hugo side by side on the peers' corpus.

One command (see docs/performance.md):

    bench/run.sh                      # N = 1,000 and 10,000, 5 timed runs each, charts at 1,000
    bench/run.sh --sizes 1000 --runs 9 --charts 0

What it does:
  1. builds the jar (mvn -q package -DskipTests) unless --no-package;
  2. runs bin/factsite build once, untimed, so that it records its class-data-sharing archive
     (factsite.jsa next to the jar), as a user's first build after an upgrade would;
  3. for each N, generates the corpus with ../shared/bench/gen-corpus.py --only hugo, copies the
     articles into bench/site/content/posts/ and builds it with
       - factsite, the ordinary way:   java -jar target/factsite.jar build --output OUT/factsite
       - factsite through bin/factsite (the launcher: CDS archive, parallel GC, C1 only)
       - bin/factsite build without --no-cache, reusing what the build before kept ("kept" row)
       - the same after the newest article was given a new title, which changes every page's
         list of the latest ("retitled" row)
       - Hugo (Debian package):        hugo --quiet --destination OUT/hugo   in the corpus' hugo/
     each into its own output folder, deleted before each run, all side by side in OUT
     (--out-root), runs interleaved so machine noise hits all alike;
     one untimed warm-up run per generator checks the output (page count, relative links);
  4. builds a corpus with one chart per article for charts per second;
  5. prints a markdown table (also saved to WORK/results.md).

Wall time is the whole process, JVM start included; peak RSS comes from /usr/bin/time -v.
"""
import argparse
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SITE = os.path.join(ROOT, "bench", "site")
GEN = os.path.normpath(os.path.join(ROOT, "..", "shared", "bench", "gen-corpus.py"))
LAUNCHER = os.path.join(ROOT, "bin", "factsite")


def sh(cmd, cwd=None, env=None, check=True, capture=True):
    r = subprocess.run(cmd, cwd=cwd, env=env, text=True,
                       stdout=subprocess.PIPE if capture else None,
                       stderr=subprocess.PIPE if capture else None)
    if check and r.returncode != 0:
        sys.exit("command failed (%d): %s\n%s%s" % (r.returncode, " ".join(cmd),
                                                    r.stdout or "", r.stderr or ""))
    return r


def measure(cmd, cwd, env=None):
    """Runs cmd under /usr/bin/time -v; returns (wall s, peak RSS MB, cpu s, stdout)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        t0 = time.perf_counter()
        r = subprocess.run(["/usr/bin/time", "-v", "-o", tf.name] + cmd, cwd=cwd, env=env,
                           text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
        report = tf.read()
    if r.returncode != 0:
        sys.exit("build failed (%d): %s in %s\n%s%s" % (r.returncode, " ".join(cmd), cwd,
                                                        r.stdout, r.stderr))
    rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", report).group(1))
    user = float(re.search(r"User time \(seconds\): ([\d.]+)", report).group(1))
    system = float(re.search(r"System time \(seconds\): ([\d.]+)", report).group(1))
    return wall, rss_kb / 1024.0, user + system, r.stdout, user, system


class Tool:
    """A generator to time: how to build, where its output goes, how to check it."""

    def __init__(self, name, cmd, cwd, out_dir, env=None):
        self.name, self.cmd, self.cwd, self.out_dir, self.env = name, cmd, cwd, out_dir, env

    def run(self):
        shutil.rmtree(self.out_dir, ignore_errors=True)
        return measure(self.cmd, self.cwd, self.env)


def factsite_env(jar, cache):
    """bin/factsite on this jar, keeping what it keeps between builds in the bench's own folder."""
    return dict(os.environ, FACTSITE_JAR=jar, XDG_CACHE_HOME=cache)


def afresh(out):
    """factsite's arguments for a build that makes everything afresh into out."""
    return ["build", "--no-cache", "--output", out]


def factsite_tools(jar, with_launcher, out_root, cache, with_plain=True, with_kept=False,
                   with_retitled=False):
    """factsite making everything afresh (--no-cache), as a first build would; with_kept adds the
    ordinary build command, which reuses what the build before it kept. Each has its own output
    folder, deleted just before each of its runs, as Hugo's is: on this file system creating files
    costs more right after many were deleted nearby (docs/performance.md), so a folder shared by
    the factsite rows made each of them build straight after another one's output was deleted."""
    tools = []
    if with_plain:
        out = os.path.join(out_root, "factsite-jar")
        tools.append(Tool("factsite (java -jar)", ["java", "-jar", jar] + afresh(out), SITE, out))
    if with_launcher:
        out = os.path.join(out_root, "factsite")
        tools.append(Tool("factsite (bin/factsite)", [LAUNCHER] + afresh(out), SITE, out,
                          factsite_env(jar, cache)))
    if with_kept:
        tools.append(factsite_kept_tool(jar, out_root, cache))
    if with_retitled:
        tools.append(RetitledTool(jar, out_root, cache))
    return tools


def other_jar_tool(jar, out_root, cache):
    """bin/factsite on another jar, everything afresh, in an output folder of its own. Its warm-up
    run records that jar's class-data-sharing archive beside it if there is none."""
    jar = os.path.abspath(jar)
    if not os.path.isfile(jar):
        sys.exit("--also-jar: no such jar: " + jar)
    out = os.path.join(out_root, "factsite-other")
    name = "factsite (bin/factsite, %s)" % os.path.basename(jar)
    return Tool(name, [LAUNCHER] + afresh(out), SITE, out,
                factsite_env(jar, cache + "-other"))


def factsite_kept_tool(jar, out_root, cache):
    """bin/factsite build without --no-cache: the drawings, rendered Markdown and page facts that
    the build before it kept (in the user's cache folder, here the bench's own) are reused for
    every chart, article and page whose input is unchanged."""
    out = os.path.join(out_root, "factsite-kept")
    return Tool(KEPT, [LAUNCHER, "build", "--output", out], SITE, out, factsite_env(jar, cache))


KEPT = "factsite (bin/factsite, kept from the last build)"
RETITLED = "factsite (bin/factsite, kept; newest article retitled since)"


class RetitledTool(Tool):
    """The ordinary build command after an editor gave the newest article a new title: every
    page's list of the 10 latest changes, so every page is rendered and checked again, while every
    article's Markdown (and so its body) is as the build before kept it. Before each run an
    untimed build of the unchanged corpus leaves what an editor's last rebuild would have kept
    (an unchanged rebuild reads no page anew, so what it keeps must still serve this edit); then
    the run writes another title, and puts the article back as it was afterwards, so the other
    rows build the corpus unchanged. Its kept results live in a cache of its own, so that the kept
    row's stay those of the unchanged corpus."""

    def __init__(self, jar, out_root, cache):
        out = os.path.join(out_root, "factsite-retitled")
        super().__init__(RETITLED, [LAUNCHER, "build", "--output", out], SITE, out,
                         factsite_env(jar, cache + "-retitled"))
        self.runs = 0
        self.newest = None

    def run(self):
        measure(self.cmd, self.cwd, self.env)  # the editor's last rebuild, untimed
        posts = os.path.join(SITE, "content", "posts")
        if self.newest is None or not os.path.exists(self.newest):
            names = sorted(os.listdir(posts))
            self.newest = os.path.join(
                posts, max(names, key=lambda n: article_date(os.path.join(posts, n))))
        path = self.newest
        with open(path, encoding="utf-8") as f:
            original = f.read()
        self.runs += 1
        retitled = re.sub(r"^title: .*$", 'title: "Retitled, take %d"' % self.runs, original,
                          count=1, flags=re.M)
        with open(path, "w", encoding="utf-8") as f:
            f.write(retitled)
        try:
            return super().run()
        finally:
            with open(path, "w", encoding="utf-8") as f:
                f.write(original)


def article_date(path):
    with open(path, encoding="utf-8") as f:
        m = re.search(r"^date: (\S+)", f.read(), re.M)
    return m.group(1) if m else ""


def hugo_tool(corpus, out_root):
    root = os.path.join(corpus, "hugo")
    out = os.path.join(out_root, "hugo")
    return Tool("Hugo " + hugo_version(), ["hugo", "--quiet", "--destination", out], root, out)


def hugo_version():
    v = sh(["hugo", "version"]).stdout
    m = re.search(r"v([\d.]+)", v)
    return m.group(1) if m else "?"


def generate(n, work):
    corpus = os.path.join(work, "n%d" % n)
    posts = os.path.join(corpus, "hugo", "content", "posts")
    if not (os.path.isdir(posts) and len(os.listdir(posts)) == n):
        sh([sys.executable, GEN, "--n", str(n), "--only", "hugo", "--out", corpus])
    return corpus


def fill_site(corpus, charts=False):
    """Puts the corpus' articles (and, for the chart corpus, one chart each) into bench/site."""
    posts = os.path.join(SITE, "content", "posts")
    data = os.path.join(SITE, "data")
    shutil.rmtree(posts, ignore_errors=True)
    shutil.rmtree(data, ignore_errors=True)
    os.makedirs(posts)
    src = os.path.join(corpus, "hugo", "content", "posts")
    names = sorted(os.listdir(src))
    for name in names:
        if not charts:
            shutil.copyfile(os.path.join(src, name), os.path.join(posts, name))
            continue
        with open(os.path.join(src, name), encoding="utf-8") as f:
            text = f.read()
        cid = "chart-" + name[len("article-"):-len(".md")]
        with open(os.path.join(posts, name), "w", encoding="utf-8") as f:
            f.write(text + "\n{{chart %s}}\n" % cid)
    if charts:
        write_chart_data(data, [n[len("article-"):-len(".md")] for n in names])


STATS = 40


def write_chart_data(data, numbers):
    os.makedirs(os.path.join(data, "charts"))
    lines = ["sources:", "  - id: bench", "    title: Generated benchmark figures",
             "    publisher: factsite bench", "statistics:"]
    rng = random.Random(7)
    for i in range(STATS):
        lines += ["  - id: count_%02d" % i, "    value: %d" % rng.randint(100, 20000),
                  "    format: count", "    unit: items", "    period: 2020",
                  "    geography: Bench area %d" % i, "    sources: [bench]"]
    with open(os.path.join(data, "figures.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    for num in numbers:
        r = random.Random(num)
        bars = r.sample(range(STATS), 3)
        chart = ["headline: Area %d leads in article %s" % (bars[0], num),
                 "subtitle: Items counted in three bench areas, 2020 (article %s)" % num,
                 "type: %s" % ("column" if int(num) % 2 else "bar"),
                 "value_axis: Items", "bars:"]
        for b in bars:
            chart += ["  - label: Area %d, article %s" % (b, num), "    stat: count_%02d" % b]
        with open(os.path.join(data, "charts", "chart-%s.yaml" % num), "w",
                  encoding="utf-8") as f:
            f.write("\n".join(chart) + "\n")


def verify_factsite(n, out):
    pages = len([d for d in os.listdir(os.path.join(out, "posts"))
                 if os.path.isfile(os.path.join(out, "posts", d, "index.html"))])
    if pages != n or not os.path.isfile(os.path.join(out, "index.html")):
        sys.exit("factsite wrote %d article pages, expected %d" % (pages, n))
    with open(os.path.join(out, "posts", "article-00000", "index.html"), encoding="utf-8") as f:
        html = f.read()
    if 'href="/' in html or 'href="../../posts/article-' not in html:
        sys.exit("factsite's article links are not relative: check posts/article-00000/")
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        index = f.read()
    if index.count('<li><a href="./posts/') != n + min(10, n):
        sys.exit("factsite's index.html does not list every article (and the nav of 10)")


def verify_hugo(n, out_root):
    posts = os.path.join(out_root, "hugo", "posts")
    pages = len([d for d in os.listdir(posts)
                 if os.path.isfile(os.path.join(posts, d, "index.html"))])
    if pages != n:
        sys.exit("Hugo wrote %d article pages, expected %d" % (pages, n))


def phase_ms(stdout, phase):
    m = re.search(r"^%s\s+(\d+) ms" % phase, stdout, re.M)
    return int(m.group(1)) if m else None


def time_tools(tools, runs, label_n, pages):
    """Interleaved timed runs; returns rows of results."""
    results = {t.name: [] for t in tools}
    for _ in range(runs):
        for t in tools:
            results[t.name].append(t.run())
    rows = []
    for t in tools:
        rs = results[t.name]
        wall = statistics.median(r[0] for r in rs)
        rows.append(dict(tool=t.name, n=label_n, pages=pages, wall=wall,
                         wall_min=min(r[0] for r in rs),
                         cpu=statistics.median(r[2] for r in rs),
                         user=statistics.median(r[4] for r in rs),
                         sys=statistics.median(r[5] for r in rs),
                         rss=statistics.median(r[1] for r in rs),
                         rss_max=max(r[1] for r in rs),
                         pps=pages / wall, stdout=rs[-1][3]))
    return rows


def table(rows):
    out = ["| generator | N | wall median s | wall min s | CPU s (user + sys) | peak RSS MB (max)"
           " | pages/s | vs Hugo pages/s | vs Hugo RSS |",
           "|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        hugo = next((h for h in rows if h["n"] == r["n"] and h["tool"].startswith("Hugo")), None)
        speed = "%.2f×" % (r["pps"] / hugo["pps"]) if hugo else "-"
        mem = "%.2f×" % (r["rss"] / hugo["rss"]) if hugo else "-"
        out.append("| %s | %s | %.2f | %.2f | %.2f (%.2f + %.2f) | %.0f (%.0f) | %.0f | %s | %s |" % (
            r["tool"], "{:,}".format(r["n"]), r["wall"], r["wall_min"], r["cpu"], r["user"],
            r["sys"], r["rss"],
            r["rss_max"], r["pps"], speed, mem))
    return "\n".join(out)


def machine():
    mem = ""
    with open("/proc/meminfo") as f:
        m = re.search(r"MemTotal:\s+(\d+) kB", f.read())
        mem = "%.1f GiB" % (int(m.group(1)) / 1024 / 1024) if m else "?"
    java = sh(["java", "-version"]).stderr.splitlines()[0]
    return "%d cores, %s, %s, %s, load average at start %s" % (
        os.cpu_count(), mem, platform.platform(terse=True), java,
        " ".join("%.1f" % x for x in os.getloadavg()))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="corpus sizes, comma-separated")
    ap.add_argument("--runs", type=int, default=5,
                    help="timed runs per generator and size (this machine's speed moves by a"
                         " fifth within minutes: fewer runs give a noisy median)")
    ap.add_argument("--charts", type=int, default=1000,
                    help="articles in the one-chart-per-article corpus (0: skip)")
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "factsite-bench"),
                    help="where corpora and results go")
    ap.add_argument("--build-dir", default=os.path.join(ROOT, "target"),
                    help="Maven build folder holding factsite.jar")
    ap.add_argument("--no-package", action="store_true", help="use the jar as it is")
    ap.add_argument("--no-hugo", action="store_true", help="time factsite only")
    ap.add_argument("--launcher-only", action="store_true",
                    help="time factsite through bin/factsite only, without the plain java -jar"
                         " row (whose output, deleted before the next run, also weighs on the"
                         " file system; see docs/performance.md)")
    ap.add_argument("--no-kept", action="store_true",
                    help="leave out the rows of ordinary builds that reuse what the build before"
                         " kept (charts, rendered Markdown, page facts): the unchanged corpus, and"
                         " the corpus with its newest article retitled")
    ap.add_argument("--also-jar", default=None, metavar="JAR",
                    help="also time bin/factsite on this other jar (say, one packaged from an"
                         " earlier commit with --build-dir), everything afresh, interleaved with"
                         " the other rows: a change measured against the code before it")
    ap.add_argument("--out-root", default=None,
                    help="folder holding both generators' output folders, side by side"
                         " (default: WORK/out; a tmpfs such as /dev/shm/x leaves the disk out)")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    # Both outputs in one folder: this ext4 (no journal) skips over inodes freed in the last
    # seconds to minutes on every file it creates, so a generator writing where many files were
    # just deleted pays far more kernel time than one writing elsewhere (docs/performance.md).
    out_root = os.path.abspath(args.out_root or os.path.join(args.work, "out"))
    os.makedirs(out_root, exist_ok=True)
    jar = os.path.join(args.build_dir, "factsite.jar")
    # What factsite keeps between builds goes here, emptied first: the "kept" rows reuse only
    # what this run's own builds kept.
    cache = os.path.join(args.work, "cache")
    shutil.rmtree(cache, ignore_errors=True)
    shutil.rmtree(cache + "-retitled", ignore_errors=True)
    about_machine = machine()  # before the runs: the load average says how busy the box was

    if not args.no_package:
        print("packaging the jar ...", file=sys.stderr)
        sh(["mvn", "-q", "-B", "-Dbuild.dir=" + args.build_dir, "package", "-DskipTests"],
           cwd=ROOT)
    sizes = [int(s) for s in args.sizes.split(",") if s]

    # The launcher records its class-data-sharing archive on its first run after the jar
    # changed; do that run now (untimed), so the timed runs use the archive as a user's would.
    jsa = os.path.join(args.build_dir, "factsite.jsa")
    fill_site(generate(min(sizes + [1000]), args.work))
    if os.path.exists(jsa):
        os.remove(jsa)
    print("recording the launcher's CDS archive %s ..." % jsa, file=sys.stderr)
    # With the ordinary command, as a user's first build after an upgrade: nothing it kept before
    # fits the new jar, so this build makes everything and keeps it, and the archive holds the
    # classes of both ways (a --no-cache build would leave out those of reading kept results).
    factsite_kept_tool(jar, out_root, cache).run()
    if not os.path.exists(jsa):
        print("warning: no CDS archive was recorded", file=sys.stderr)

    rows = []
    for n in sizes:
        print("N = %d ..." % n, file=sys.stderr)
        corpus = generate(n, args.work)
        fill_site(corpus)
        tools = factsite_tools(jar, True, out_root, cache, not args.launcher_only,
                               not args.no_kept, not args.no_kept) + (
            [other_jar_tool(args.also_jar, out_root, cache)] if args.also_jar else []) + (
            [] if args.no_hugo else [hugo_tool(corpus, out_root)])
        # Untimed warm-up (disk cache; for the kept row, what it keeps), then check what it wrote.
        for t in tools:
            t.run()
            if t.name.startswith("Hugo"):
                verify_hugo(n, out_root)
            else:
                verify_factsite(n, t.out_dir)
        rows += time_tools(tools, args.runs, n, n + 1)

    chart_rows = []
    if args.charts:
        print("charts corpus, N = %d ..." % args.charts, file=sys.stderr)
        fill_site(generate(args.charts, args.work), charts=True)
        tools = factsite_tools(jar, True, out_root, cache, with_kept=True)
        tools[0].run()
        verify_factsite(args.charts, tools[0].out_dir)
        tools[2].run()  # keeps every drawing for the rebuild row
        chart_rows = time_tools(tools, args.runs, args.charts, args.charts + 1)
    # Leave bench/site as a plain N-article site (no generated data/).
    shutil.rmtree(os.path.join(SITE, "data"), ignore_errors=True)

    lines = ["Machine: " + about_machine, "",
             "Command: bench/run.sh " + " ".join(sys.argv[1:]), "",
             "Full build into a deleted output folder, median of %d interleaved runs after one"
             " warm-up. Rows without \"kept\" pass --no-cache and make everything afresh; the"
             " \"kept\" row is the ordinary build command, reusing what the build before it kept"
             " for unchanged inputs (here the same corpus); the \"retitled\" row is that command"
             " after the newest article was given a new title, which changes every page's list"
             " of the latest:" % args.runs, "",
             table(rows)]
    if chart_rows:
        lines += ["", "One chart per article (N = {:,}):".format(args.charts), "",
                  "| generator | charts | wall median s | peak RSS MB | charts phase ms"
                  " | charts/s (charts phase) | charts/s (whole build) |",
                  "|---|---:|---:|---:|---:|---:|---:|"]
        for r in chart_rows:
            ms = phase_ms(r["stdout"], "charts")
            lines.append("| %s | %d | %.2f | %.0f | %s | %s | %.0f |" % (
                r["tool"], args.charts, r["wall"], r["rss"], ms if ms is not None else "?",
                "%.0f" % (args.charts / (ms / 1000.0)) if ms else "?",
                args.charts / r["wall"]))
    lines += ["", "Load average at end: " + " ".join("%.1f" % x for x in os.getloadavg())]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(args.work, "results.md"), "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
