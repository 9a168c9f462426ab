package org.claimbridge.web.api;

import java.util.List;

import org.claimbridge.remit.ClaimClocks;
import org.claimbridge.remit.Denials;
import org.claimbridge.remit.Remittances;
import org.claimbridge.remit.RuleProposals;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What payers paid and denied, per claim, and the payments nobody's claim matched. */
@RestController
class RemittanceEndpoint {

    private final Remittances remittances;
    private final Denials denials;
    private final ClaimClocks clocks;
    private final RuleProposals proposals;

    RemittanceEndpoint(Remittances remittances, Denials denials, ClaimClocks clocks, RuleProposals proposals) {
        this.remittances = remittances;
        this.denials = denials;
        this.clocks = clocks;
        this.proposals = proposals;
    }

    /** Scrub rules proposed from repeated denials, each with its dry run; none is applied on its own. */
    @GetMapping("/api/rule-proposals")
    List<RuleProposals.Proposal> proposals() {
        return proposals.current();
    }

    /** Claims whose answer is late or that wait for a correction, most money per day left to the deadline first. */
    @GetMapping("/api/claims/at-risk")
    List<ClaimClocks.AtRisk> atRisk(@RequestParam(defaultValue = "100") int size) {
        if (size < 1 || size > 1000) {
            throw new BadRequest("size must be between 1 and 1000, got " + size);
        }
        return clocks.atRisk(size);
    }

    @GetMapping("/api/claims/{id}/payments")
    List<Remittances.ClaimPayment> payments(@PathVariable long id) {
        return remittances.ofClaim(id);
    }

    /** Each denial with its reason, category, and the billed values it points at traced to their HL7 sources. */
    @GetMapping("/api/claims/{id}/denials")
    List<Denials.Denial> denials(@PathVariable long id) {
        return denials.ofClaim(id);
    }

    @GetMapping("/api/denials/{id}")
    Denials.Denial denial(@PathVariable long id) {
        return denials.find(id).orElseThrow(() -> new NotFound("no denial with id " + id));
    }

    @GetMapping("/api/remittances/unmatched")
    List<Remittances.ClaimPayment> unmatched(@RequestParam(defaultValue = "100") int size) {
        if (size < 1 || size > 1000) {
            throw new BadRequest("size must be between 1 and 1000, got " + size);
        }
        return remittances.unmatched(size);
    }
}
