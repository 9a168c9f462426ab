package org.claimbridge.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The encounter page's check-as-you-type: {@code GET /queue/codes/check?set=ICD10CM&code=E119&on=2026-11-02}. Under
 * the pages' filter chain (the signed-in coder's session), not the API's. 200 with the {@link CodeCheck.Verdict},
 * valid or not; 400 naming the parameter when the question itself is malformed.
 */
@RestController
class CodeCheckEndpoint {

    static final String PATH = CoderQueuePage.PATH + "/codes/check";

    private final CodeCheck check;

    CodeCheckEndpoint(CodeCheck check) {
        this.check = check;
    }

    @GetMapping(PATH)
    ResponseEntity<?> check(@RequestParam(name = "set", required = false) String set,
                            @RequestParam(name = "code", required = false) String code,
                            @RequestParam(name = "on", required = false) String on) {
        CodeCheck.Kind kind;
        try {
            kind = CodeCheck.Kind.valueOf(set == null ? "" : set.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return bad("set", "'" + (set == null ? "" : set) + "' is not a code set checked here: one of "
                    + Arrays.stream(CodeCheck.Kind.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        LocalDate date = null;
        if (on != null && !on.isBlank()) {
            try {
                date = LocalDate.parse(on.strip());
            } catch (DateTimeParseException e) {
                return bad("on", "'" + on + "' is not a date of service: yyyy-mm-dd, e.g. 2026-11-02");
            }
        }
        return ResponseEntity.ok(check.check(kind, code, date));
    }

    private static ResponseEntity<Map<String, String>> bad(String field, String message) {
        return ResponseEntity.badRequest().body(Map.of("field", field, "message", message));
    }
}
