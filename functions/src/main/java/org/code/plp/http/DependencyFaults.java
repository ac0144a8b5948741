package org.code.plp.http;

import java.io.IOException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which failures are a dependency being unreachable, throttled or slow (a 503 the visitor can retry)
 * rather than a bug (a 500): connections refused or cut, timeouts, throttling, the service's own 5xx.
 * Request paths do no other I/O, so an I/O error anywhere in the cause chain is the database's.
 */
final class DependencyFaults {
    private DependencyFaults() {
    }

    static boolean isTemporary(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // The url-connection client lets some socket errors out unwrapped (UncheckedIOException).
            if (t instanceof SdkClientException || t instanceof IOException) {
                return true;
            }
            if (t instanceof TransactionCanceledException cancelled && cancelled.hasCancellationReasons()
                    && cancelled.cancellationReasons().stream().anyMatch(r -> isThrottling(r.code()))) {
                return true;
            }
            if (t instanceof AwsServiceException service && (service.isThrottlingException() || service.statusCode() >= 500)) {
                return true;
            }
            if (t == t.getCause()) {
                break;
            }
        }
        return false;
    }

    private static boolean isThrottling(String code) {
        return "ThrottlingError".equals(code) || "ProvisionedThroughputExceeded".equals(code)
                || "RequestLimitExceeded".equals(code);
    }
}
