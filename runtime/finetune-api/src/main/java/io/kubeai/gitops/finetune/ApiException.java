package io.kubeai.gitops.finetune;

/**
 * A request the API refuses, answered as OpenAI does: an HTTP status and
 * {@code {"error": {"message", "type", "param", "code"}}}.
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String param;
    private final String code;

    public ApiException(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
    }

    /** 400: the request is wrong; {@code param} names the field, when one is to blame. */
    public static ApiException invalid(String param, String code, String message) {
        return new ApiException(400, "invalid_request_error", param, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, "invalid_request_error", null, "not_found", message);
    }

    public static ApiException tooLarge(String param, String message) {
        return new ApiException(413, "invalid_request_error", param, "request_too_large", message);
    }

    public static ApiException conflict(String param, String message) {
        return new ApiException(409, "invalid_request_error", param, "conflict", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, "invalid_request_error", null, "invalid_api_key", message);
    }

    public static ApiException server(String message) {
        return new ApiException(500, "server_error", null, null, message);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }
}
