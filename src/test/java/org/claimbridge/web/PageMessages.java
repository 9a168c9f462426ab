package org.claimbridge.web;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Synthetic FAMPRAC charge messages for the page tests, sent through the real intake (POST /api/hl7). */
final class PageMessages {

    private PageMessages() {
    }

    /** A DFT^P03 with one office visit charge; an empty {@code mrn} leaves PID-3 empty, which intake refuses (AE). */
    static String dft(String control, String mrn, String visit, String name) {
        return String.join("\r",
                "MSH|^~\\&|ATHENAEHR|FAMPRAC|CLAIMBRIDGE|CBRCM|20261121090000||DFT^P03^DFT_P03|" + control
                        + "|P|2.5.1",
                "EVN|P03|20261121090000",
                "PID|1||" + (mrn.isEmpty() ? "" : mrn + "^^^FAMPRAC^MR") + "||" + name + "||19700101|F",
                "PV1|1|O|EXAM2^^^FAMPRAC|R|||1049283710^Okafor^Adaeze^N^^^MD^^NPI^L^^^NPI|||FM||||||||O|"
                        + visit + "^^^FAMPRAC^VN|MC",
                "FT1|1|" + visit + "-1||20261120|20261120|CG|OV213^Office visit^CDM|Office visit||1|120.00|||||11"
                        + "|||I10^Essential hypertension^I10||||||99213^Office visit^C4|",
                "DG1|1|I10|I10|x||F|||||||||1") + "\r";
    }

    /** Sends one message and returns its ACK. */
    static String send(int port, String message) {
        var response = new ApiClient(port).post("/api/hl7", "application/hl7-v2",
                message.getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.statusCode()).isEqualTo(200);
        return ApiClient.text(response);
    }
}
