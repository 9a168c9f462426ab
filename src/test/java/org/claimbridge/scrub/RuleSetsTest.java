package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading real files from a folder: what a bad file reports, that the last good set stays, and reloading. */
class RuleSetsTest {

    private static final String GOOD = """
            family: sample
            description: a sample family
            rules:
              - id: S-NAME
                description: last name is there
                severity: error
                field: patient.lastName
                condition: "#blank(patient.lastName)"
                message: "Patient last name (patient.lastName) is missing"
                fix: Add it.
              - id: S-TIN
                description: tin format
                severity: warning
                condition: "!#tinValid(practice.tin)"
                message: "TIN (practice.tin) '#{practice.tin}' is not nine digits"
                fix: Correct it.
            """;

    @TempDir
    Path dir;
    RuleSets sets;
    RuleSet good;

    @BeforeEach
    void loadAGoodFolder() throws IOException {
        write("sample.yaml", GOOD);
        sets = RuleSets.forFolder(dir);
        assertThat(sets.lastLoad().errors()).isEmpty();
        good = sets.current();
        assertThat(good.ruleIds()).containsExactly("S-NAME", "S-TIN");
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndTheRuleItIsIn() throws IOException {
        write("sample.yaml", GOOD.replace("severity: warning", "severity: [warning"));

        RuleLoad load = sets.reloadIfChanged();

        assertError(load, "sample.yaml", 14, "S-TIN", "flow sequence started at line 13");
    }

    @Test
    void unknownFieldIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("    fix: Correct it.", "    fix: Correct it.\n    sevirity: info"));

        assertError(sets.reloadIfChanged(), "sample.yaml", 17, "S-TIN", "unknown field 'sevirity'");
    }

    @Test
    void missingRequiredFieldIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("    fix: Add it.\n", ""));

        assertError(sets.reloadIfChanged(), "sample.yaml", 4, "S-NAME", "missing required field 'fix'");
    }

    @Test
    void badSeverityIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("severity: warning", "severity: fatal"));

        assertError(sets.reloadIfChanged(), "sample.yaml", 13, "S-TIN", "severity 'fatal'");
    }

    @Test
    void spelThatDoesNotParseIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("\"!#tinValid(practice.tin)\"", "\"!#tinValid(practice.tin\""));

        assertError(sets.reloadIfChanged(), "sample.yaml", 14, "S-TIN", "condition does not parse");
    }

    @Test
    void spelNamingAPropertyTheModelDoesNotHaveIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("#blank(patient.lastName)", "#blank(patient.surname)"));

        assertError(sets.reloadIfChanged(), "sample.yaml", 8, "S-NAME", "surname");
    }

    @Test
    void aPropertyBehindANullCheckIsStillChecked() throws IOException {
        write("sample.yaml", GOOD.replace("#blank(patient.lastName)", "patient.lastName == null && patient.nickname == null"));

        assertError(sets.reloadIfChanged(), "sample.yaml", 8, "S-NAME", "nickname");
    }

    @Test
    void aMessageNamingAMissingPropertyIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("'#{practice.tin}'", "'#{practice.ein}'"));

        assertError(sets.reloadIfChanged(), "sample.yaml", 15, "S-TIN", "message cannot be evaluated");
    }

    @Test
    void anUnknownHelperIsAnError() throws IOException {
        write("sample.yaml", GOOD.replace("#tinValid(", "#einValid("));

        assertError(sets.reloadIfChanged(), "sample.yaml", 14, "S-TIN", "einValid");
    }

    @Test
    void rulesCannotReachTypesOrConstructors() throws IOException {
        write("sample.yaml", GOOD.replace("\"!#tinValid(practice.tin)\"",
                "\"T(java.lang.Runtime).getRuntime() != null\""));
        assertError(sets.reloadIfChanged(), "sample.yaml", 14, "S-TIN", "condition");

        write("sample.yaml", GOOD.replace("\"!#tinValid(practice.tin)\"", "\"new java.io.File('x').exists()\""));
        assertError(sets.reloadIfChanged(), "sample.yaml", 14, "S-TIN", "condition");

        write("sample.yaml", GOOD.replace("\"!#tinValid(practice.tin)\"",
                "\"practice.tin.getClass().forName('java.lang.Runtime') != null\""));
        assertError(sets.reloadIfChanged(), "sample.yaml", 14, "S-TIN", "condition");
    }

    @Test
    void aConditionMustBeTrueOrFalse() throws IOException {
        write("sample.yaml", GOOD.replace("\"!#tinValid(practice.tin)\"", "practice.tin"));

        assertError(sets.reloadIfChanged(), "sample.yaml", 14, "S-TIN", "must be true or false");
    }

    @Test
    void aRuleIdMustFitAFindingAndNotTakeTheReservedOne() throws IOException {
        String tooLong = "S-" + "X".repeat(63);
        write("sample.yaml", GOOD.replace("id: S-TIN", "id: " + tooLong));
        assertError(sets.reloadIfChanged(), "sample.yaml", 11, tooLong, "1 to 64 letters");

        write("sample.yaml", GOOD.replace("id: S-TIN", "id: SCRUB-FAILED"));
        assertError(sets.reloadIfChanged(), "sample.yaml", 11, "SCRUB-FAILED", "kept for encounters");

        write("sample.yaml", GOOD.replace("id: S-TIN", "id: CLAIM-REFUSED"));
        assertError(sets.reloadIfChanged(), "sample.yaml", 11, "CLAIM-REFUSED", "kept for claims");

        write("sample.yaml", GOOD.replace("id: S-TIN", "id: CLAIM-DENIED"));
        assertError(sets.reloadIfChanged(), "sample.yaml", 11, "CLAIM-DENIED", "refused or denied");
    }

    @Test
    void duplicateIdAcrossFilesNamesBothPlaces() throws IOException {
        write("zz-other.yaml", """
                family: other
                rules:
                  - id: X-FIRST
                    description: fine
                    severity: info
                    condition: "false"
                    message: "never"
                    fix: none
                  - id: S-TIN
                    description: again
                    severity: info
                    condition: "false"
                    message: "never"
                    fix: none
                """);

        RuleLoad load = sets.reloadIfChanged();

        assertError(load, "zz-other.yaml", 9, "S-TIN", "duplicate rule id, already defined in sample.yaml line 11");
    }

    @Test
    void aChangedFileIsPickedUpAndChangesTheVersion() throws IOException {
        assertThat(sets.reloadIfChanged().version()).isEqualTo(good.version());
        assertThat(sets.current()).isSameAs(good);

        write("sample.yaml", GOOD.replace("severity: warning", "severity: info"));
        RuleLoad load = sets.reloadIfChanged();

        assertThat(load.succeeded()).isTrue();
        assertThat(sets.current().version()).isNotEqualTo(good.version()).isEqualTo(load.version());
        assertThat(sets.current().rules().get(1).severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void versionIsTheContentHash() throws IOException {
        write("sample.yaml", GOOD + "# a comment is content too\n");
        String changed = sets.reloadIfChanged().version();
        write("sample.yaml", GOOD);
        String back = sets.reloadIfChanged().version();

        assertThat(changed).isNotEqualTo(good.version());
        assertThat(back).isEqualTo(good.version());
        assertThat(RuleSets.forFolder(dir).current().version()).isEqualTo(good.version());
    }

    @Test
    void aFixedFileLoadsAfterABadOne() throws IOException {
        write("sample.yaml", GOOD.replace("severity: warning", "severity: fatal"));
        assertThat(sets.reloadIfChanged().succeeded()).isFalse();
        // an unchanged bad folder is not reloaded (and not logged) on every poll
        RuleLoad again = sets.reloadIfChanged();
        assertThat(again).isSameAs(sets.lastLoad());

        write("sample.yaml", GOOD.replace("severity: warning", "severity: info"));

        assertThat(sets.reloadIfChanged().succeeded()).isTrue();
        assertThat(sets.current().version()).isNotEqualTo(good.version());
    }

    private static final String PAIRS_RULE = """
            family: pairs
            rules:
              - id: P-PTP
                description: pairs
                severity: error
                edit: procedure-pairs
                table: ncci/ptp.csv
                bypassModifiers: ["59"]
                field: modifiers
                message: "line #{#line} (#{#charge.code}) with #{#other.code}: #{#pair.column1}/#{#pair.column2}"
                fix: Remove it.
            """;
    private static final String PAIRS = """
            # a comment
            column1,column2,effective,deletion,modifier_indicator,rationale
            20610,99213,2013-01-01,,1,Standards
            """;

    private void writePairs(String table) throws IOException {
        Files.createDirectories(dir.resolve("ncci"));
        write("ncci/ptp.csv", table);
        write("pairs.yaml", PAIRS_RULE);
    }

    @Test
    void anEditTableIsLoadedWithItsRuleAndIsPartOfTheVersion() throws IOException {
        writePairs(PAIRS);
        RuleLoad load = sets.reloadIfChanged();
        assertThat(load.errors()).isEmpty();
        assertThat(sets.current().files()).contains("ncci/ptp.csv", "pairs.yaml", "sample.yaml");
        TestClaim claim = new TestClaim();
        claim.charges.set(1, TestClaim.charge(2, "20610"));
        assertThat(RuleEvaluator.evaluateWithoutCodeSets(sets.current(), claim.build())).extracting(Finding::message)
                .containsExactly("line 1 (99213) with 20610: 20610/99213");

        String before = sets.current().version();
        write("ncci/ptp.csv", PAIRS.replace("2013-01-01", "2013-04-01"));
        assertThat(sets.reloadIfChanged().succeeded()).isTrue();
        assertThat(sets.current().version()).as("a changed table is a new rule set").isNotEqualTo(before);
    }

    @Test
    void aBadCsvRowNamesTableLineAndRuleAndTheSetIsNotUsed() throws IOException {
        writePairs(PAIRS + "20610,99214,2013-13-01,,1,Standards\n29881,36415,2012-01-01,,2,x\n");

        RuleLoad load = sets.reloadIfChanged();

        assertError(load, "ncci/ptp.csv", 4, "P-PTP", "effective '2013-13-01' is not a date");
        assertError(load, "ncci/ptp.csv", 5, "P-PTP", "modifier_indicator '2' is not 0, 1 or 9");
    }

    @Test
    void aCsvRowWithTooFewValuesOrAWrongHeaderIsAnError() throws IOException {
        writePairs(PAIRS + "20610,99214\n");
        assertError(sets.reloadIfChanged(), "ncci/ptp.csv", 4, "P-PTP", "has 2 values, expected 6");

        writePairs("col1,col2\n");
        assertError(sets.reloadIfChanged(), "ncci/ptp.csv", 1, "P-PTP", "expected column1,column2");
    }

    @Test
    void aTableTheFolderDoesNotHaveIsAnError() throws IOException {
        write("pairs.yaml", PAIRS_RULE);

        RuleLoad load = sets.reloadIfChanged();

        assertError(load, "pairs.yaml", 7, "P-PTP", "table 'ncci/ptp.csv' cannot be read");
        assertThat(load.errors()).hasSize(1);
    }

    @Test
    void anEditRuleHasNoCondition() throws IOException {
        writePairs(PAIRS);
        write("pairs.yaml", PAIRS_RULE.replace("    field: modifiers", "    condition: \"true\"\n    field: modifiers"));

        assertError(sets.reloadIfChanged(), "pairs.yaml", 9, "P-PTP", "an edit rule has no 'condition'");
    }

    @Test
    void anEditMessageNamingAVariableItsEditDoesNotGiveIsAnError() throws IOException {
        writePairs(PAIRS);
        write("pairs.yaml", PAIRS_RULE.replace("#pair.column1", "#pair.colum1"));

        assertError(sets.reloadIfChanged(), "pairs.yaml", 10, "P-PTP", "colum1");
    }

    private static final String PAYER = """
            id: "06102"
            name: Sample Medicare
            versions:
              - effectiveFrom: 2020-01-01
                effectiveTo: 2025-12-31
                timelyFilingDays: 365
              - effectiveFrom: 2026-01-01
                timelyFilingDays: 180
                priorAuthCodes: ["73721"]
            """;

    @Test
    void payerProfilesAreLoadedAndResolvedByDateOfService() throws IOException {
        Files.createDirectories(dir.resolve("payers"));
        write("payers/06102.yaml", PAYER);

        assertThat(sets.reloadIfChanged().errors()).isEmpty();
        PayerProfiles payers = sets.current().payers();
        assertThat(payers.resolve("06102", java.time.LocalDate.of(2025, 12, 31)).timelyFilingDays()).isEqualTo(365);
        assertThat(payers.resolve("06102", java.time.LocalDate.of(2026, 1, 1)).priorAuthCodes())
                .containsExactly("73721");
        assertThat(payers.resolve("06102", java.time.LocalDate.of(2019, 12, 31))).isNull();
        assertThat(payers.resolve("OTHER", java.time.LocalDate.of(2026, 1, 1))).isNull();
        assertThat(sets.current().files()).contains("payers/06102.yaml");
    }

    @Test
    void aBadPayerProfileNamesFileAndLineAndTheSetIsNotUsed() throws IOException {
        Files.createDirectories(dir.resolve("payers"));
        write("payers/06102.yaml", PAYER.replace("timelyFilingDays: 180", "timelyFilingDays: soon"));
        assertError(sets.reloadIfChanged(), "payers/06102.yaml", 8, null, "payer 06102: timelyFilingDays 'soon'");

        write("payers/06102.yaml", PAYER.replace("    effectiveTo: 2025-12-31\n", ""));
        assertError(sets.reloadIfChanged(), "payers/06102.yaml", 6, null, "overlaps the version effective 2020-01-01");

        write("payers/06102.yaml", PAYER.replace("[\"73721\"]", "[\"MRI\"]"));
        assertError(sets.reloadIfChanged(), "payers/06102.yaml", 9, null, "'MRI' is not a CPT or HCPCS code");

        write("payers/06102.yaml", PAYER.replace("name:", "nmae:"));
        assertError(sets.reloadIfChanged(), "payers/06102.yaml", 2, null, "unknown field 'nmae'");
    }

    private void assertError(RuleLoad load, String file, int line, String ruleId, String text) {
        assertThat(load.succeeded()).isFalse();
        assertThat(load.errors()).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo(file);
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.ruleId()).isEqualTo(ruleId);
            assertThat(e.message()).contains(text);
        });
        assertThat(sets.lastLoad()).isSameAs(load);
        assertThat(sets.current()).as("the last good set stays active").isSameAs(good);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
