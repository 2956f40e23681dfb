package org.kleline.ledger.cli.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.SocketFactory;

/**
 * HTTP/1.1 over a plain socket, one request per connection: what a hostile client sends, byte for byte
 * (a header holding a NUL, a body chunked or not, a path no URI class would build), which java.net.http
 * refuses to write. The answer is read whole until the server closes the connection.
 */
final class RawHttp {

    private static final int TIMEOUT_MS = 40_000;
    /** Answers are small; past this the read stops (the fuzz never asks for a large one). */
    private static final int ANSWER_BYTES_MAX = 8 * 1024 * 1024;

    /** One request, as it goes on the wire. {@code body} null: none; {@code chunked}: sent in chunks. */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked) {}

    /** The answer: status, headers by lower-case name (the last of repeated ones), body bytes. */
    record Answer(int status, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private RawHttp() {}

    /** Sends {@code request} to 127.0.0.1:{@code port}; IOException when no whole answer came back. */
    static Answer send(int port, Request request) throws IOException {
        return send(SocketFactory.getDefault(), port, request);
    }

    /** As above, over the sockets of {@code sockets} (an {@code SSLSocketFactory}: over TLS). */
    static Answer send(SocketFactory sockets, int port, Request request) throws IOException {
        try (Socket socket = sockets.createSocket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(
                    (request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            for (String[] header : request.headers()) {
                head.writeBytes((header[0] + ": " + header[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (request.body() != null) {
                head.writeBytes((request.chunked()
                                ? "Transfer-Encoding: chunked\r\n"
                                : "Content-Length: " + request.body().length + "\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(head.toByteArray());
            if (request.body() != null) {
                try {
                    writeBody(out, request);
                } catch (IOException e) {
                    // The server may answer (413, 400) and close before reading the whole body: read what it said.
                }
            }
            try {
                out.flush();
            } catch (IOException e) {
                // As above.
            }
            return read(socket.getInputStream());
        }
    }

    private static void writeBody(OutputStream out, Request request) throws IOException {
        byte[] body = request.body();
        if (!request.chunked()) {
            out.write(body);
            return;
        }
        int chunk = Math.max(1, Math.min(8192, body.length / 3 + 1));
        for (int from = 0; from < body.length; from += chunk) {
            int length = Math.min(chunk, body.length - from);
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, from, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        int n;
        while ((n = in.read(buffer)) >= 0 && all.size() < ANSWER_BYTES_MAX) {
            all.write(buffer, 0, n);
        }
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no whole answer head in " + bytes.length + " bytes: "
                    + new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP answer: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Answer(status, headers, body);
    }

    private static byte[] unchunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
            if (lineEnd < 0) {
                throw new IOException("a chunk size line without its end");
            }
            String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";", 2)[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] what) {
        return indexOf(bytes, what, 0);
    }

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        outer:
        for (int i = from; i <= bytes.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (bytes[i + j] != what[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Headers as pairs, for {@link Request}. */
    static List<String[]> headers(String... namesAndValues) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            list.add(new String[] {namesAndValues[i], namesAndValues[i + 1]});
        }
        return list;
    }
}
