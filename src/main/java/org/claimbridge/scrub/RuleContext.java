package org.claimbridge.scrub;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.expression.BeanResolver;
import org.springframework.expression.ConstructorResolver;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.IndexAccessor;
import org.springframework.expression.MethodResolver;
import org.springframework.expression.OperatorOverloader;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.TypeComparator;
import org.springframework.expression.TypeConverter;
import org.springframework.expression.TypeLocator;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * The read-only {@link SimpleEvaluationContext} rules run in, with compilation allowed.
 * <p>
 * SpEL refuses to compile expressions under a simple context because compiled code no longer asks the context
 * which properties and methods it may use. That is safe here: an expression is compiled only after it has run
 * interpreted in this context, and its bytecode makes exactly the calls the interpreter resolved then (record
 * components, the helpers, public instance methods of the model's values); the context's accessors and resolvers
 * never change. Everything else is the simple context's.
 */
final class RuleContext implements EvaluationContext {

    private final SimpleEvaluationContext delegate;
    /** the helpers, shared by every context rather than copied into each: a claim needs a context per line */
    private final Map<String, Object> helpers;

    RuleContext(SimpleEvaluationContext delegate, Map<String, Object> helpers) {
        this.delegate = delegate;
        this.helpers = helpers;
    }

    @Override
    public boolean isCompilationSupported() {
        return true;
    }

    @Override
    public TypedValue getRootObject() {
        return delegate.getRootObject();
    }

    @Override
    public List<PropertyAccessor> getPropertyAccessors() {
        return delegate.getPropertyAccessors();
    }

    @Override
    public List<IndexAccessor> getIndexAccessors() {
        return delegate.getIndexAccessors();
    }

    @Override
    public List<ConstructorResolver> getConstructorResolvers() {
        return delegate.getConstructorResolvers();
    }

    @Override
    public List<MethodResolver> getMethodResolvers() {
        return delegate.getMethodResolvers();
    }

    @Override
    public BeanResolver getBeanResolver() {
        return delegate.getBeanResolver();
    }

    @Override
    public TypeLocator getTypeLocator() {
        return delegate.getTypeLocator();
    }

    @Override
    public TypeConverter getTypeConverter() {
        return delegate.getTypeConverter();
    }

    @Override
    public TypeComparator getTypeComparator() {
        return delegate.getTypeComparator();
    }

    @Override
    public OperatorOverloader getOperatorOverloader() {
        return delegate.getOperatorOverloader();
    }

    @Override
    public TypedValue assignVariable(String name, Supplier<TypedValue> valueSupplier) {
        return delegate.assignVariable(name, valueSupplier);
    }

    @Override
    public void setVariable(String name, Object value) {
        delegate.setVariable(name, value);
    }

    @Override
    public Object lookupVariable(String name) {
        Object value = delegate.lookupVariable(name);
        return value != null ? value : helpers.get(name);
    }

    @Override
    public boolean isAssignmentEnabled() {
        return delegate.isAssignmentEnabled();
    }
}
