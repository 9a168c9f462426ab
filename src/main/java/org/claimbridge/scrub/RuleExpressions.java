package org.claimbridge.scrub;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParserContext;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.SpelCompilerMode;
import org.springframework.expression.spel.SpelParserConfiguration;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.SpelEvaluationException;
import org.springframework.expression.spel.SpelMessage;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.DataBindingPropertyAccessor;
import org.springframework.expression.spel.support.SimpleEvaluationContext;

/**
 * Parsing and evaluating rule expressions. Rule files are data: the context reads properties and calls instance
 * methods and the {@link RuleFunctions}, and nothing else (no {@code T(...)}, no constructors, no beans, no writes).
 */
final class RuleExpressions {

    // MIXED: an expression is interpreted at first, then compiled to bytecode once it has run often enough, if every
    // step of it can be (code-set helpers and date comparisons cannot; those stay interpreted), and interpreted again
    // should its compiled form ever fail
    private static final SpelExpressionParser PARSER = new SpelExpressionParser(
            new SpelParserConfiguration(SpelCompilerMode.MIXED, RuleExpressions.class.getClassLoader()));
    private static final ParserContext TEMPLATE = new TemplateParserContext("#{", "}");
    private static final Map<String, Method> FUNCTIONS = RuleFunctions.all();
    // one accessor for every evaluation: it caches the getters it finds, and finding them again per claim was most of
    // the cost of a scrub
    private static final DataBindingPropertyAccessor READ_ONLY = DataBindingPropertyAccessor.forReadOnlyAccess();
    /** The model's components first, then the reflective accessor for anything else a rule reads. */
    private static final PropertyAccessor[] ACCESSORS = accessors();
    /** Writes values into messages: dates as ISO (2026-03-02), lists as 25,59; the default cannot write a date. */
    private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

    static {
        CONVERSIONS.addConverter(LocalDate.class, String.class, LocalDate::toString);
    }

    /** The helpers load-time validation and unit tests see: no code set loaded. */
    static final Map<String, Object> NO_CODE_SETS = helpers(CodeLookup.NONE);

    private RuleExpressions() {
    }

    private static PropertyAccessor[] accessors() {
        List<PropertyAccessor> accessors = new java.util.ArrayList<>(RecordPropertyAccessor.forRecords(
                ClaimContext.class, ProcedurePairs.Pair.class, UnitLimits.Limit.class, AgeSexEdits.AgeSex.class));
        accessors.add(READ_ONLY);
        return accessors.toArray(PropertyAccessor[]::new);
    }

    static Expression parse(String text) {
        return PARSER.parseExpression(text);
    }

    static Expression parseTemplate(String text) {
        return PARSER.parseExpression(text, TEMPLATE);
    }

    /** Where {@link #helpers} keeps its look-up: a name no expression can write, so no rule can reach it. */
    static final String LOOKUP = "code lookup";

    /**
     * Every helper by the name rules call it: the pure {@link RuleFunctions} and the code-set {@link CodeFunctions},
     * with the look-up those answer from while {@link RuleEvaluator} evaluates with these helpers.
     */
    static Map<String, Object> helpers(CodeLookup lookup) {
        Map<String, Object> helpers = new HashMap<>(FUNCTIONS);
        helpers.putAll(CodeFunctions.all());
        helpers.put(LOOKUP, lookup);
        return Map.copyOf(helpers);
    }

    /** A fresh context per evaluation: variables ({@code #charge}, {@code #line}) must not leak between claims. */
    static EvaluationContext context(Map<String, Object> helpers, ClaimContext claim, RuleTarget target, Object item,
                                     int line) {
        SimpleEvaluationContext context = SimpleEvaluationContext
                .forPropertyAccessors(ACCESSORS)
                .withInstanceMethods().withRootObject(claim)
                .withConversionService(CONVERSIONS).build();
        if (target.variable != null) {
            context.setVariable(target.variable, item);
            context.setVariable("line", line);
        }
        return new RuleContext(context, helpers);
    }

    /** Errors that mean the expression names something the model or the helpers do not have. */
    static boolean namesSomethingMissing(SpelEvaluationException e) {
        SpelMessage m = e.getMessageCode();
        return m == SpelMessage.PROPERTY_OR_FIELD_NOT_READABLE || m == SpelMessage.METHOD_NOT_FOUND
                || m == SpelMessage.FUNCTION_REFERENCE_CANNOT_BE_INVOKED || m == SpelMessage.TYPE_NOT_FOUND
                || m == SpelMessage.FUNCTION_NOT_DEFINED;
    }

    /**
     * Claims every expression is tried on when a file loads, so that a misspelt property fails the load rather than
     * a scrub: one with every field filled (every branch of a null check reached) and one with everything missing.
     */
    static List<ClaimContext> samples() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        ClaimContext.Coverage coverage = new ClaimContext.Coverage(1, "PAYER1", "Sample Health", "HMO", "M123",
                "G1", "Doe", "Pat", LocalDate.of(1980, 1, 1), "18", day.minusYears(1), day.plusYears(1), "AUTH1");
        ClaimContext full = new ClaimContext("professional",
                new ClaimContext.Patient("Doe", "Pat", "Q", LocalDate.of(1980, 1, 1), "F",
                        new ClaimContext.Address("1 Main St", "Apt 2", "Springfield", "IL", "62701"), 46),
                coverage, List.of(coverage),
                new ClaimContext.Practice(1, "SAMPLE", "Sample Clinic", "1234567893", "12-3456789", "207Q00000X"),
                new ClaimContext.Encounter("V1", "O", day, day, "1234567893", "1234567893", day, day),
                List.of(new ClaimContext.Diagnosis(1, "J06.9", "I10", "F")),
                List.of(new ClaimContext.Charge(1, "CG", "99213", List.of("25"), BigDecimal.ONE,
                        new BigDecimal("120.00"), day, List.of("J06.9"), List.of(1), "11", "1234567893", "ACTIVE",
                        1)),
                day, new ClaimContext.Payer("PAYER1", "Sample Health", day.minusYears(1), day.plusYears(1), 90,
                        List.of("99213")));
        ClaimContext sparse = new ClaimContext(null,
                new ClaimContext.Patient(null, null, null, null, null,
                        new ClaimContext.Address(null, null, null, null, null), null),
                null, List.of(), new ClaimContext.Practice(0, null, null, null, null, null),
                new ClaimContext.Encounter(null, null, null, null, null, null, null, null),
                List.of(new ClaimContext.Diagnosis(1, null, null, null)),
                List.of(new ClaimContext.Charge(1, null, null, List.of(), null, null, null, List.of(), List.of(),
                        null, null, null, null)),
                day, new ClaimContext.Payer(null, null, null, null, null, List.of()));
        return List.of(full, sparse);
    }
}
