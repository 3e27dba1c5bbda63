package org.factsite.build;

/** What a build includes: drafts are left out unless asked for. */
public record BuildOptions(boolean includeDrafts) {
  public static final BuildOptions DEFAULT = new BuildOptions(false);
}
