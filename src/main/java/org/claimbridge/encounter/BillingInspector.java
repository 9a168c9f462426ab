package org.claimbridge.encounter;

import java.util.ArrayList;
import java.util.List;

import ca.uhn.hl7v2.ErrorCode;
import org.claimbridge.intake.Hl7Message;
import org.claimbridge.intake.Hl7Problem;
import org.claimbridge.intake.MessageInspector;
import org.claimbridge.practice.PracticeDirectory;
import org.springframework.stereotype.Component;

/**
 * Judges a billing message before intake acknowledges it, with the same reading the applier will apply: a sender
 * hears about a bad date or a missing MRN in its ACK, and a message that would lose data is held from the start.
 */
@Component
class BillingInspector implements MessageInspector {

    private final BillingMapping mapping;
    private final PracticeDirectory practices;
    private final RecentExtractions recent;

    BillingInspector(BillingMapping mapping, PracticeDirectory practices, RecentExtractions recent) {
        this.mapping = mapping;
        this.practices = practices;
        this.recent = recent;
    }

    @Override
    public boolean maps(String messageType, String triggerEvent) {
        return BillingMapping.maps(messageType, triggerEvent);
    }

    @Override
    public List<Hl7Problem> inspect(Hl7Message message) {
        List<Hl7Problem> problems = new ArrayList<>();
        if (practices.rejectsUnknownSenders() && !practices.isConfigured(message.sendingFacility())) {
            problems.add(Hl7Problem.reject(ErrorCode.UNKNOWN_KEY_IDENTIFIER, 4, "sending facility '"
                    + message.sendingFacility() + "' is not a configured practice"));
        }
        Extraction extraction = mapping.extract(message);
        recent.keep(message.text(), extraction);
        problems.addAll(extraction.problems());
        return problems;
    }
}
