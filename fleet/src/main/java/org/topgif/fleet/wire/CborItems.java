package org.topgif.fleet.wire;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;

/**
 * Untrusted CBOR read one expected item at a time, each checked against its range or length as it comes:
 * one pass, and nothing allocated by a count the bytes claim. Not thread-safe; one per message.
 */
final class CborItems {

    /** What one message's reading does with its items. */
    @FunctionalInterface
    interface Body<T> {
        T read(CborItems items) throws IOException, MalformedSample;
    }

    private final JsonParser in;
    private JsonToken peeked;

    private CborItems(JsonParser in) {
        this.in = in;
    }

    /** A parser factory whose own limits sit just above a message's: no text longer, no nesting deeper. */
    static CBORFactory factory(int maxDepth, int maxTextLength) {
        return CBORFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxDepth)
                        .maxStringLength(maxTextLength * 4)
                        .maxNumberLength(20)
                        .build())
                .build();
    }

    /** Reads all of {@code bytes} with {@code body}: bytes it leaves over make the message malformed too. */
    static <T> T read(CBORFactory factory, byte[] bytes, String what, Body<T> body) throws MalformedSample {
        try (JsonParser parser = factory.createParser(bytes)) {
            CborItems items = new CborItems(parser);
            T read = body.read(items);
            if (parser.nextToken() != null) {
                throw new MalformedSample("bytes after " + what);
            }
            return read;
        } catch (IOException notCbor) {
            // Jackson's message may quote the input; only where it stopped is said.
            long at = notCbor instanceof JsonProcessingException processing && processing.getLocation() != null
                    ? processing.getLocation().getByteOffset() : -1;
            throw new MalformedSample("not a CBOR " + what.replaceFirst("^the ", "") + " (stopped at byte " + at + ")");
        }
    }

    private JsonToken next() throws IOException {
        JsonToken token = peeked != null ? peeked : in.nextToken();
        peeked = null;
        return token;
    }

    void start(String what) throws IOException, MalformedSample {
        if (next() != JsonToken.START_ARRAY) {
            throw new MalformedSample(what + " is not an array");
        }
    }

    /** Whether the array being read ends here; if not, its next item is read next. */
    boolean atEnd() throws IOException {
        peeked = in.nextToken();
        if (peeked == JsonToken.END_ARRAY) {
            peeked = null;
            return true;
        }
        return false;
    }

    void end(String what) throws IOException, MalformedSample {
        if (next() != JsonToken.END_ARRAY) {
            throw new MalformedSample(what + " has items this version does not know, or too few");
        }
    }

    long number(String what, long min, long max) throws IOException, MalformedSample {
        if (next() != JsonToken.VALUE_NUMBER_INT || in.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw new MalformedSample(what + " is not a whole number");
        }
        long value = in.getLongValue();
        if (value < min || value > max) {
            throw new MalformedSample(what + " is out of range (" + min + " to " + max + ")");
        }
        return value;
    }

    String text(String what, int maxLength) throws IOException, MalformedSample {
        if (next() != JsonToken.VALUE_STRING) {
            throw new MalformedSample(what + " is not text");
        }
        String text = in.getText();
        if (text.length() > maxLength) {
            throw new MalformedSample(what + " is longer than " + maxLength + " characters");
        }
        return text;
    }
}
