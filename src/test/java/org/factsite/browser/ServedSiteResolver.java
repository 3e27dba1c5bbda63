package org.factsite.browser;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Hands browser tests the run's one {@link ServedSite}: {@code void t(ServedSite site)}. */
final class ServedSiteResolver implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext c) {
    return p.getParameter().getType() == ServedSite.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext c) {
    return ServedSite.get(c);
  }
}
