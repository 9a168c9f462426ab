package org.claimbridge.claim;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.xlate.edi.stream.EDIStreamException;
import org.claimbridge.practice.ClaimReceivers;
import org.claimbridge.practice.Receiver;
import org.claimbridge.scrub.ScrubRecords;
import org.claimbridge.system.ClaimbridgeProperties;
import org.slf4j.Logger;
import org.springframework.beans.factory.DisposableBean;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes built claims to the outbox: one interchange per receiver per run, named with its ISA13, in
 * {@code ${claimbridge.data-dir}/outbox/837/}.
 * <p>
 * Order of work, so a crash never sends a claim twice or loses one: the control numbers are taken and the
 * interchange recorded as WRITING; the file is written under a temporary name and forced to disk; one transaction
 * marks its claims SUBMITTED (or INVALID) and the interchange WRITTEN; then the file is renamed into place. At start a
 * WRITING interchange is abandoned (its claims are still CREATED and go into the next file, its numbers are burned) and
 * a WRITTEN one whose rename was cut short is renamed.
 */
@Component
class ClaimFiles implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClaimFiles.class);
    private static final int PAGE = 500;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ClaimReceivers receivers;
    private final GuideSchemas schemas;
    private final ControlNumbers numbers;
    private final ScrubRecords scrub;
    private final ClaimRecords records;
    private final Path outbox;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int renderThreads;
    private final ExecutorService renderPool;

    ClaimFiles(JdbcClient jdbc, JdbcTemplate template, ClaimReceivers receivers, GuideSchemas schemas,
               ControlNumbers numbers, ScrubRecords scrub, ClaimRecords records, ClaimbridgeProperties properties,
               PlatformTransactionManager transactionManager, Clock clock, ClaimProperties claimProperties) {
        this.jdbc = jdbc;
        this.template = template;
        this.receivers = receivers;
        this.schemas = schemas;
        this.numbers = numbers;
        this.scrub = scrub;
        this.records = records;
        this.outbox = properties.outbox("837");
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.renderThreads = claimProperties.renderThreadCount();
        this.renderPool = Executors.newFixedThreadPool(renderThreads, r -> {
            Thread t = new Thread(r, "claims-render");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void destroy() {
        renderPool.shutdownNow();
    }

    /** What one interchange held. */
    record Written(String receiver, String isaControl, Path file, int claims, int refused) {
    }

    Path outbox() {
        return outbox;
    }

    /** Writes every CREATED claim, one interchange per receiver that has any. */
    List<Written> writeAll(String actor, Long jobExecutionId) {
        recover();
        List<Written> written = new ArrayList<>();
        for (Receiver receiver : receivers.all()) {
            List<Long> ids = jdbc.sql("SELECT id FROM claim WHERE status = 'CREATED' AND receiver = ? ORDER BY kind, id")
                    .param(receiver.id()).query(Long.class).list();
            if (!ids.isEmpty()) {
                written.add(write(receiver, ids, actor, jobExecutionId));
            }
        }
        return written;
    }

    private record Outcome(long claimId, long encounterId, int revision, String pcn, String stControl,
                           Long groupId, List<String> errors, Long replaces, String frequency) {
    }

    private Written write(Receiver receiver, List<Long> ids, String actor, Long jobExecutionId) {
        LocalDateTime now = LocalDateTime.now(clock);
        String isa = numbers.interchange();
        String name = receiver.id() + "-" + isa + ".837";
        Path file = outbox.resolve(name);
        Path temp = outbox.resolve("." + name + ".part");
        long interchangeId = ownTransaction.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                            INSERT INTO x12_interchange (receiver, isa_control, usage_code, file_name, status, claims,
                                refused, job_execution_id, created_at)
                            VALUES (?, ?, ?, ?, 'WRITING', 0, 0, ?, ?)""")
                    .params(receiver.id(), isa, String.valueOf(receiver.usage()), name, jobExecutionId, now)
                    .update(key);
            return key.getKey().longValue();
        });
        long nextSt = numbers.transactions(ids.size());
        List<Outcome> outcomes = new ArrayList<>(ids.size());
        try {
            Files.createDirectories(outbox);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                InterchangeWriter.Envelope envelope = new InterchangeWriter.Envelope(receiver,
                        receivers.submitter(), isa, now);
                try (InterchangeWriter writer = new InterchangeWriter(stream, envelope, schemas);
                     Renderers renderers = new Renderers(envelope)) {
                    Long groupId = null;
                    for (int from = 0; from < ids.size(); from += PAGE) {
                        List<Stored> page = load(ids.subList(from, Math.min(ids.size(), from + PAGE)));
                        List<String> st = new ArrayList<>(page.size());
                        for (int i = 0; i < page.size(); i++) {
                            st.add(ControlNumbers.transaction(nextSt++));
                        }
                        List<TransactionSets.Rendered> rendered = renderers.render(page, st);
                        for (int i = 0; i < page.size(); i++) {
                            Stored claim = page.get(i);
                            ClaimKind kind = claim.document().kind();
                            if (kind != writer.currentKind()) {
                                if (writer.currentKind() != null) {
                                    writer.endGroup();
                                }
                                String gs = numbers.group();
                                groupId = group(interchangeId, gs, kind);
                                writer.startGroup(kind, gs);
                            }
                            TransactionSets.Rendered r = rendered.get(i);
                            if (!r.refused()) {
                                writer.append(kind, r.bytes());
                            }
                            outcomes.add(new Outcome(claim.id(), claim.encounterId(), claim.revision(),
                                    claim.document().patientControlNumber(), st.get(i), groupId, r.errors(),
                                    claim.replaces(), claim.document().frequency()));
                        }
                    }
                    if (writer.currentKind() != null) {
                        writer.endGroup();
                    }
                    writer.finish();
                }
                stream.flush();
                channel.force(true);
            }
        } catch (IOException | EDIStreamException | InterruptedException | ExecutionException
                 | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // nothing is marked: the claims stay CREATED for the next run, the numbers taken are burned
            abandon(interchangeId, temp, e.getMessage());
            throw new IllegalStateException("the 837 file for " + receiver.id() + " could not be written: "
                    + e.getMessage(), e);
        }
        int refused = (int) outcomes.stream().filter(o -> !o.errors().isEmpty()).count();
        int accepted = outcomes.size() - refused;
        ownTransaction.executeWithoutResult(status -> record(interchangeId, outcomes, accepted, refused, actor));
        if (accepted == 0) {
            deleteQuietly(temp);
        } else {
            file(interchangeId, temp, file);
        }
        log.info("837 interchange {} for {}: {} claim(s) written, {} refused by the guide", isa, receiver.id(),
                accepted, refused);
        return new Written(receiver.id(), isa, accepted == 0 ? null : file, accepted, refused);
    }

    private record Stored(long id, long encounterId, int revision, ClaimDocument document, Long replaces) {
    }

    /**
     * One {@link TransactionSets} per render thread for one interchange: a page of claims is cut in as many slices,
     * rendered side by side, and handed back in order.
     */
    private final class Renderers implements AutoCloseable {
        private final List<TransactionSets> sets = new ArrayList<>();

        Renderers(InterchangeWriter.Envelope envelope) throws EDIStreamException {
            for (int i = 0; i < renderThreads; i++) {
                sets.add(new TransactionSets(envelope, schemas));
            }
        }

        List<TransactionSets.Rendered> render(List<Stored> page, List<String> st)
                throws InterruptedException, ExecutionException {
            int slice = (page.size() + sets.size() - 1) / sets.size();
            List<Future<List<TransactionSets.Rendered>>> slices = new ArrayList<>();
            for (int t = 0; t < sets.size() && t * slice < page.size(); t++) {
                TransactionSets set = sets.get(t);
                int from = t * slice;
                int to = Math.min(page.size(), from + slice);
                slices.add(renderPool.submit(() -> {
                    List<TransactionSets.Rendered> out = new ArrayList<>(to - from);
                    for (int i = from; i < to; i++) {
                        out.add(set.render(page.get(i).document(), st.get(i)));
                    }
                    return out;
                }));
            }
            List<TransactionSets.Rendered> all = new ArrayList<>(page.size());
            for (Future<List<TransactionSets.Rendered>> f : slices) {
                all.addAll(f.get());
            }
            return all;
        }

        @Override
        public void close() throws EDIStreamException {
            for (TransactionSets set : sets) {
                set.close();
            }
        }
    }

    private List<Stored> load(List<Long> ids) {
        Map<Long, Stored> byId = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT id, encounter_id, encounter_revision, document, replaces_claim_id FROM claim
                        WHERE id IN (:ids)""")
                .param("ids", ids).query(rs -> {
                    byId.put(rs.getLong("id"), new Stored(rs.getLong("id"), rs.getLong("encounter_id"),
                            rs.getInt("encounter_revision"), ClaimDocuments.decode(rs.getBytes("document")),
                            rs.getObject("replaces_claim_id", Long.class)));
                });
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    private long group(long interchangeId, String gs, ClaimKind kind) {
        return ownTransaction.execute(status -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO x12_group (interchange_id, gs_control, version) VALUES (?, ?, ?)")
                    .params(interchangeId, gs, kind.guide()).update(key);
            return key.getKey().longValue();
        });
    }

    private void record(long interchangeId, List<Outcome> outcomes, int accepted, int refused, String actor) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Object[]> written = new ArrayList<>();
        List<Object[]> invalid = new ArrayList<>();
        List<Object[]> transitions = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.errors().isEmpty()) {
                written.add(new Object[] {interchangeId, o.groupId(), o.stControl(), now, o.claimId()});
                transitions.add(new Object[] {o.claimId(), ClaimStatus.CREATED.name(), ClaimStatus.SUBMITTED.name(),
                        actor, "in interchange " + interchangeId + ", ST02 " + o.stControl(), now});
                if (o.replaces() != null) {
                    // the payer now holds the replacement, or nothing at all after a void
                    ClaimStatus ended = "8".equals(o.frequency()) ? ClaimStatus.CLOSED : ClaimStatus.CORRECTED;
                    String why = ("8".equals(o.frequency()) ? "voided by " : "replaced by ") + o.pcn();
                    String before = jdbc.sql("SELECT status FROM claim WHERE id = ?").param(o.replaces())
                            .query(String.class).single();
                    jdbc.sql("UPDATE claim SET status = ?, status_reason = ? WHERE id = ?")
                            .params(ended.name(), why, o.replaces()).update();
                    transitions.add(new Object[] {o.replaces(), before, ended.name(), actor, why, now});
                }
            } else {
                String reason = "the " + "implementation guide refused it: " + String.join("; ", o.errors());
                invalid.add(new Object[] {ClaimRecords.cut(reason), o.claimId()});
                transitions.add(new Object[] {o.claimId(), ClaimStatus.CREATED.name(), ClaimStatus.INVALID.name(),
                        actor, ClaimRecords.cut(reason), now});
                scrub.claimRefused(o.encounterId(), o.revision(), "claim " + o.pcn() + ": " + reason, actor);
            }
        }
        template.batchUpdate("""
                UPDATE claim SET status = 'SUBMITTED', interchange_id = ?, group_id = ?, st_control = ?, written_at = ?
                WHERE id = ? AND status = 'CREATED'""", written);
        template.batchUpdate("UPDATE claim SET status = 'INVALID', status_reason = ? WHERE id = ? AND status = 'CREATED'",
                invalid);
        records.transitions(transitions);
        jdbc.sql("""
                        UPDATE x12_interchange SET status = ?, claims = ?, refused = ?, written_at = ? WHERE id = ?""")
                .params(accepted == 0 ? "ABANDONED" : "WRITTEN", accepted, refused, now, interchangeId).update();
    }

    private void abandon(long interchangeId, Path temp, String why) {
        deleteQuietly(temp);
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                        "UPDATE x12_interchange SET status = 'ABANDONED' WHERE id = ? AND status = 'WRITING'")
                .param(interchangeId).update());
        log.error("837 interchange {} abandoned: {}", interchangeId, why);
    }

    /** Finishes what a crash cut short (see the class comment). */
    void recover() {
        jdbc.sql("SELECT id, file_name, status FROM x12_interchange WHERE status IN ('WRITING', 'WRITTEN')")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}).list()
                .forEach(row -> {
                    long id = (Long) row[0];
                    String name = (String) row[1];
                    Path temp = outbox.resolve("." + name + ".part");
                    if ("WRITING".equals(row[2])) {
                        abandon(id, temp, "cut short before its claims were recorded; they go into the next file");
                    } else {
                        log.warn("837 interchange {} was recorded but not renamed into place; renaming it now", id);
                        file(id, temp, outbox.resolve(name));
                    }
                });
    }

    /** Puts a recorded interchange's file in place under its own name. */
    private void file(long interchangeId, Path temp, Path file) {
        if (Files.exists(temp)) {
            move(temp, file);
        }
        ownTransaction.executeWithoutResult(status -> jdbc.sql(
                "UPDATE x12_interchange SET status = 'FILED' WHERE id = ?").param(interchangeId).update());
    }

    private static void move(Path temp, Path file) {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("the 837 file " + file + " could not be put in place", e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", path, e.getMessage());
        }
    }
}
