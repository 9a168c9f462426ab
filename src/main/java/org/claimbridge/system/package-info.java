/**
 * What every feature stands on: shared settings and the embedded database used when no server is configured.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.claimbridge.system;
