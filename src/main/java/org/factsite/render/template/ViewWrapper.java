package org.factsite.render.template;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * FreeMarker's default wrapper, except that a record (the {@link Views} templates see) is a hash of
 * its components and nothing else: {@code page.title} reads the component, and a template cannot
 * call the record's methods. FreeMarker's bean wrapping, used for records otherwise, looks each
 * class up through {@code java.beans.Introspector} (searching the class path for bean-info classes
 * that do not exist) and goes through its member-access rules on every read: about 15 ms of a
 * 1,000-page build's CPU.
 */
final class ViewWrapper extends DefaultObjectWrapper {
  ViewWrapper() {
    super(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33), true);
  }

  @Override
  protected TemplateModel handleUnknownType(Object obj) throws TemplateModelException {
    if (obj instanceof Record r) {
      return new RecordModel(r, ViewComponents.of(r.getClass()), this);
    }
    return super.handleUnknownType(obj);
  }

  /** A record as a template sees it: its components by name; anything else is missing. */
  private static final class RecordModel implements TemplateHashModel, WrapperTemplateModel {
    private final Record record;
    private final Map<String, Method> components;
    private final ViewWrapper wrapper;

    RecordModel(Record record, Map<String, Method> components, ViewWrapper wrapper) {
      this.record = record;
      this.components = components;
      this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Method accessor = components.get(key);
      if (accessor == null) {
        return null;
      }
      try {
        return wrapper.wrap(accessor.invoke(record));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new TemplateModelException("could not read " + key, e);
      }
    }

    @Override
    public boolean isEmpty() {
      return components.isEmpty();
    }

    @Override
    public Object getWrappedObject() {
      return record;
    }
  }
}
