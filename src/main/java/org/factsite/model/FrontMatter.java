package org.factsite.model;

import java.time.LocalDate;
import java.util.List;

/** The YAML header of an article. */
public record FrontMatter(
    String title,
    String summary,
    String slug,
    LocalDate date,
    Integer order,
    boolean draft,
    String layout,
    List<String> tags,
    boolean contentNote) {
  public FrontMatter {
    tags = List.copyOf(tags);
  }
}
