package org.claimbridge.web.api;

import java.security.Principal;

import org.claimbridge.remit.X12Receipts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** X12 responses (999, 277CA, 835) posted by a clearinghouse connector or a person. */
@RestController
class X12Endpoint {

    private final X12Receipts receipts;

    X12Endpoint(X12Receipts receipts) {
        this.receipts = receipts;
    }

    /**
     * Stores the file, then applies it. 200 with what became of each transaction set (a file received before is
     * answered DUPLICATE and not applied again); 422 when nothing in it could be applied, with the reasons. Either way
     * the file is kept.
     */
    @PostMapping(path = "/api/x12", consumes = {"application/edi-x12", "text/plain", "application/octet-stream"})
    ResponseEntity<X12Receipts.Receipt> receive(@RequestBody(required = false) byte[] body,
                                                @RequestParam(required = false) String name, Principal user) {
        if (body == null || body.length == 0) {
            throw new BadRequest("the body is empty: post the X12 file's bytes");
        }
        X12Receipts.Receipt receipt = receipts.receive(body, X12Receipts.Channel.API, name, "api " + user.getName());
        return ResponseEntity.status(receipt.status().equals("FAILED") ? HttpStatus.UNPROCESSABLE_CONTENT
                : HttpStatus.OK).body(receipt);
    }
}
