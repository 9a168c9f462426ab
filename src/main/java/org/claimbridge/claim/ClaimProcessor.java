package org.claimbridge.claim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.claimbridge.practice.ClaimReceivers;
import org.claimbridge.practice.NoReceiverException;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Assembles one encounter's claims and picks the receiver of each. */
class ClaimProcessor implements ItemProcessor<ClaimWork, ClaimRecords.Built> {

    private final ClaimAssembler assembler;
    private final ClaimReceivers receivers;
    private final ClaimRecords records;

    ClaimProcessor(ClaimAssembler assembler, ClaimReceivers receivers, ClaimRecords records) {
        this.assembler = assembler;
        this.receivers = receivers;
        this.records = records;
    }

    @Override
    public ClaimRecords.Built process(ClaimWork work) {
        var e = work.details().encounter();
        ClaimAssembler.Assembly assembly;
        try {
            assembly = assembler.assemble(work.details(), work.practice(), work.history(), records::document);
        } catch (RuntimeException ex) {
            // one encounter the assembler cannot handle goes to the coders with the reason; the run goes on
            return new ClaimRecords.Built(e.id(), e.revision(), e.practiceId(), work.lineageMark(),
                    new ClaimAssembler.Assembly(List.of(), List.of()), Map.of(),
                    "the claim could not be assembled: " + ex);
        }
        Map<String, String> byPayer = new HashMap<>();
        List<NewClaim> claims = assembly.claims().stream().map(claim -> {
            String payer = claim.document().payer() == null ? null : claim.document().payer().id();
            if (claim.status() == ClaimStatus.INVALID || byPayer.containsKey(payer)) {
                return claim;
            }
            try {
                byPayer.put(payer, receivers.forPayer(payer).id());
                return claim;
            } catch (NoReceiverException noReceiver) {
                return new NewClaim(claim.document(), claim.part(), ClaimStatus.INVALID, noReceiver.getMessage(),
                        claim.replaces());
            }
        }).toList();
        return new ClaimRecords.Built(e.id(), e.revision(), e.practiceId(), work.lineageMark(),
                new ClaimAssembler.Assembly(claims, assembly.superseded()), byPayer, null);
    }
}
