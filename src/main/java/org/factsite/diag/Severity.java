package org.factsite.diag;

/** How serious a diagnostic is: errors fail the build, warnings do not. */
public enum Severity {
  ERROR,
  WARNING
}
