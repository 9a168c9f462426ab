package org.claimbridge.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form (Spring Security handles its POST) and the start page after signing in. */
@Controller
class LoginPage implements Page {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    /** The dashboard has one page so far: signing in lands on it. */
    @GetMapping("/")
    String home() {
        return "redirect:/responses/upload";
    }
}
