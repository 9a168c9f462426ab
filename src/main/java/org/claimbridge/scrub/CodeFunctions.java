package org.claimbridge.scrub;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The code-set helpers rules call ({@code #icd10Billable(code, date)}...), as static methods answering from the
 * {@link CodeLookup} of the evaluation running on this thread. Static so that expressions calling them can be
 * compiled like the other helpers (SpEL compiles calls to static methods only); the look-up is bound only while
 * {@link RuleEvaluator} evaluates, so no static field holds a bean. Outside an evaluation (load-time validation) no
 * set is loaded. Public because compiled expressions, in their own class loader, call it.
 */
public final class CodeFunctions {

    private static final ThreadLocal<CodeLookup> CURRENT = new ThreadLocal<>();

    private CodeFunctions() {
    }

    /** Binds a look-up to this thread; give what it returns to {@link #restore} when the evaluation ends. */
    static CodeLookup use(CodeLookup lookup) {
        CodeLookup before = CURRENT.get();
        CURRENT.set(lookup);
        return before;
    }

    static void restore(CodeLookup before) {
        if (before == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(before);
        }
    }

    private static CodeLookup lookup() {
        CodeLookup lookup = CURRENT.get();
        return lookup == null ? CodeLookup.NONE : lookup;
    }

    /** @see CodeLookup#codeSetLoaded(String) */
    public static boolean codeSetLoaded(String set) {
        return lookup().codeSetLoaded(set);
    }

    public static boolean icd10Exists(String code) {
        return lookup().icd10Exists(code);
    }

    public static boolean icd10ValidOn(String code, LocalDate date) {
        return lookup().icd10ValidOn(code, date);
    }

    public static boolean icd10Billable(String code, LocalDate date) {
        return lookup().icd10Billable(code, date);
    }

    public static boolean hcpcsValidOn(String code, LocalDate date) {
        return lookup().hcpcsValidOn(code, date);
    }

    public static boolean modifierValidOn(String code, LocalDate date) {
        return lookup().modifierValidOn(code, date);
    }

    public static boolean posValidOn(String code, LocalDate date) {
        return lookup().posValidOn(code, date);
    }

    /** Every helper by the name rules call it. */
    static Map<String, Method> all() {
        return Arrays.stream(CodeFunctions.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .collect(Collectors.toUnmodifiableMap(Method::getName, Function.identity()));
    }
}
