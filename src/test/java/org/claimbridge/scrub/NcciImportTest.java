package org.claimbridge.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CMS quarterly files, in their own layout (small synthetic ones), converted into tables the rules read. */
class NcciImportTest {

    static final String CMS_PTP = String.join("\n",
            "CPT codes, descriptions and other data only are copyright 2025 American Medical Association.",
            "Column 1\tColumn 2\t*=in existence prior to 1996\tEffective Date\tDeletion Date *=no data\t"
                    + "Modifier 0=not allowed 1=allowed 9=not applicable\tPTP Edit Rationale",
            "20610\t99213\t\t20130101\t*\t1\tStandards of medical / surgical practice",
            "93000\t93005\t*\t19960101\t*\t0\tMore extensive procedure",
            "93005\t93041\t*\t19960101\t20191231\t1\tMisuse of column two code with column one code",
            "");

    static final String CMS_MUE = String.join("\n",
            "\"CPT codes, descriptions and other data only are copyright 2025 American Medical Association.\"",
            "\"HCPCS/CPT Code\",\"Practitioner Services MUE Values\",\"MUE Adjudication Indicator\",\"MUE Rationale\"",
            "\"20610\",\"2\",\"2 Date of Service Edit: Policy\",\"Anatomic Consideration\"",
            "\"J1030\",\"4\",\"3 Date of Service Edit: Clinical\",\"Clinical: Data\"",
            "\"99173\",\"1\",\"1 Line Edit\",\"Code Descriptor / CPT Instruction\"",
            "");

    @TempDir
    Path dir;

    @Test
    void convertsTheCmsFilesIntoTablesARuleSetLoads() throws IOException {
        Path ptp = dir.resolve("ccipra-v321r0-f1.txt");
        Path mue = dir.resolve("MCR_MUE_PractitionerServices.csv");
        Files.writeString(ptp, CMS_PTP);
        Files.writeString(mue, CMS_MUE);
        Path rules = Files.createDirectories(dir.resolve("claim-rules"));
        RuleSets sets = RuleSets.forFolder(rules);

        new NcciImport(new RuleProperties(rules, Duration.ofSeconds(10), new RuleProperties.Import(ptp, mue)), sets)
                .run(null);

        assertThat(Files.readString(rules.resolve("ncci/ptp.csv"))).contains(
                "column1,column2,effective,deletion,modifier_indicator,rationale",
                "20610,99213,2013-01-01,,1,Standards of medical / surgical practice",
                "93005,93041,1996-01-01,2019-12-31,1,Misuse of column two code with column one code");
        assertThat(Files.readString(rules.resolve("ncci/mue.csv"))).contains(
                "code,max_units,adjudication_indicator,rationale", "20610,2,2,Anatomic Consideration",
                "99173,1,1,Code Descriptor / CPT Instruction");

        Files.writeString(rules.resolve("ncci.yaml"), """
                family: ncci
                rules:
                  - id: N-PTP
                    description: pairs
                    severity: error
                    edit: procedure-pairs
                    table: ncci/ptp.csv
                    message: "line #{#line} with #{#other.code}"
                    fix: Remove it.
                  - id: N-MUE
                    description: units
                    severity: error
                    edit: unit-limits
                    table: ncci/mue.csv
                    message: "line #{#line}: #{#units} over #{#limit.maxUnits}"
                    fix: Fix the units.
                """);
        assertThat(sets.reloadIfChanged().errors()).isEmpty();
        TestClaim claim = new TestClaim();
        claim.charges.set(1, TestClaim.charge(2, "20610"));
        claim.charges.add(TestClaim.charge(3, "20610", "LT"));
        claim.charges.add(TestClaim.charge(4, "20610", "RT"));
        assertThat(RuleEvaluator.evaluateWithoutCodeSets(sets.current(), claim.build())).extracting(Finding::message)
                .containsExactly("line 1 with 20610", "line 4: 3 over 2");
    }

    @Test
    void aBadRowAfterTheHeadersNamesFileAndLine() throws IOException {
        Path ptp = dir.resolve("ptp.txt");
        Files.writeString(ptp, CMS_PTP + "20610\t99214\t\t2013-01-01\t*\t1\tx\n");

        assertThatThrownBy(() -> NcciImport.ptp(ptp)).hasMessageContaining("ptp.txt line 6")
                .hasMessageContaining("'2013-01-01' is not yyyymmdd");

        Path mue = dir.resolve("mue.csv");
        Files.writeString(mue, CMS_MUE + "\"J2405\",\"lots\",\"3 Date of Service Edit: Clinical\",\"x\"\n");
        assertThatThrownBy(() -> NcciImport.mue(mue)).hasMessageContaining("mue.csv line 6");
    }
}
