package org.claimbridge.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin: the users. List them, create one (name, password of the minimum length, roles), and per user change the
 * roles, disable or enable, or reset the password. A refused form comes back with a message at each wrong field and
 * what was typed (except passwords); a change that went through answers with a redirect, so reloading does not
 * repeat it. Every change is in the audit log.
 */
@Controller
class AdminUsersPage implements Page {

    static final String PATH = "/admin/users";

    private final UserAccounts accounts;

    AdminUsersPage(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping(PATH)
    String list(Model model) {
        return listPage(model, "", List.of(Roles.CODER), Map.of());
    }

    @PostMapping(PATH)
    String create(@RequestParam(name = "name", required = false) String name,
                  @RequestParam(name = "password", required = false) String password,
                  @RequestParam(name = "roles", required = false) List<String> roles, Principal admin,
                  HttpServletRequest request, HttpServletResponse response, Model model,
                  RedirectAttributes redirect) {
        try {
            UserAccounts.Account created = accounts.create(admin.getName(), name, password, roles,
                    request.getRemoteAddr());
            redirect.addFlashAttribute("message", "User " + created.name() + " created with role(s) "
                    + String.join(", ", created.roles()) + ".");
            return "redirect:" + PATH;
        } catch (UserAccounts.AccountRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return listPage(model, name == null ? "" : name, roles == null ? List.of() : roles, refused.errors());
        }
    }

    @GetMapping(PATH + "/{name}")
    String user(@PathVariable String name, Model model) {
        return userPage(model, name, Map.of());
    }

    @PostMapping(PATH + "/{name}/roles")
    String roles(@PathVariable String name, @RequestParam(name = "roles", required = false) List<String> roles,
                 Principal admin, HttpServletRequest request, HttpServletResponse response, Model model,
                 RedirectAttributes redirect) {
        return change(name, response, model, redirect, () -> {
            UserAccounts.Account changed = accounts.changeRoles(admin.getName(), name, roles,
                    request.getRemoteAddr());
            return "Roles of " + changed.name() + " are now " + String.join(", ", changed.roles()) + ".";
        });
    }

    @PostMapping(PATH + "/{name}/disable")
    String disable(@PathVariable String name, Principal admin, HttpServletRequest request,
                   HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(name, response, model, redirect, () -> {
            accounts.setEnabled(admin.getName(), name, false, request.getRemoteAddr());
            return "User " + name + " is disabled: they cannot sign in, and their open sessions have ended.";
        });
    }

    @PostMapping(PATH + "/{name}/enable")
    String enable(@PathVariable String name, Principal admin, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return change(name, response, model, redirect, () -> {
            accounts.setEnabled(admin.getName(), name, true, request.getRemoteAddr());
            return "User " + name + " is enabled again.";
        });
    }

    @PostMapping(PATH + "/{name}/password")
    String password(@PathVariable String name, @RequestParam(name = "password", required = false) String password,
                    Principal admin, HttpServletRequest request, HttpServletResponse response, Model model,
                    RedirectAttributes redirect) {
        return change(name, response, model, redirect, () -> {
            accounts.resetPassword(admin.getName(), name, password, request.getRemoteAddr());
            return "The password of " + name + " is reset; their open sessions have ended.";
        });
    }

    private interface Change {
        String apply();
    }

    private String change(String name, HttpServletResponse response, Model model, RedirectAttributes redirect,
                          Change change) {
        if (accounts.find(name).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no user named " + name);
        }
        try {
            redirect.addFlashAttribute("message", change.apply());
            return "redirect:" + PATH + "/" + name;
        } catch (UserAccounts.AccountRefused refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return userPage(model, name, refused.errors());
        }
    }

    private String listPage(Model model, String name, List<String> roles, Map<String, String> errors) {
        model.addAttribute("users", accounts.all());
        model.addAttribute("allRoles", Roles.ALL);
        model.addAttribute("name", name);
        model.addAttribute("roles", roles);
        model.addAttribute("errors", errors);
        model.addAttribute("minPasswordLength", accounts.minPasswordLength());
        return "admin/users";
    }

    private String userPage(Model model, String name, Map<String, String> errors) {
        UserAccounts.Account account = accounts.find(name).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "There is no user named " + name));
        model.addAttribute("account", account);
        model.addAttribute("allRoles", Roles.ALL);
        model.addAttribute("errors", errors);
        model.addAttribute("minPasswordLength", accounts.minPasswordLength());
        return "admin/user";
    }
}
