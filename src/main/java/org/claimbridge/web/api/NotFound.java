package org.claimbridge.web.api;

class NotFound extends RuntimeException {

    NotFound(String message) {
        super(message);
    }
}
