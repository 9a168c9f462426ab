package org.claimbridge.practice;

import java.math.BigDecimal;

/**
 * One line of a practice's chargemaster: what its own charge code (FT1-7.1) is billed as.
 *
 * @param procedureCode CPT/HCPCS; null for an item billed by revenue code alone (supplies, room time)
 * @param revenueCode   NUBC revenue code, four digits with the leading zero; null only for a professional practice,
 *                      whose 837P lines carry none
 * @param price         per unit
 * @param description   null when the file gives none
 */
public record ChargemasterItem(String transactionCode, String procedureCode, String revenueCode, BigDecimal price,
                               String description) {
}
