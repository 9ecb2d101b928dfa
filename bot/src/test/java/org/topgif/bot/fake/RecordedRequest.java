package org.topgif.bot.fake;

import java.util.Map;
import java.util.Optional;

import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * One REST request as the fake Discord received it; for multipart requests, the JSON payload and the first
 * file. Immutable; the arrays are the fake's own copies, not to be written to.
 *
 * @param json    the JSON body, or payload_json of a multipart body; empty when there was none
 * @param file    files[0] of a multipart body; empty when there was none
 * @param answeredStatus the status the fake answered with
 */
public record RecordedRequest(String method, String path, String query, Map<String, String> headers,
                       Optional<DataObject> json, Optional<byte[]> file, Optional<String> fileName,
                       long receivedNanos, int answeredStatus) {

    public boolean isGif() {
        return file.isPresent() && file.get().length > 6 && new String(file.get(), 0, 6,
                java.nio.charset.StandardCharsets.US_ASCII).equals("GIF89a");
    }
}
