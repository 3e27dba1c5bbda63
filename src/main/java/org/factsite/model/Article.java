package org.factsite.model;

/**
 * One Markdown file from {@code content/}: where it came from, its front matter, its body, the
 * 1-based line the body starts on (so body positions map back to the file), and where it goes.
 */
public record Article(
    String sourcePath, FrontMatter meta, String body, int bodyLine, OutputPath output) {}
