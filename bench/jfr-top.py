#!/usr/bin/env python3
"""Aggregates a JFR recording's execution samples: top self frames and time per build phase.

Usage: jfr print --events jdk.ExecutionSample X.jfr | bench/jfr-top.py [--frames 25]
"""
import collections
import re
import sys

# Phase buckets, by the outermost frame of ours or of a library that names the work.
BUCKETS = [
    ("check (jsoup parse)", "org.jsoup.Jsoup.parse"),
    ("check (rules)", "org.factsite.check."),
    ("markdown parse", "org.factsite.render.markdown.MarkdownRenderer.parse"),
    ("markdown resolve", "org.factsite.render.markdown.MarkdownResolver"),
    ("markdown render", "org.factsite.render.markdown.MarkdownRenderer.render"),
    ("templates", "org.factsite.render.template.TemplateRenderer.render"),
    ("charts", "org.factsite.render.chart."),
    ("load articles", "org.factsite.load.ArticleLoader"),
    ("load data", "org.factsite.load."),
    ("assemble", "org.factsite.assemble."),
    ("read files", "org.factsite.load.SourceTree"),
    ("write files", "org.factsite.write."),
    ("collect output", "org.factsite.build.SiteBuilder"),
]


def main():
    n_frames = int(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[1] == "--frames" else 25
    samples = sys.stdin.read().split("jdk.ExecutionSample")[1:]
    top = collections.Counter()
    phases = collections.Counter()
    for s in samples:
        frames = re.findall(r"^\s+([\w$.<>/]+)\(", s, re.M)
        if not frames:
            continue
        top[frames[0]] += 1
        phase = "other (JVM start, class loading, GC helpers)"
        for label, prefix in BUCKETS:
            if any(f.startswith(prefix) for f in frames):
                phase = label
                break
        phases[phase] += 1
    total = sum(phases.values()) or 1
    print("%d samples" % total)
    print("\n%-48s %7s" % ("phase", "share"))
    for p, c in phases.most_common():
        print("%-48s %6.1f%%" % (p, 100.0 * c / total))
    print("\ntop self frames")
    for f, c in top.most_common(n_frames):
        print("%6.1f%%  %s" % (100.0 * c / total, f))


if __name__ == "__main__":
    main()
