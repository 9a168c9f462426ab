package org.claimbridge.scrub;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.claimbridge.codes.CodeFormats;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one payer profile file ({@code payers/<payer>.yaml}) into its versions, or into errors naming the file, the
 * line and the payer. Like the rule files it works on SnakeYAML's node tree to know lines, and reads every value as
 * text, so a payer id such as {@code 06102} keeps its leading zero.
 */
final class PayerProfileReader {

    private static final Set<String> FILE_FIELDS = Set.of("id", "name", "versions");
    private static final Set<String> VERSION_FIELDS = Set.of("effectiveFrom", "effectiveTo", "timelyFilingDays",
            "priorAuthCodes", "note");

    record Result(String payerId, int line, List<ClaimContext.Payer> versions, List<RuleFileError> errors) {
    }

    private final String file;
    private final List<RuleFileError> errors = new ArrayList<>();
    private String payerId;

    private PayerProfileReader(String file) {
        this.file = file;
    }

    static Result read(String file, String text) {
        PayerProfileReader reader = new PayerProfileReader(file);
        List<ClaimContext.Payer> versions = reader.versions(text);
        return new Result(reader.payerId, 1, versions, List.copyOf(reader.errors));
    }

    private List<ClaimContext.Payer> versions(String text) {
        Node root;
        try {
            root = RuleFileReader.compose(text);
        } catch (MarkedYAMLException e) {
            error(e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1, "YAML syntax: " + e.getProblem());
            return List.of();
        } catch (YAMLException e) {
            error(1, "YAML: " + e.getMessage());
            return List.of();
        }
        if (!(root instanceof MappingNode top)) {
            error(root == null ? 1 : line(root), "a payer profile is a mapping with id, name and versions");
            return List.of();
        }
        Map<String, Node> fields = fields(top, FILE_FIELDS);
        payerId = fields.get("id") instanceof ScalarNode s && !s.getValue().isBlank() ? s.getValue() : null;
        if (payerId == null) {
            error(line(top), "missing 'id' (the payer id claims carry, IN1-3)");
        }
        String name = fields.get("name") instanceof ScalarNode s ? s.getValue() : null;
        if (!(fields.get("versions") instanceof SequenceNode list) || list.getValue().isEmpty()) {
            error(line(top), "missing 'versions' (a list with at least one version)");
            return List.of();
        }
        List<ClaimContext.Payer> versions = new ArrayList<>();
        Map<ClaimContext.Payer, Integer> lines = new LinkedHashMap<>();
        for (Node node : list.getValue()) {
            ClaimContext.Payer version = version(node, name);
            if (version != null) {
                versions.add(version);
                lines.put(version, line(node));
            }
        }
        versions.sort(Comparator.comparing(ClaimContext.Payer::effectiveFrom));
        for (int i = 1; i < versions.size(); i++) {
            ClaimContext.Payer before = versions.get(i - 1);
            ClaimContext.Payer after = versions.get(i);
            if (before.effectiveTo() == null || !before.effectiveTo().isBefore(after.effectiveFrom())) {
                error(lines.get(after), "version effective " + after.effectiveFrom() + " overlaps the version"
                        + " effective " + before.effectiveFrom() + " (give that one an effectiveTo before "
                        + after.effectiveFrom() + ")");
            }
        }
        return List.copyOf(versions);
    }

    private ClaimContext.Payer version(Node node, String name) {
        if (!(node instanceof MappingNode mapping)) {
            error(line(node), "a version is a mapping with effectiveFrom and the payer's quirks");
            return null;
        }
        int before = errors.size();
        Map<String, Node> f = fields(mapping, VERSION_FIELDS);
        LocalDate from = date(f.get("effectiveFrom"), "effectiveFrom");
        if (f.get("effectiveFrom") == null) {
            error(line(mapping), "missing 'effectiveFrom' (the first date of service the version applies to)");
        }
        LocalDate to = date(f.get("effectiveTo"), "effectiveTo");
        if (from != null && to != null && to.isBefore(from)) {
            error(line(f.get("effectiveTo")), "effectiveTo " + to + " is before effectiveFrom " + from);
        }
        Integer days = null;
        Node daysNode = f.get("timelyFilingDays");
        if (daysNode != null) {
            String text = scalar(daysNode);
            try {
                days = text == null ? null : Integer.valueOf(text);
            } catch (NumberFormatException e) {
                days = null;
            }
            if (days == null || days < 1) {
                error(line(daysNode), "timelyFilingDays '" + text + "' is not a number of days above 0");
            }
        }
        List<String> codes = new ArrayList<>();
        Node codesNode = f.get("priorAuthCodes");
        if (codesNode instanceof SequenceNode sequence) {
            for (Node item : sequence.getValue()) {
                String code = scalar(item);
                if (code == null || !CodeFormats.isProcedure(code)) {
                    error(line(item), "priorAuthCodes: '" + code + "' is not a CPT or HCPCS code");
                } else {
                    codes.add(code);
                }
            }
        } else if (codesNode != null) {
            error(line(codesNode), "priorAuthCodes is a list of procedure codes");
        }
        if (errors.size() > before) {
            return null;
        }
        return new ClaimContext.Payer(payerId, name, from, to, days, List.copyOf(codes));
    }

    private LocalDate date(Node node, String field) {
        if (node == null) {
            return null;
        }
        String text = scalar(node);
        try {
            return LocalDate.parse(text == null ? "" : text);
        } catch (DateTimeParseException e) {
            error(line(node), field + " '" + text + "' is not a date (yyyy-mm-dd)");
            return null;
        }
    }

    private Map<String, Node> fields(MappingNode mapping, Set<String> known) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : null;
            if (key == null || !known.contains(key)) {
                error(line(tuple.getKeyNode()), "unknown field '" + key + "' (known: " + known.stream().sorted()
                        .toList() + ")");
            } else {
                fields.put(key, tuple.getValueNode());
            }
        }
        return fields;
    }

    private String scalar(Node node) {
        if (node instanceof ScalarNode s) {
            return s.getValue();
        }
        error(line(node), "expected a single value");
        return null;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private void error(int line, String message) {
        errors.add(new RuleFileError(file, line, null, (payerId == null ? "" : "payer " + payerId + ": ")
                + message));
    }
}
