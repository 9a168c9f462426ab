package org.claimbridge.web;

import java.security.Principal;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in user. New page controllers join the list. */
@ControllerAdvice(assignableTypes = {LoginPage.class, ResponsesUploadPage.class})
class PageModel {

    @ModelAttribute("signedIn")
    String signedIn(Principal user) {
        return user == null ? null : user.getName();
    }
}
