package org.topgif.bot.fake;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Splits a multipart/form-data body into its named parts; enough for what JDA sends. Test code. */
final class Multipart {

    /** One part: its headers' file name (or null) and its bytes. */
    record Part(String fileName, byte[] content) {
    }

    private Multipart() {
    }

    static Map<String, Part> parse(byte[] body, String contentType) {
        String boundary = "--" + contentType.replaceAll(".*boundary=\"?([^\";]+)\"?.*", "$1");
        byte[] delimiter = boundary.getBytes(StandardCharsets.US_ASCII);
        Map<String, Part> parts = new LinkedHashMap<>();
        int at = indexOf(body, delimiter, 0);
        while (at >= 0) {
            int headersStart = at + delimiter.length;
            if (headersStart + 2 <= body.length && body[headersStart] == '-' && body[headersStart + 1] == '-') {
                break;
            }
            headersStart += 2; // CRLF
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8);
            int contentStart = headersEnd + 4;
            int next = indexOf(body, delimiter, contentStart);
            int contentEnd = next - 2; // CRLF before the delimiter
            String name = headers.replaceAll("(?s).*?[;\\s]name=\"([^\"]*)\".*", "$1");
            String fileName = headers.contains("filename=")
                    ? headers.replaceAll("(?s).*filename=\"([^\"]*)\".*", "$1") : null;
            byte[] content = java.util.Arrays.copyOfRange(body, contentStart, contentEnd);
            parts.put(name, new Part(fileName, content));
            at = next;
        }
        return parts;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
