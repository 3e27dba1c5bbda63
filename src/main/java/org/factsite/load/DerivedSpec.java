package org.factsite.load;

import org.factsite.diag.SourcePos;

/**
 * A derived figure as written in {@code data/}: an operation over other statistics. It is computed
 * once every dataset is loaded.
 */
public record DerivedSpec(
    String id,
    String label,
    String operation,
    String of,
    SourcePos ofPos,
    String other,
    SourcePos otherPos,
    int decimals,
    String caveat,
    SourcePos pos,
    String fileText) {}
