package org.claimbridge.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user. A controller of pages says so by implementing {@link Page}. */
@ControllerAdvice(assignableTypes = Page.class)
class PageModel {

    @ModelAttribute("signedIn")
    String signedIn(Principal user) {
        return user == null ? null : user.getName();
    }
}
