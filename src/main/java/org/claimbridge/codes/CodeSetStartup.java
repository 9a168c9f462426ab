package org.claimbridge.codes;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * At start-up, before listeners and jobs run: the shipped subset goes into every set still empty, then any CMS
 * files named under {@code claimbridge.codes.import.*} are loaded as a new version. Both are idempotent: a set
 * that has a load keeps it, and a file already loaded (same content) is not loaded again, so the import properties
 * may stay in place across restarts. A bad import file stops the start with a message naming file and line.
 */
@Component
class CodeSetStartup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CodeSetStartup.class);

    /** The shipped files, by set. ICD-10-PCS ships none: inpatient procedure coding is not part of the demo. */
    static final Map<CodeSet, String> SHIPPED = Map.of(
            CodeSet.ICD10CM, "icd10cm-order-subset.txt",
            CodeSet.HCPCS, "hcpcs-subset.txt",
            CodeSet.POS, "pos.csv",
            CodeSet.MODIFIER, "modifiers.csv",
            CodeSet.CARC, "carc.csv",
            CodeSet.RARC, "rarc.csv");

    private final CodeLoader loader;
    private final CodesProperties properties;
    private final ResourceLoader resources;

    CodeSetStartup(CodeLoader loader, CodesProperties properties, ResourceLoader resources) {
        this.loader = loader;
        this.properties = properties;
        this.resources = resources;
    }

    @Override
    public void afterPropertiesSet() {
        if (properties.shipped()) {
            loadShipped();
        }
        importFiles(properties.importFiles());
    }

    void loadShipped() {
        String location = properties.shippedLocation().endsWith("/") ? properties.shippedLocation()
                : properties.shippedLocation() + "/";
        SHIPPED.forEach((set, file) -> {
            if (!loader.isEmpty(set)) {
                return;
            }
            Resource resource = resources.getResource(location + file);
            if (!resource.exists()) {
                log.warn("{}: no shipped {} file at {}", set, file, location);
                return;
            }
            loader.load(set, CodeSource.of(resource), "shipped subset", properties.shippedEffective());
        });
    }

    void importFiles(CodesProperties.Import files) {
        Map<CodeSet, Path> named = new LinkedHashMap<>();
        put(named, CodeSet.ICD10CM, files.icd10cm());
        put(named, CodeSet.ICD10PCS, files.icd10pcs());
        put(named, CodeSet.HCPCS, files.hcpcs());
        put(named, CodeSet.POS, files.pos());
        put(named, CodeSet.MODIFIER, files.modifiers());
        put(named, CodeSet.CARC, files.carc());
        put(named, CodeSet.RARC, files.rarc());
        if (named.isEmpty()) {
            return;
        }
        if (files.effective() == null) {
            throw new IllegalStateException("claimbridge.codes.import.effective is required with "
                    + named.keySet() + ": the first date of service the new files are valid for");
        }
        named.forEach((set, path) -> loader.load(set, CodeSource.of(path),
                files.version() == null || files.version().isBlank() ? path.getFileName().toString()
                        : files.version(),
                files.effective()));
    }

    private static void put(Map<CodeSet, Path> named, CodeSet set, Path path) {
        if (path != null) {
            named.put(set, path);
        }
    }
}
