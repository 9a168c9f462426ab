package org.claimbridge.practice;

/** No receiver takes a payer's claims: neither one that lists the payer nor one for every payer ({@code "*"}). */
public class NoReceiverException extends RuntimeException {

    private final String payerId;

    NoReceiverException(String payerId) {
        super(payerId == null || payerId.isBlank()
                ? "No claim receiver for a claim without a payer id"
                : "No claim receiver for payer " + payerId + ": list it under a receiver's payers in"
                        + " claimbridge.claims.receivers, or give one receiver payers [\"*\"]");
        this.payerId = payerId;
    }

    /** The payer id (IN1-3.1) asked for; null or blank when the claim had none. */
    public String payerId() {
        return payerId;
    }
}
