package org.claimbridge.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security handles its POST); signing in lands on the overview ({@link OverviewPage}). */
@Controller
class LoginPage implements Page {

    @GetMapping("/login")
    String login() {
        return "login";
    }
}
