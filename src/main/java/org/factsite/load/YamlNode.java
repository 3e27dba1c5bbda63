package org.factsite.load;

import java.util.List;
import java.util.Map;
import org.factsite.diag.SourcePos;

/** A YAML value that remembers where it was written, so errors can point at it. */
public sealed interface YamlNode permits YamlNode.Mapping, YamlNode.Sequence, YamlNode.Scalar {
  SourcePos pos();

  /** What kind of value this is, in words an editor knows. */
  String kind();

  /** A mapping; keys keep their written order. */
  record Mapping(Map<String, Entry> entries, SourcePos pos) implements YamlNode {
    public Mapping {
      entries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(entries));
    }

    @Override
    public String kind() {
      return "a set of key: value lines";
    }
  }

  /** One key of a mapping with the key's own position. */
  record Entry(String key, SourcePos keyPos, YamlNode value) {}

  /** A list. */
  record Sequence(List<YamlNode> items, SourcePos pos) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /**
   * A single value. {@code text} is null for an empty value; {@code type} says how YAML read it.
   */
  record Scalar(String text, ScalarType type, SourcePos pos) implements YamlNode {
    @Override
    public String kind() {
      return switch (type) {
        case NULL -> "an empty value";
        case NUMBER -> "a number";
        case BOOLEAN -> "true/false";
        case STRING -> "text";
      };
    }
  }

  /** How YAML typed a scalar. */
  enum ScalarType {
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }
}
