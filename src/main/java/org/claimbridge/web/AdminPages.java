package org.claimbridge.web;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.claimbridge.encounter.ProvidersSeen;
import org.claimbridge.practice.Chargemaster;
import org.claimbridge.practice.ClaimReceivers;
import org.claimbridge.practice.NoReceiverException;
import org.claimbridge.practice.Practice;
import org.claimbridge.practice.PracticeDirectory;
import org.claimbridge.practice.Receiver;
import org.claimbridge.scrub.ClaimContext;
import org.claimbridge.scrub.RuleLoad;
import org.claimbridge.scrub.RuleSet;
import org.claimbridge.scrub.RuleSets;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Admin: what claimbridge is configured with. Practices, receivers, payers and chargemasters are configuration files
 * reviewed like code, and the rules a folder of them; so these pages show them read-only and say which file or
 * setting each comes from, and what the feeds have shown (providers, senders not set up).
 */
@Controller
class AdminPages implements Page {

    private final PracticeDirectory practices;
    private final Chargemaster chargemaster;
    private final ClaimReceivers receivers;
    private final ProvidersSeen providers;
    private final RuleSets rules;
    private final SettingOrigins origins;
    private final UserAccounts accounts;

    AdminPages(PracticeDirectory practices, Chargemaster chargemaster, ClaimReceivers receivers,
               ProvidersSeen providers, RuleSets rules, SettingOrigins origins, UserAccounts accounts) {
        this.practices = practices;
        this.chargemaster = chargemaster;
        this.receivers = receivers;
        this.providers = providers;
        this.rules = rules;
        this.origins = origins;
        this.accounts = accounts;
    }

    /** A practice with where its settings are written ({@code null} origin: seen on a feed only). */
    record PracticeRow(Practice practice, String setting, String origin, String chargemasterFile,
                       Integer chargemasterItems) {
    }

    record ReceiverRow(Receiver receiver, String setting, String origin) {
    }

    record PayerRow(String payerId, String filingIndicator, String receiver, String origin) {
    }

    record ProfileRow(ClaimContext.Payer profile, String receiver) {
    }

    record ProviderRow(ProvidersSeen.Provider provider, String practice) {
    }

    @GetMapping("/admin")
    String index(Model model) {
        RuleSet active = rules.current();
        RuleLoad last = rules.lastLoad();
        model.addAttribute("users", accounts.all().size());
        model.addAttribute("practices", practices.all().size());
        model.addAttribute("receivers", receivers.all().size());
        model.addAttribute("rules", active.size());
        model.addAttribute("ruleVersion", active.version());
        model.addAttribute("loadFailed", last != null && !last.succeeded());
        return "admin/index";
    }

    @GetMapping("/admin/practices")
    String practices(Model model) {
        Map<String, Integer> index = configuredIndex();
        List<PracticeRow> rows = practices.all().stream().map(p -> {
            Integer i = index.get(p.sendingFacility());
            String setting = i == null ? null : "claimbridge.practices[" + i + "]";
            String origin = setting == null ? null
                    : origins.of(setting + ".sending-facility").orElse("configuration");
            var source = chargemaster.source(p.id());
            return new PracticeRow(p, setting, origin, source.map(s -> s.file()).orElse(null),
                    source.map(s -> s.items()).orElse(null));
        }).toList();
        model.addAttribute("rows", rows);
        return "admin/practices";
    }

    @GetMapping("/admin/practices/{id}/chargemaster")
    String chargemaster(@PathVariable long id, Model model) {
        Practice practice = practices.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no practice " + id));
        Integer i = configuredIndex().get(practice.sendingFacility());
        model.addAttribute("practice", practice);
        model.addAttribute("setting", i == null ? null : "claimbridge.practices[" + i + "].chargemaster");
        model.addAttribute("source", chargemaster.source(id).orElse(null));
        model.addAttribute("items", chargemaster.items(id));
        return "admin/chargemaster";
    }

    @GetMapping("/admin/providers")
    String providers(Model model) {
        Map<Long, String> names = practices.all().stream().collect(Collectors.toMap(Practice::id,
                p -> p.name() + " (" + p.sendingFacility() + ")"));
        List<ProvidersSeen.Provider> seen = providers.all();
        model.addAttribute("rows", seen.stream().map(p -> new ProviderRow(p, names.getOrDefault(p.practiceId(),
                "practice " + p.practiceId()))).toList());
        model.addAttribute("limited", seen.size() >= ProvidersSeen.LIMIT);
        model.addAttribute("limit", ProvidersSeen.LIMIT);
        return "admin/providers";
    }

    @GetMapping("/admin/payers")
    String payers(Model model) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; origins.isSet("claimbridge.claims.payers[" + i + "].id"); i++) {
            index.put(origins.value("claimbridge.claims.payers[" + i + "].id"), i);
        }
        model.addAttribute("filing", receivers.filingIndicators().entrySet().stream()
                .map(e -> new PayerRow(e.getKey(), e.getValue(), routedTo(e.getKey()),
                        Optional.ofNullable(index.get(e.getKey()))
                                .flatMap(i -> origins.of("claimbridge.claims.payers[" + i + "].id"))
                                .orElse("configuration")))
                .toList());
        model.addAttribute("defaultFilingIndicator", ClaimReceivers.DEFAULT_FILING_INDICATOR);
        RuleSet active = rules.current();
        List<ClaimContext.Payer> profiles = active.payerProfiles();
        model.addAttribute("profiles", profiles.stream().map(p -> new ProfileRow(p, routedTo(p.id()))).toList());
        model.addAttribute("profileFiles", active.files().stream().filter(f -> f.startsWith("payers/")).toList());
        model.addAttribute("rulesFolder", rules.folder().toAbsolutePath().normalize().toString());
        return "admin/payers";
    }

    @GetMapping("/admin/receivers")
    String receivers(Model model) {
        boolean configured = origins.isSet("claimbridge.claims.receivers[0].id");
        List<Receiver> all = receivers.all();
        model.addAttribute("rows", java.util.stream.IntStream.range(0, all.size()).mapToObj(i -> new ReceiverRow(
                all.get(i), configured ? "claimbridge.claims.receivers[" + i + "]" : null,
                configured ? origins.of("claimbridge.claims.receivers[" + i + "].id").orElse("configuration")
                        : null)).toList());
        model.addAttribute("configured", configured);
        model.addAttribute("submitter", receivers.submitter());
        model.addAttribute("submitterOrigin", origins.of("claimbridge.claims.submitter.id").orElse(null));
        return "admin/receivers";
    }

    @GetMapping("/admin/rules")
    String rules(Model model) {
        RuleSet active = rules.current();
        RuleLoad last = rules.lastLoad();
        model.addAttribute("active", active);
        model.addAttribute("descriptions", active.descriptions());
        model.addAttribute("last", last);
        model.addAttribute("lastFailed", last != null && !last.succeeded());
        model.addAttribute("rulesFolder", rules.folder().toAbsolutePath().normalize().toString());
        model.addAttribute("loadedAt", active.loadedAt().equals(Instant.EPOCH) ? null : active.loadedAt());
        return "admin/rules";
    }

    /** Sending facility to its index under {@code claimbridge.practices}, to name the setting it was written in. */
    private Map<String, Integer> configuredIndex() {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; origins.isSet("claimbridge.practices[" + i + "].sending-facility"); i++) {
            index.put(origins.value("claimbridge.practices[" + i + "].sending-facility"), i);
        }
        return index;
    }

    /** The receiver a payer's claims are sent to, or a note that none takes them. */
    private String routedTo(String payerId) {
        try {
            return receivers.forPayer(payerId).id();
        } catch (NoReceiverException none) {
            return "none (its claims are not sent)";
        }
    }
}
