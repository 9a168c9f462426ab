package org.claimbridge.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Writes an audit row for every request to a page or API path that shows or changes one patient's data: a GET is a
 * view, anything else an edit. Paths are matched here, not in the controllers, so a page added later under one of
 * these paths is audited without doing anything. Only numeric record ids match: a path with text where the id goes
 * shows no record, and the audit row never holds more than ids (the query string is not stored).
 */
@Configuration(proxyBeanMethods = false)
class PatientDataAudit implements WebMvcConfigurer {

    /** A path family and the kind of record its {@code {id}} names. */
    record Audited(PathPattern pattern, String recordType) {
    }

    static final List<Audited> PATHS = audited(Map.of(
            "/queue/{id:\\d+}/**", "encounter",
            "/claims/{id:\\d+}/**", "claim",
            "/messages/{id:\\d+}/**", "message",
            "/api/encounters/{id:\\d+}/**", "encounter",
            "/api/claims/{id:\\d+}/**", "claim",
            "/api/messages/{id:\\d+}/**", "message",
            "/api/denials/{id:\\d+}/**", "denial"));

    private static final String ROW = PatientDataAudit.class.getName() + ".row";

    private final AuditLog audit;

    PatientDataAudit(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                started(request);
                return true;
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                        Exception ex) {
                if (request.getAttribute(ROW) instanceof Long id) {
                    audit.finished(id, ex != null && response.getStatus() < 400 ? 500 : response.getStatus());
                }
            }
        });
    }

    private void started(HttpServletRequest request) {
        if (request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        PathContainer container = PathContainer.parsePath(path);
        for (Audited audited : PATHS) {
            PathPattern.PathMatchInfo match = audited.pattern().matchAndExtract(container);
            if (match != null) {
                Principal user = request.getUserPrincipal();
                long id = audit.started(user == null ? "(anonymous)" : user.getName(),
                        "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())
                                ? AuditLog.VIEW : AuditLog.EDIT,
                        audited.recordType(), match.getUriVariables().get("id"), request.getMethod(), path,
                        request.getRemoteAddr());
                request.setAttribute(ROW, id);
                return;
            }
        }
    }

    private static List<Audited> audited(Map<String, String> patterns) {
        PathPatternParser parser = new PathPatternParser();
        return patterns.entrySet().stream().map(e -> new Audited(parser.parse(e.getKey()), e.getValue())).toList();
    }
}
