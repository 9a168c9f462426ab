package org.claimbridge.web.api;

/** A request the API cannot act on; the message says which parameter and why. */
class BadRequest extends RuntimeException {

    BadRequest(String message) {
        super(message);
    }
}
