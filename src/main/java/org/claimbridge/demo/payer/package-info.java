/**
 * The payer simulator, for demos and tests only: it plays the clearinghouse and the payers behind it, answering each
 * 837 file claimbridge writes to its outbox with a 999, a 277CA and 835s in claimbridge's X12 inbox, decided by a
 * seed so that a demo tells the same story every time. Nothing in production uses it, and it is only switched on by
 * {@code claimbridge.payer-simulator.enabled}.
 */
package org.claimbridge.demo.payer;
