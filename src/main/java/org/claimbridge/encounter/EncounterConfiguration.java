package org.claimbridge.encounter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EncounterConfiguration {

    @Bean
    BillingMapping billingMapping(EncounterProperties properties) {
        return new BillingMapping(properties.unzonedTimes());
    }
}
