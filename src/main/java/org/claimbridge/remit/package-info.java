/**
 * Responses to claims: 999, 277CA and 835 files received raw (drop folder, API), read with StAEDI and applied to
 * the claims they answer, each transaction set once.
 */
package org.claimbridge.remit;
