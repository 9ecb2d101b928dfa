package org.topgif.renderer;

/** Told after each frame of a recording; called on the recording's thread. */
@FunctionalInterface
public interface RecordingProgress {

    RecordingProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} frames are recorded. */
    void frameRecorded(int done, int total);
}
