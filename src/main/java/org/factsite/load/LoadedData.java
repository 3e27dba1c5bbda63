package org.factsite.load;

import java.util.List;
import org.factsite.model.ChartSpec;
import org.factsite.model.Source;
import org.factsite.model.Statistic;

/** Everything read from {@code data/}, before derived figures and charts are resolved. */
public record LoadedData(
    List<Source> sources,
    List<Statistic> statistics,
    List<DerivedSpec> derived,
    List<ChartSpec> charts,
    java.util.Map<String, String> texts) {}
