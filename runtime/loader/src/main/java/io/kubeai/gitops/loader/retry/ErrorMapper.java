package io.kubeai.gitops.loader.retry;

import io.kubeai.gitops.loader.api.LoaderException;
import io.kubeai.gitops.loader.api.LoaderException.Reason;
import io.kubeai.gitops.loader.http.HttpStatusException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

/** Turns a failure that is not retried, or the last one, into the {@link LoaderException} to throw. */
@FunctionalInterface
public interface ErrorMapper {
    LoaderException map(String what, IOException e, boolean exhausted);

    /** 401/403 are {@link Reason#AUTH}, 404 {@link Reason#INPUT}, the rest {@link Reason#TRANSFER}. */
    ErrorMapper DEFAULT = (what, e, exhausted) -> {
        if (e instanceof NonRetryableException n) {
            return n.failure();
        }
        if (e instanceof HttpStatusException h && (h.status() == 401 || h.status() == 403)) {
            return new LoaderException(Reason.AUTH, what + ": credentials refused: " + h.getMessage(), e);
        }
        if (e instanceof HttpStatusException h && h.status() == 404) {
            return new LoaderException(Reason.INPUT, what + ": not found: " + h.getMessage(), e);
        }
        return new LoaderException(Reason.TRANSFER, what + ": " + describe(e), e);
    };

    /** A cause in words: the exception's message, or its type when it has none. */
    static String describe(Throwable e) {
        String msg = e.getMessage();
        String type = e.getClass().getSimpleName();
        if (e instanceof SocketTimeoutException) {
            return "timed out" + (msg == null ? "" : " (" + msg + ")");
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + msg;
        }
        if (e instanceof ConnectException) {
            return "cannot connect" + (msg == null ? "" : " (" + msg + ")");
        }
        return msg == null || msg.isBlank() ? type : msg;
    }
}
