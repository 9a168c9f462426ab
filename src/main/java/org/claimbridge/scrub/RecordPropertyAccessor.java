package org.claimbridge.scrub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;

/**
 * Reads record components ({@code patient.lastName}, {@code #charge.units}): the claim model is records, and this is
 * most of what rules read. Read-only by construction.
 * <p>
 * Why not only the framework's reflective accessor: SpEL keeps the accessor that last read a property only when that
 * accessor is one of the context's own, and the reflective one hands back a derived accessor that is not, so every
 * read looked the getter up again, which was most of a scrub's time. This one is in the context and answers from a
 * per-class table of component accessors.
 */
final class RecordPropertyAccessor implements PropertyAccessor {

    static final RecordPropertyAccessor INSTANCE = new RecordPropertyAccessor();

    private static final ClassValue<Map<String, MethodHandle>> COMPONENTS = new ClassValue<>() {
        @Override
        protected Map<String, MethodHandle> computeValue(Class<?> type) {
            Map<String, MethodHandle> components = new HashMap<>();
            if (type.isRecord()) {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                for (RecordComponent component : type.getRecordComponents()) {
                    try {
                        components.put(component.getName(), lookup.unreflect(component.getAccessor()));
                    } catch (IllegalAccessException e) {
                        // not accessible from here: left to the reflective accessor, which applies its own rules
                    }
                }
            }
            return Map.copyOf(components);
        }
    };

    private RecordPropertyAccessor() {
    }

    @Override
    public Class<?>[] getSpecificTargetClasses() {
        return null;
    }

    @Override
    public boolean canRead(EvaluationContext context, Object target, String name) {
        return target != null && COMPONENTS.get(target.getClass()).containsKey(name);
    }

    @Override
    public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
        MethodHandle accessor = target == null ? null : COMPONENTS.get(target.getClass()).get(name);
        if (accessor == null) {
            throw new AccessException("no record component '" + name + "'");
        }
        try {
            return new TypedValue(accessor.invoke(target));
        } catch (Throwable e) {
            throw new AccessException("reading record component '" + name + "' failed", new Exception(e));
        }
    }

    @Override
    public boolean canWrite(EvaluationContext context, Object target, String name) {
        return false;
    }

    @Override
    public void write(EvaluationContext context, Object target, String name, Object newValue)
            throws AccessException {
        throw new AccessException("rule expressions cannot write");
    }
}
