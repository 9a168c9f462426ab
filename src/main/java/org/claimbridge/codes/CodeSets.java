package org.claimbridge.codes;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Look-ups in the loaded code sets, for the scrub rules. Codes may be given with or without the ICD-10 dot and in
 * any case. Answers are remembered per code until the next load, since a scrub asks about the same few thousand
 * codes hundreds of thousands of times; the memory is bounded by the size of the code sets.
 */
@Service
public class CodeSets {

    private final JdbcClient jdbc;
    private final Map<CodeSet, Map<String, List<Code>>> versions = new ConcurrentHashMap<>();
    private final Map<CodeSet, Boolean> loaded = new ConcurrentHashMap<>();

    CodeSets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether any version of the set is loaded; rules that need a set skip their check when it is not. */
    public boolean isLoaded(CodeSet set) {
        return loaded.computeIfAbsent(set, s -> jdbc.sql("SELECT COUNT(*) FROM code_load WHERE code_set = ?")
                .param(s.name()).query(Integer.class).single() > 0);
    }

    /** The version valid on a date of service, if any. */
    public Optional<Code> find(CodeSet set, String code, LocalDate on) {
        return history(set, code).stream().filter(c -> c.validOn(on)).findFirst();
    }

    /** The latest version, whether or not a later load dropped it. */
    public Optional<Code> latest(CodeSet set, String code) {
        List<Code> history = history(set, code);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** Every version, oldest first. */
    public List<Code> history(CodeSet set, String code) {
        return versions.computeIfAbsent(set, s -> new ConcurrentHashMap<>())
                .computeIfAbsent(set.normalize(code), c -> read(set, c));
    }

    public boolean validOn(CodeSet set, String code, LocalDate on) {
        return find(set, code, on).isPresent();
    }

    public Optional<Code> icd10cm(String code) {
        return latest(CodeSet.ICD10CM, code);
    }

    public Optional<Code> icd10cm(String code, LocalDate on) {
        return find(CodeSet.ICD10CM, code, on);
    }

    /** An ICD-10-CM code that may go on a claim for that date of service: it exists then and is a leaf. */
    public boolean isBillable(String icd10cm, LocalDate on) {
        return icd10cm(icd10cm, on).map(Code::billable).orElse(false);
    }

    public Optional<Code> hcpcs(String code) {
        return latest(CodeSet.HCPCS, code);
    }

    public Optional<Code> hcpcs(String code, LocalDate on) {
        return find(CodeSet.HCPCS, code, on);
    }

    public Optional<Code> pos(String code) {
        return latest(CodeSet.POS, code);
    }

    public Optional<Code> pos(String code, LocalDate on) {
        return find(CodeSet.POS, code, on);
    }

    public Optional<Code> modifier(String code) {
        return latest(CodeSet.MODIFIER, code);
    }

    public Optional<Code> modifier(String code, LocalDate on) {
        return find(CodeSet.MODIFIER, code, on);
    }

    void forget() {
        versions.clear();
        loaded.clear();
    }

    private List<Code> read(CodeSet set, String code) {
        return jdbc.sql("""
                        SELECT code, billable, short_description, description, effective_from, effective_to, load_id
                        FROM code_entry WHERE code_set = ? AND code = ? ORDER BY effective_from""")
                .params(set.name(), code)
                .query((rs, n) -> new Code(set, rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getLong(7)))
                .list();
    }
}
