package org.claimbridge.web;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.claimbridge.claim.ClaimLineage;
import org.claimbridge.claim.ClaimStatus;
import org.claimbridge.claim.Claims;
import org.claimbridge.remit.Denials;
import org.claimbridge.remit.Remittances;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The claims pages: the list (newest first, by status and patient control number) and one claim with its timeline,
 * its 837 segments, what the payer paid or denied, and where every billed value came from.
 */
@Controller
class ClaimPages implements Page {

    private final ClaimListing listing;
    private final Claims claims;
    private final ClaimLineage lineage;
    private final Remittances remittances;
    private final Denials denials;
    private final ClaimFileText files;

    ClaimPages(ClaimListing listing, Claims claims, ClaimLineage lineage, Remittances remittances, Denials denials,
               ClaimFileText files) {
        this.listing = listing;
        this.claims = claims;
        this.lineage = lineage;
        this.remittances = remittances;
        this.denials = denials;
        this.files = files;
    }

    @GetMapping("/claims")
    String list(@RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "pcn", required = false) String pcn,
                @RequestParam(name = "page", defaultValue = "0") int page, Model model) {
        ClaimStatus chosen = Arrays.stream(ClaimStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(null);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("pcn", pcn == null ? "" : pcn.trim());
        model.addAttribute("claims", listing.find(chosen, pcn, page));
        return "claims/list";
    }

    @GetMapping("/claims/{id}")
    String claim(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        Optional<Claims.ClaimSummary> found;
        try {
            found = claims.find(Long.parseLong(id));
        } catch (NumberFormatException notANumber) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("id", id);
            return "claims/missing";
        }
        Claims.ClaimSummary claim = found.get();
        model.addAttribute("claim", claim);
        model.addAttribute("replacedBy", listing.replacedBy(claim.id()).orElse(null));
        model.addAttribute("transitions", claims.transitions(claim.id()));
        model.addAttribute("segments", files.of(claim.fileName(), claim.stControl()));
        model.addAttribute("payments", remittances.ofClaim(claim.id()));
        model.addAttribute("denials", denials.ofClaim(claim.id()));
        model.addAttribute("lineage", lineage.of(claim.id()).orElse(List.of()));
        return "claims/claim";
    }
}
