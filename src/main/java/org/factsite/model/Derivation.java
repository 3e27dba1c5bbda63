package org.factsite.model;

import java.util.List;

/**
 * How a derived figure was computed: the operation, the ids of its inputs, and the working written
 * out for readers ("12,925 ÷ 12 quarters = 1,077.1").
 */
public record Derivation(String operation, List<String> inputs, String working) {
  public Derivation {
    inputs = List.copyOf(inputs);
  }
}
