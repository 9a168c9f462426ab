package org.claimbridge.remit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an 835 (005010X221A1) transaction set's segments into a {@link Remittance}, loop by loop: header (BPR,
 * TRN, 1000A payer, 1000B payee), 2100 claims (CLP and its CAS, MOA/MIA, REF), 2110 service lines (SVC and its
 * DTM*472, CAS, REF*6R, LQ*HE), and PLB.
 */
final class RemittanceReader {

    private RemittanceReader() {
    }

    static Remittance read(X12Transaction t) {
        String handling = "";
        BigDecimal payment = BigDecimal.ZERO;
        String method = null;
        LocalDate paid = null;
        String trace = null;
        String payerId = null;
        String payerName = null;
        String payeeId = null;
        String party = "";
        List<Remittance.ClaimPaid> claims = new ArrayList<>();
        List<Remittance.ProviderAdjustment> plb = new ArrayList<>();
        ClaimBuilder claim = null;
        ServiceBuilder service = null;
        for (X12Segment s : t.segments()) {
            switch (s.tag()) {
                case "BPR" -> {
                    handling = s.get(1);
                    payment = amount(s.get(2));
                    method = s.get(4);
                    paid = date(s.get(16));
                }
                case "TRN" -> trace = s.get(2);
                case "N1" -> {
                    party = s.get(1);
                    if (party.equals("PR")) {
                        payerName = s.get(2);
                        payerId = s.get(4).isEmpty() ? payerId : s.get(4);
                    } else if (party.equals("PE")) {
                        payeeId = s.get(4);
                    }
                }
                case "REF" -> {
                    if (service != null && s.get(1).equals("6R")) {
                        service.controlNumber = s.get(2);
                    } else if (claim == null && party.equals("PR") && s.get(1).equals("2U")) {
                        payerId = s.get(2);
                    }
                }
                case "CLP" -> {
                    service = finishService(claim, service);
                    finishClaim(claims, claim);
                    claim = new ClaimBuilder(s);
                }
                case "CAS" -> {
                    List<Remittance.Adjustment> into = service != null ? service.adjustments
                            : claim != null ? claim.adjustments : null;
                    if (into != null) {
                        for (int i = 2; i <= 17; i += 3) {
                            if (!s.get(i).isEmpty()) {
                                into.add(new Remittance.Adjustment(s.get(1), s.get(i), amount(s.get(i + 1)),
                                        s.get(i + 2).isEmpty() ? null : amount(s.get(i + 2))));
                            }
                        }
                    }
                }
                case "MOA", "MIA" -> {
                    if (claim != null) {
                        // remark codes: MOA03-07, MIA05 and MIA20-23
                        int[] positions = s.tag().equals("MOA") ? new int[] {3, 4, 5, 6, 7}
                                : new int[] {5, 20, 21, 22, 23};
                        for (int p : positions) {
                            if (!s.get(p).isEmpty()) {
                                claim.remarks.add(s.get(p));
                            }
                        }
                    }
                }
                case "SVC" -> {
                    service = finishService(claim, service);
                    service = new ServiceBuilder(s);
                }
                case "DTM" -> {
                    if (service != null && (s.get(1).equals("472") || s.get(1).equals("150"))) {
                        service.date = date(s.get(2));
                    }
                }
                case "LQ" -> {
                    if (service != null && s.get(1).equals("HE")) {
                        service.remarks.add(s.get(2));
                    }
                }
                case "PLB" -> {
                    service = finishService(claim, service);
                    finishClaim(claims, claim);
                    claim = null;
                    for (int i = 3; i <= 13; i += 2) {
                        if (!s.get(i).isEmpty()) {
                            plb.add(new Remittance.ProviderAdjustment(s.get(1), s.component(i, 1),
                                    s.component(i, 2), amount(s.get(i + 1))));
                        }
                    }
                }
                case "SE" -> {
                    service = finishService(claim, service);
                    finishClaim(claims, claim);
                    claim = null;
                }
                default -> {
                }
            }
        }
        return new Remittance(handling, payment, method, paid, trace, payerId, payerName, payeeId,
                List.copyOf(claims), List.copyOf(plb));
    }

    private static ServiceBuilder finishService(ClaimBuilder claim, ServiceBuilder service) {
        if (claim != null && service != null) {
            claim.services.add(new Remittance.ServicePaid(service.procedure, service.charge, service.paid,
                    service.units, service.date, service.controlNumber, List.copyOf(service.adjustments),
                    List.copyOf(service.remarks)));
        }
        return null;
    }

    private static void finishClaim(List<Remittance.ClaimPaid> claims, ClaimBuilder c) {
        if (c != null) {
            claims.add(new Remittance.ClaimPaid(c.pcn, c.status, c.charge, c.paid, c.patient, c.payerClaimNumber,
                    List.copyOf(c.adjustments), List.copyOf(c.remarks), List.copyOf(c.services)));
        }
    }

    private static final class ClaimBuilder {
        final String pcn;
        final String status;
        final BigDecimal charge;
        final BigDecimal paid;
        final BigDecimal patient;
        final String payerClaimNumber;
        final List<Remittance.Adjustment> adjustments = new ArrayList<>();
        final List<String> remarks = new ArrayList<>();
        final List<Remittance.ServicePaid> services = new ArrayList<>();

        ClaimBuilder(X12Segment clp) {
            pcn = clp.get(1);
            status = clp.get(2);
            charge = amount(clp.get(3));
            paid = amount(clp.get(4));
            patient = clp.get(5).isEmpty() ? null : amount(clp.get(5));
            payerClaimNumber = clp.get(7).isEmpty() ? null : clp.get(7);
        }
    }

    private static final class ServiceBuilder {
        final String procedure;
        final BigDecimal charge;
        final BigDecimal paid;
        final BigDecimal units;
        LocalDate date;
        String controlNumber;
        final List<Remittance.Adjustment> adjustments = new ArrayList<>();
        final List<String> remarks = new ArrayList<>();

        ServiceBuilder(X12Segment svc) {
            procedure = svc.composite(1);
            charge = amount(svc.get(2));
            paid = amount(svc.get(3));
            units = svc.get(5).isEmpty() ? null : amount(svc.get(5));
        }
    }

    static BigDecimal amount(String value) {
        if (value == null || value.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not an amount");
        }
    }

    private static LocalDate date(String value) {
        if (value == null || value.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
