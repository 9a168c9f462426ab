package org.claimbridge.scrub;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.ParseException;
import org.springframework.expression.spel.SpelEvaluationException;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rule file into rules, or into errors that each name the file, the line and the rule. Works on
 * SnakeYAML's node tree rather than on maps, because only nodes know the line they came from.
 */
final class RuleFileReader {

    private static final Set<String> FILE_FIELDS = Set.of("family", "description", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "description", "severity", "scope", "for", "when",
            "condition", "message", "fix", "field", "edit", "table", "bypassModifiers");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> REQUIRED = Set.of("id", "description", "severity", "message", "fix");
    private static final Set<String> SCOPE_FIELDS = Set.of("payers", "practices", "claimTypes");
    private static final Pattern ID_LINE = Pattern.compile("^\\s*(?:-\\s+)?id:\\s*['\"]?([^'\"#\\s]+)");

    record Result(List<Rule> rules, List<RuleFileError> errors) {
    }

    /**
     * The edit tables of the folder being loaded, read once however many rules name them. A table that cannot be
     * read adds its errors (file and line of the table) and gives null.
     */
    interface Tables {
        EditTable table(String path, EditKind kind, String ruleId, List<RuleFileError> errors);
    }

    private final String file;
    private final Tables tables;
    private final List<RuleFileError> errors = new ArrayList<>();

    private RuleFileReader(String file, Tables tables) {
        this.file = file;
        this.tables = tables;
    }

    /** A file without edit rules, or whose edit tables do not matter (they are reported missing). */
    static Result read(String file, String text) {
        return read(file, text, (path, kind, ruleId, errors) -> null);
    }

    static Result read(String file, String text, Tables tables) {
        RuleFileReader reader = new RuleFileReader(file, tables);
        List<Rule> rules = reader.rules(text);
        return new Result(rules, List.copyOf(reader.errors));
    }

    /** The YAML node tree of a rules-folder file; a key given twice is a syntax error, not a silent overwrite. */
    static Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(options).compose(new StringReader(text));
    }

    private List<Rule> rules(String text) {
        Node root;
        try {
            root = RuleFileReader.compose(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            // the problem mark is where the parser gave up; the context says what it was reading and from where
            String context = e.getContext() == null || e.getContextMark() == null ? ""
                    : " (" + e.getContext() + " started at line " + (e.getContextMark().getLine() + 1) + ")";
            error(line, idAbove(text, line), "YAML syntax: " + e.getProblem() + context);
            return List.of();
        } catch (YAMLException e) {
            error(1, null, "YAML: " + e.getMessage());
            return List.of();
        }
        if (!(root instanceof MappingNode top)) {
            error(root == null ? 1 : line(root), null, "a rule file is a mapping with 'family' and 'rules'");
            return List.of();
        }
        Map<String, Node> fields = fields(top, FILE_FIELDS, null);
        Node list = fields.get("rules");
        if (!(list instanceof SequenceNode sequence)) {
            error(line(top), null, "missing 'rules' (a list of rules)");
            return List.of();
        }
        List<Rule> rules = new ArrayList<>();
        for (Node node : sequence.getValue()) {
            Rule rule = rule(node);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            error(line(node), null, "a rule is a mapping with id, description, severity, condition, message, fix");
            return null;
        }
        String id = scalar(mapping, "id");
        int before = errors.size();
        if (id != null && !ID.matcher(id).matches()) {
            // findings store the id (64 characters), and coders and dry runs read it
            error(line(mapping), id, "rule id must be 1 to 64 letters, digits, '-', '_' or '.'");
        } else if (ScrubOutcome.SCRUB_FAILED.equals(id)) {
            error(line(mapping), id, "rule id " + id + " is kept for encounters that cannot be scrubbed");
        } else if (ScrubOutcome.CLAIM_REFUSED.equals(id) || ScrubOutcome.CLAIM_DENIED.equals(id)) {
            error(line(mapping), id, "rule id " + id + " is kept for claims that were refused or denied");
        }
        Map<String, Node> f = fields(mapping, RULE_FIELDS, id);
        for (String name : REQUIRED) {
            if (!f.containsKey(name)) {
                error(line(mapping), id, "missing required field '" + name + "'");
            }
        }
        Edit edit = edit(f, id, line(mapping));
        if (edit == null && !f.containsKey("edit") && !f.containsKey("condition")) {
            error(line(mapping), id, "missing required field 'condition' (or 'edit' for a table-driven rule)");
        }
        if (edit == null && f.containsKey("edit")) {
            return null; // its error is recorded; without the edit its message cannot be tried
        }
        Severity severity = null;
        if (f.get("severity") != null) {
            String text = text(f.get("severity"), id);
            try {
                severity = text == null ? null : Severity.parse(text);
            } catch (IllegalArgumentException e) {
                error(line(f.get("severity")), id, "severity '" + text + "' is not one of error, warning, info");
            }
        }
        RuleTarget target = RuleTarget.CLAIM;
        if (f.get("for") != null) {
            String text = text(f.get("for"), id);
            target = RuleTarget.of(text);
            if (target == null) {
                error(line(f.get("for")), id, "for '" + text + "' is not one of charges, diagnoses");
                target = RuleTarget.CLAIM;
            }
        }
        if (edit != null) {
            target = edit.kind().target;
        }
        RuleScope scope = scope(f.get("scope"), id);
        // an edit rule's precondition is about the claim; its lines come from the edit
        Expression when = expression(f.get("when"), id, "when", false, edit == null ? target : RuleTarget.CLAIM,
                null);
        Expression condition = expression(f.get("condition"), id, "condition", false, target, null);
        Expression message = expression(f.get("message"), id, "message", true, target, edit);
        String fix = f.get("fix") == null ? null : text(f.get("fix"), id);
        String description = f.get("description") == null ? null : text(f.get("description"), id);
        String field = f.get("field") == null ? null : text(f.get("field"), id);
        if (errors.size() > before) {
            return null;
        }
        return new Rule(id, description, severity, scope, target, when, condition, message, fix, field, file,
                line(mapping), edit);
    }

    /** The {@code edit:}, {@code table:} and {@code bypassModifiers:} of a table-driven rule, its table loaded. */
    private Edit edit(Map<String, Node> f, String id, int ruleLine) {
        Node kindNode = f.get("edit");
        if (kindNode == null) {
            for (String name : List.of("table", "bypassModifiers")) {
                if (f.containsKey(name)) {
                    error(line(f.get(name)), id, "'" + name + "' belongs to a table-driven rule (with 'edit')");
                }
            }
            return null;
        }
        String kindName = text(kindNode, id);
        EditKind kind = EditKind.of(kindName);
        if (kind == null) {
            error(line(kindNode), id, "edit '" + kindName + "' is not one of " + EditKind.names());
            return null;
        }
        for (String name : List.of("condition", "for")) {
            if (f.containsKey(name)) {
                error(line(f.get(name)), id, "an edit rule has no '" + name + "': the " + kind.name
                        + " edit finds the lines from its table");
            }
        }
        List<String> bypass = strings(f.get("bypassModifiers"), id);
        if (f.containsKey("bypassModifiers") && kind != EditKind.PROCEDURE_PAIRS) {
            error(line(f.get("bypassModifiers")), id, "bypassModifiers belongs to a procedure-pairs edit");
        }
        Node tableNode = f.get("table");
        String table = tableNode == null ? null : text(tableNode, id);
        if (table == null || table.isBlank()) {
            error(ruleLine, id, "missing required field 'table' (a CSV file under the rules folder)");
            return null;
        }
        EditTable loaded = tables.table(table, kind, id, errors);
        if (loaded == null) {
            if (errors.stream().noneMatch(e -> e.file().equals(table))) {
                error(line(tableNode), id, "table '" + table + "' cannot be read");
            }
            return null;
        }
        return new Edit(kind, table, loaded, java.util.Set.copyOf(bypass));
    }

    private RuleScope scope(Node node, String id) {
        if (node == null) {
            return RuleScope.ALL;
        }
        if (node instanceof ScalarNode s && "all".equals(s.getValue())) {
            return RuleScope.ALL;
        }
        if (!(node instanceof MappingNode mapping)) {
            error(line(node), id, "scope is 'all' or a mapping of payers, practices, claimTypes");
            return RuleScope.ALL;
        }
        Map<String, Node> f = fields(mapping, SCOPE_FIELDS, id);
        return new RuleScope(strings(f.get("payers"), id), strings(f.get("practices"), id),
                strings(f.get("claimTypes"), id));
    }

    private List<String> strings(Node node, String id) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            error(line(node), id, "expected a list");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            String text = text(item, id);
            if (text != null) {
                values.add(text);
            }
        }
        return List.copyOf(values);
    }

    /** Parses an expression and tries it on the sample claims, so a wrong name fails here and not in a scrub. */
    private Expression expression(Node node, String id, String name, boolean template, RuleTarget target,
                                  Edit edit) {
        if (node == null) {
            return null;
        }
        String text = text(node, id);
        if (text == null) {
            return null;
        }
        Expression expression;
        try {
            expression = template ? RuleExpressions.parseTemplate(text) : RuleExpressions.parse(text);
        } catch (ParseException e) {
            error(line(node), id, name + " does not parse: " + e.getSimpleMessage() + " in: " + text);
            return null;
        }
        boolean first = true;
        for (ClaimContext sample : RuleExpressions.samples()) {
            List<EvaluationContext> contexts = new ArrayList<>();
            if (edit != null) {
                // an edit's message reads what its hits give (#pair, #limit...): try it on a sample hit
                EditHit hit = edit.loaded().sample(sample);
                if (hit != null) {
                    EvaluationContext context = RuleExpressions.context(RuleExpressions.NO_CODE_SETS, sample, target,
                            hit.item(), hit.line());
                    hit.variables().forEach(context::setVariable);
                    contexts.add(context);
                }
            } else {
                List<?> items = target.items(sample);
                for (int i = 0; i < items.size(); i++) {
                    contexts.add(RuleExpressions.context(RuleExpressions.NO_CODE_SETS, sample, target, items.get(i),
                            i + 1));
                }
            }
            for (EvaluationContext context : contexts) {
                try {
                    Object value = expression.getValue(context);
                    if (!template && first && !(value instanceof Boolean)) {
                        error(line(node), id, name + " must be true or false, gives " + value + ": " + text);
                        return null;
                    }
                } catch (SpelEvaluationException e) {
                    // the fully filled sample reaches every branch; the empty one may only fail on missing names
                    if (first || RuleExpressions.namesSomethingMissing(e)) {
                        error(line(node), id, name + " cannot be evaluated on the encounter model: "
                                + e.getMessage() + " in: " + text);
                        return null;
                    }
                } catch (RuntimeException e) {
                    if (first) {
                        error(line(node), id, name + " cannot be evaluated on the encounter model: " + e
                                + " in: " + text);
                        return null;
                    }
                }
            }
            first = false;
        }
        return expression;
    }

    private Map<String, Node> fields(MappingNode mapping, Set<String> known, String id) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !known.contains(key)) {
                error(line(tuple.getKeyNode()), id, "unknown field '" + key + "' (known: "
                        + known.stream().sorted().toList() + ")");
            } else if (fields.putIfAbsent(key, tuple.getValueNode()) != null) {
                error(line(tuple.getKeyNode()), id, "field '" + key + "' given twice");
            }
        }
        return fields;
    }

    private String text(Node node, String id) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error(line(node), id, "expected a single value");
        return null;
    }

    private static String scalar(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())
                    && tuple.getValueNode() instanceof ScalarNode v) {
                return v.getValue();
            }
        }
        return null;
    }

    /** The id of the rule a syntax error is in: the nearest {@code id:} at or above the line, if any. */
    private static String idAbove(String text, int line) {
        String[] lines = text.split("\n", -1);
        for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
            Matcher m = ID_LINE.matcher(lines[i]);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void error(int line, String ruleId, String message) {
        errors.add(new RuleFileError(file, line, ruleId, message));
    }
}
