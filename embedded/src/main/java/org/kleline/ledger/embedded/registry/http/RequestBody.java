package org.kleline.ledger.embedded.registry.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.kleline.ledger.embedded.registry.RegistryException;

/** Reads a request body, refusing one larger than the limit before holding it in memory. */
final class RequestBody {

    private RequestBody() {}

    static byte[] read(InputStream in, String contentLength, int maxBytes) throws IOException {
        if (contentLength != null) {
            long declared;
            try {
                declared = Long.parseLong(contentLength.trim());
            } catch (NumberFormatException e) {
                throw new RegistryException(400, "Content-Length is not a number: '" + contentLength + "'");
            }
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
            if (body.size() + read > maxBytes) {
                throw tooLarge(maxBytes);
            }
            body.write(buffer, 0, read);
        }
        return body.toByteArray();
    }

    /** Reads and drops what is left of a body, at most {@code maxBytes}; true when it ended. */
    static boolean discard(InputStream in, long maxBytes) throws IOException {
        byte[] buffer = new byte[8192];
        long discarded = 0;
        int read;
        while ((read = in.read(buffer)) >= 0) {
            discarded += read;
            if (discarded > maxBytes) {
                return false;
            }
        }
        return true;
    }

    private static RegistryException tooLarge(int maxBytes) {
        return new RegistryException(413, "Request body larger than " + maxBytes + " bytes");
    }
}
