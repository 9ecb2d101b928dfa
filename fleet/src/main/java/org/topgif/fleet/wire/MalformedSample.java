package org.topgif.fleet.wire;

/** Bytes that are not a sample this version can show, with one line that says why and never repeats them. */
public final class MalformedSample extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedSample(String why) {
        super(why, null, false, false);
    }
}
