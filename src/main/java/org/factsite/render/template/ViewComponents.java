package org.factsite.render.template;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The components of a view record's class, read once per class: what templates see of a record
 * ({@link ViewWrapper}) and what a kept page's key is written from ({@link PageStore}).
 */
final class ViewComponents {
  private static final ClassValue<Map<String, Method>> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          Map<String, Method> byName = new LinkedHashMap<>();
          for (RecordComponent c : type.getRecordComponents()) {
            Method accessor = c.getAccessor();
            // Without this, every call walks the stack to check its caller's access (about 4 ms of
            // a 1,000-page build's CPU). Our own records' public accessors always allow it; any
            // other record's is called with that check, as before.
            accessor.trySetAccessible();
            byName.put(c.getName(), accessor);
          }
          return Collections.unmodifiableMap(byName);
        }
      };

  private ViewComponents() {}

  /** Each component's accessor by the component's name, in the order the record declares them. */
  static Map<String, Method> of(Class<? extends Record> type) {
    return ACCESSORS.get(type);
  }
}
