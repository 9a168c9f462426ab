package org.claimbridge.web;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs: the signed-in user and which parts of the navigation their roles open. A controller
 * of pages says so by implementing {@link Page}. The navigation only hides links; the filter chain enforces the roles.
 */
@ControllerAdvice(assignableTypes = Page.class)
class PageModel {

    @ModelAttribute("signedIn")
    String signedIn(Principal user) {
        return user == null ? null : user.getName();
    }

    /** Managers and admins read the reports and feed health. */
    @ModelAttribute("seesReports")
    boolean seesReports(Authentication user) {
        return has(user, Roles.MANAGER) || has(user, Roles.ADMIN);
    }

    @ModelAttribute("seesAdmin")
    boolean seesAdmin(Authentication user) {
        return has(user, Roles.ADMIN);
    }

    private static boolean has(Authentication user, String role) {
        return user != null && user.getAuthorities().stream()
                .anyMatch(granted -> ("ROLE_" + role).equals(granted.getAuthority()));
    }
}
