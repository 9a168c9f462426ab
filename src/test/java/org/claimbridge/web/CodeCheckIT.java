package org.claimbridge.web;

import java.time.LocalDate;

import org.claimbridge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The encounter page's code check against the shipped code sets (valid from 2015-10-01): the check itself for each
 * kind of answer, and the endpoint the page's script asks, signed in as a coder in headless Chromium.
 */
@IntegrationTest
class CodeCheckIT {

    private static final LocalDate ON = LocalDate.parse("2026-11-02");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    CodeCheck check;

    @Test
    void icd10cm_valid_badFormat_unknown_notBillable_notValidOnTheDate() {
        CodeCheck.Verdict valid = check.check(CodeCheck.Kind.ICD10CM, " e119 ", ON);
        assertThat(valid.valid()).isTrue();
        assertThat(valid.code()).isEqualTo("E119");
        assertThat(valid.display()).isEqualTo("E11.9");
        assertThat(valid.message()).isEqualTo("E11.9: Type 2 diabetes mellitus without complications");
        assertThat(check.check(CodeCheck.Kind.ICD10CM, "E11.9", ON).valid()).isTrue();

        assertThat(check.check(CodeCheck.Kind.ICD10CM, "E1", ON)).satisfies(v -> {
            assertThat(v.valid()).isFalse();
            assertThat(v.problem()).isEqualTo(CodeCheck.Problem.FORMAT);
            assertThat(v.message()).startsWith("'E1' is not an ICD-10-CM code");
        });
        assertThat(check.check(CodeCheck.Kind.ICD10CM, "Q999", ON)).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(CodeCheck.Problem.UNKNOWN);
            assertThat(v.message()).isEqualTo("Q999 is not in the loaded ICD-10-CM code set");
        });
        assertThat(check.check(CodeCheck.Kind.ICD10CM, "E11", ON)).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(CodeCheck.Problem.NOT_BILLABLE);
            assertThat(v.message()).isEqualTo("E11 (Type 2 diabetes mellitus) is a category, not billable: code it"
                    + " to a leaf under it");
        });
        assertThat(check.check(CodeCheck.Kind.ICD10CM, "E119", LocalDate.parse("2015-09-30"))).satisfies(v -> {
            assertThat(v.problem()).isEqualTo(CodeCheck.Problem.NOT_VALID_ON_DATE);
            assertThat(v.message()).isEqualTo("E11.9 is not valid on the date of service 2015-09-30 (valid from"
                    + " 2015-10-01)");
        });
        assertThat(check.check(CodeCheck.Kind.ICD10CM, "  ", ON).problem()).isEqualTo(CodeCheck.Problem.REQUIRED);
    }

    @Test
    void procedureCodes_modifiers_andPlacesOfService() {
        assertThat(check.check(CodeCheck.Kind.PROCEDURE, "99213", ON)).satisfies(v -> {
            assertThat(v.valid()).isTrue();
            assertThat(v.message()).isEqualTo("CPT is checked by format only");
        });
        assertThat(check.check(CodeCheck.Kind.CPT, "0001U", ON).valid()).isTrue();
        assertThat(check.check(CodeCheck.Kind.CPT, "9921", ON).problem()).isEqualTo(CodeCheck.Problem.FORMAT);
        assertThat(check.check(CodeCheck.Kind.PROCEDURE, "G0008", ON).valid()).isTrue();
        assertThat(check.check(CodeCheck.Kind.HCPCS, "G0008", ON).valid()).isTrue();
        assertThat(check.check(CodeCheck.Kind.PROCEDURE, "Z9999", ON).problem()).isEqualTo(CodeCheck.Problem.UNKNOWN);
        assertThat(check.check(CodeCheck.Kind.PROCEDURE, "G0008", LocalDate.parse("2014-01-01")).problem())
                .isEqualTo(CodeCheck.Problem.NOT_VALID_ON_DATE);
        assertThat(check.check(CodeCheck.Kind.PROCEDURE, "9921X", ON).message())
                .startsWith("'9921X' is not a CPT or HCPCS code");
        assertThat(check.check(CodeCheck.Kind.MODIFIER, "25", ON).valid()).isTrue();
        assertThat(check.check(CodeCheck.Kind.MODIFIER, "ZZ", ON).problem()).isEqualTo(CodeCheck.Problem.UNKNOWN);
        assertThat(check.check(CodeCheck.Kind.MODIFIER, "2", ON).problem()).isEqualTo(CodeCheck.Problem.FORMAT);
        assertThat(check.check(CodeCheck.Kind.POS, "11", ON).message()).isEqualTo("11: Office");
        assertThat(check.check(CodeCheck.Kind.POS, "98", ON).problem()).isEqualTo(CodeCheck.Problem.UNKNOWN);
        assertThat(check.check(CodeCheck.Kind.POS, "1", ON).problem()).isEqualTo(CodeCheck.Problem.FORMAT);
        assertThat(check.check(CodeCheck.Kind.POS, "11", null).valid()).as("no date: known is enough").isTrue();
    }

    @Test
    void theEndpointAnswersTheSignedInPageWithJson_andAMalformedQuestionWith400NamingTheParameter() {
        try (Browser browser = new Browser(port)) {
            browser.open("/queue").signIn(ApiClient.USER, ApiClient.PASSWORD);

            JsonNode valid = json(browser, "/queue/codes/check?set=ICD10CM&code=E119&on=2026-11-02");
            assertThat(valid.get("valid").asBoolean()).isTrue();
            assertThat(valid.get("set").asString()).isEqualTo("ICD10CM");
            assertThat(valid.get("code").asString()).isEqualTo("E119");
            assertThat(valid.get("on").asString()).isEqualTo("2026-11-02");
            assertThat(valid.get("display").asString()).isEqualTo("E11.9");
            assertThat(valid.get("description").asString()).isEqualTo("Type 2 diabetes mellitus without complications");

            JsonNode format = json(browser, "/queue/codes/check?set=ICD10CM&code=E1&on=2026-11-02");
            assertThat(format.get("valid").asBoolean()).isFalse();
            assertThat(format.get("problem").asString()).isEqualTo("FORMAT");
            assertThat(json(browser, "/queue/codes/check?set=ICD10CM&code=Q999&on=2026-11-02").get("problem")
                    .asString()).isEqualTo("UNKNOWN");
            assertThat(json(browser, "/queue/codes/check?set=icd10cm&code=E11&on=2026-11-02").get("problem")
                    .asString()).isEqualTo("NOT_BILLABLE");
            assertThat(json(browser, "/queue/codes/check?set=ICD10CM&code=E119&on=2015-01-01").get("problem")
                    .asString()).isEqualTo("NOT_VALID_ON_DATE");
            assertThat(json(browser, "/queue/codes/check?set=POS&code=98&on=2026-11-02").get("message").asString())
                    .isEqualTo("98 is not in the loaded place of service code set");

            JsonNode badSet = json(browser, "/queue/codes/check?set=CPT4&code=99213");
            assertThat(badSet.get("field").asString()).isEqualTo("set");
            assertThat(badSet.get("message").asString()).startsWith("'CPT4' is not a code set checked here");
            JsonNode badDate = json(browser, "/queue/codes/check?set=POS&code=11&on=02/11/2026");
            assertThat(badDate.get("field").asString()).isEqualTo("on");
        }
        // not signed in: the pages' chain sends the caller to the sign-in form, not to the code sets
        var anonymous = new ApiClient(port, null, null).get("/queue/codes/check?set=POS&code=11");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(v -> assertThat(v).endsWith("/login"));
    }

    private static JsonNode json(Browser browser, String path) {
        browser.open(path);
        return JSON.readTree(browser.text("body"));
    }
}
