package org.claimbridge.scrub;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.claimbridge.encounter.EncounterDetails;
import org.claimbridge.encounter.Encounters;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encounters as the claims rules judge, loaded in bulk: for the job's pages, a coder's "scrub now" and dry runs.
 * Encounters that may not become claims yet (held, cancelled, practice unknown) are left out.
 */
@Component
class ClaimLoader {

    private static final Logger log = LoggerFactory.getLogger(ClaimLoader.class);

    private final Encounters encounters;
    private final PracticeDirectory practices;

    ClaimLoader(Encounters encounters, PracticeDirectory practices) {
        this.encounters = encounters;
        this.practices = practices;
    }

    /**
     * An encounter read for rules: its billing view, its practice, and the claim built from them.
     *
     * @param failure why no claim could be built, else null
     */
    record Loaded(EncounterDetails details, Practice practice, ClaimContext claim, String failure) {

        ScrubItem item() {
            return new ScrubItem(encounterId(), revision(), claim, failure);
        }

        long encounterId() {
            return details.encounter().id();
        }

        int revision() {
            return details.encounter().revision();
        }
    }

    /** In the order of {@code ids}; a few queries for the whole list. */
    List<Loaded> load(List<Long> ids, LocalDate today) {
        Map<Long, Optional<Practice>> practiceOf = new HashMap<>();
        List<Loaded> loaded = new ArrayList<>(ids.size());
        for (EncounterDetails details : encounters.findAll(ids)) {
            EncounterDetails.Encounter e = details.encounter();
            Optional<Practice> practice = practiceOf.computeIfAbsent(e.practiceId(), practices::find);
            // an encounter held or cancelled since it was picked waits for the next look
            if (practice.isPresent() && e.holdReason() == null && "ACTIVE".equals(e.status())) {
                loaded.add(claim(details, practice.get(), today));
            }
        }
        return loaded;
    }

    /** One encounter whose data no claim can be built from must not stop the others of its page. */
    private static Loaded claim(EncounterDetails details, Practice practice, LocalDate today) {
        try {
            return new Loaded(details, practice, ClaimContexts.of(details, practice, today), null);
        } catch (RuntimeException e) {
            log.warn("No claim could be built from encounter {}", details.encounter().id(), e);
            return new Loaded(details, practice, null, "no claim could be built from its data ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }
}
