package org.claimbridge.web;

import java.util.Optional;

import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

/**
 * Where a setting was written: the file and line (e.g. {@code class path resource [application-demo.yml] - 12:7}),
 * or the name of the source (environment, command line). The admin pages show it next to configuration they show
 * read-only, so an administrator knows which file to change.
 */
@Component
class SettingOrigins {

    /** Spring's view of all sources at once; asking it would name itself rather than the file. */
    private static final String ATTACHED = "configurationProperties";

    private final ConfigurableEnvironment environment;

    SettingOrigins(ConfigurableEnvironment environment) {
        this.environment = environment;
    }

    Optional<String> of(String property) {
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (ATTACHED.equals(source.getName()) || !source.containsProperty(property)) {
                continue;
            }
            Origin origin = OriginLookup.getOrigin(source, property);
            return Optional.of(origin == null ? source.getName() : origin.toString());
        }
        return Optional.empty();
    }

    boolean isSet(String property) {
        return environment.containsProperty(property);
    }

    String value(String property) {
        return environment.getProperty(property);
    }
}
