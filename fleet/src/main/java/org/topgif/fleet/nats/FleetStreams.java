package org.topgif.fleet.nats;

import java.io.IOException;
import java.time.Duration;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import org.topgif.fleet.HostToken;
import org.topgif.fleet.wire.HostEntryCodec;
import org.topgif.fleet.wire.SampleFormat;

/**
 * The fleet's two JetStream stores: the samples' stream, which holds each host's recent past for as long as
 * the bot's history reaches, and the host directory, a key-value bucket whose entries lapse when their agent
 * stops renewing them. The bot creates both and keeps their limits in step with its settings; agents only
 * write to them.
 */
public final class FleetStreams {

    public static final String STREAM = "TOPGIF_SAMPLES";
    public static final String SUBJECT_PREFIX = "topgif.samples.";
    public static final String BUCKET = "topgif-hosts";

    /** JetStream's error code for a stream that does not exist. */
    private static final int STREAM_NOT_FOUND = 10059;

    private FleetStreams() {
    }

    /** The subject {@code host}'s samples are published to. */
    public static String subject(HostToken host) {
        return SUBJECT_PREFIX + host.value();
    }

    /** The subject that writes {@code host}'s directory entry: a KV put is a message on it. */
    public static String directorySubject(HostToken host) {
        return "$KV." + BUCKET + "." + host.value();
    }

    /**
     * Creates the stream and the bucket, or updates their limits.
     *
     * @param history        how far back the stream reaches
     * @param samplesPerHost the most samples it keeps of one host: a host that publishes faster than it should
     *                       loses its own oldest, never another's
     * @param forgetAfter    how long the directory keeps an entry that is not renewed
     */
    public static void ensure(Connection connection, Duration history, long samplesPerHost, Duration forgetAfter)
            throws IOException, JetStreamApiException {
        JetStreamManagement streams = connection.jetStreamManagement();
        StreamConfiguration samples = StreamConfiguration.builder()
                .name(STREAM)
                .subjects(SUBJECT_PREFIX + "*")
                .storageType(StorageType.File)
                .maxAge(history)
                .maxMessagesPerSubject(samplesPerHost)
                .maximumMessageSize(SampleFormat.MAX_MESSAGE_BYTES)
                .discardPolicy(DiscardPolicy.Old)
                .build();
        try {
            streams.getStreamInfo(STREAM);
            streams.updateStream(samples);
        } catch (JetStreamApiException missing) {
            if (missing.getApiErrorCode() != STREAM_NOT_FOUND) {
                throw missing;
            }
            streams.addStream(samples);
        }
        KeyValueManagement buckets = connection.keyValueManagement();
        KeyValueConfiguration directory = KeyValueConfiguration.builder()
                .name(BUCKET)
                .storageType(StorageType.File)
                .maxHistoryPerKey(1)
                .maximumValueSize(HostEntryCodec.MAX_BYTES)
                .ttl(forgetAfter)
                .build();
        if (buckets.getBucketNames().contains(BUCKET)) {
            buckets.update(directory);
        } else {
            buckets.create(directory);
        }
    }
}
