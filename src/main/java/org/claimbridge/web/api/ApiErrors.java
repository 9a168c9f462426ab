package org.claimbridge.web.api;

import org.claimbridge.encounter.CorrectionRefused;
import org.claimbridge.encounter.CorrectionTargetNotFound;
import org.claimbridge.encounter.InvalidCorrection;
import org.claimbridge.scrub.CoderActionRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Errors of the API as JSON problem details (RFC 9457) with a message that names the parameter or record. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(BadRequest.class)
    ProblemDetail badRequest(BadRequest e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "': '"
                + e.getValue() + "' is not a valid " + (e.getRequiredType() == null ? "value"
                : e.getRequiredType().getSimpleName()));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "content type "
                + e.getContentType() + " is not taken here; send " + e.getSupportedMediaTypes());
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(CoderActionRefused.class)
    ProblemDetail coderActionRefused(CoderActionRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(switch (e.kind()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
        }, e.getMessage());
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler(CorrectionRefused.class)
    ProblemDetail correctionRefused(CorrectionRefused e) {
        HttpStatus status = e instanceof InvalidCorrection ? HttpStatus.BAD_REQUEST
                : e instanceof CorrectionTargetNotFound ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    /** Intake could not commit: nothing was acknowledged for that message, so the sender may simply retry. */
    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail unavailable(IllegalStateException e) {
        log.error("API request failed: {}", e.getMessage(), e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "the message could not be stored; nothing was acknowledged for it, send it again later");
    }
}
