package org.claimbridge.scrub;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import org.springframework.asm.MethodVisitor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.CodeFlow;
import org.springframework.expression.spel.CompilablePropertyAccessor;

/**
 * Reads one component of one record type ({@code patient.lastName}, {@code #charge.units}): the claim model is
 * records, and reading them is most of what rules do. Read-only by construction.
 * <p>
 * Why one accessor per component rather than the framework's reflective accessor: SpEL keeps the accessor that last
 * read a property only while it is one of the context's own accessors, and the reflective accessor hands back a
 * derived one that is not, so every read looked the getter up again. These are the context's own, and they can be
 * compiled, so rules whose every step can be compiled run as bytecode.
 */
final class RecordPropertyAccessor implements CompilablePropertyAccessor {

    private final Class<?> type;
    private final Class<?>[] targets;
    private final String name;
    private final Method accessor;
    private final MethodHandle handle;

    private RecordPropertyAccessor(Class<?> type, RecordComponent component, MethodHandle handle) {
        this.type = type;
        this.targets = new Class<?>[] {type};
        this.name = component.getName();
        this.accessor = component.getAccessor();
        this.handle = handle;
    }

    /** One accessor per component of each record type given (and of the records nested in them). */
    static List<PropertyAccessor> forRecords(Class<?>... types) {
        List<PropertyAccessor> accessors = new ArrayList<>();
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> type : types) {
            add(type, lookup, accessors);
            for (Class<?> nested : type.getDeclaredClasses()) {
                add(nested, lookup, accessors);
            }
        }
        return List.copyOf(accessors);
    }

    private static void add(Class<?> type, MethodHandles.Lookup lookup, List<PropertyAccessor> accessors) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            try {
                accessors.add(new RecordPropertyAccessor(type, component, lookup.unreflect(component.getAccessor())));
            } catch (IllegalAccessException e) {
                // not readable from here: left to the reflective accessor
            }
        }
    }

    @Override
    public Class<?>[] getSpecificTargetClasses() {
        return targets;
    }

    @Override
    public boolean canRead(EvaluationContext context, Object target, String name) {
        return target != null && target.getClass() == type && this.name.equals(name);
    }

    @Override
    public TypedValue read(EvaluationContext context, Object target, String name) throws AccessException {
        try {
            return new TypedValue(handle.invoke(target));
        } catch (Throwable e) {
            throw new AccessException("reading " + type.getSimpleName() + "." + this.name + " failed",
                    e instanceof Exception ex ? ex : new RuntimeException(e));
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

    /** Compiled code lives in another class loader's class: it can call public methods of public types only. */
    @Override
    public boolean isCompilable() {
        return Modifier.isPublic(type.getModifiers()) && Modifier.isPublic(accessor.getModifiers())
                && (type.getEnclosingClass() == null || Modifier.isPublic(type.getEnclosingClass().getModifiers()));
    }

    @Override
    public Class<?> getPropertyType() {
        return accessor.getReturnType();
    }

    @Override
    public void generateCode(String propertyName, MethodVisitor mv, CodeFlow cf) {
        String owner = type.getName().replace('.', '/');
        String descriptor = cf.lastDescriptor();
        if (descriptor == null) {
            cf.loadTarget(mv);
        }
        if (descriptor == null || !owner.equals(descriptor.substring(1))) {
            mv.visitTypeInsn(CHECKCAST, owner);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, owner, accessor.getName(), CodeFlow.createSignatureDescriptor(accessor),
                false);
    }
}
