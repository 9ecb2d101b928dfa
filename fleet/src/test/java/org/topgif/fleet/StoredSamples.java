package org.topgif.fleet;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import org.topgif.config.HostName;
import org.topgif.fleet.nats.FleetStreams;

/** How many samples of a host the broker holds, asked on a connection of its own: for tests. Test code. */
public final class StoredSamples {

    private StoredSamples() {
    }

    /** The count, or 0 while the broker or the stream is not there. */
    public static long of(String url, HostName host) {
        return of(new Options.Builder().server(url), host);
    }

    /** The same on a broker that wants a user (one who may read the stream's information). */
    public static long of(String url, String user, String password, HostName host) {
        return of(new Options.Builder().server(url).userInfo(user, password), host);
    }

    private static long of(Options.Builder options, HostName host) {
        try (Connection connection = Nats.connect(options.maxReconnects(0)
                .errorListener(new io.nats.client.ErrorListener() { }).build())) {
            String subject = FleetStreams.subject(HostToken.of(host));
            return connection.jetStreamManagement().getStreamInfo(FleetStreams.STREAM,
                    io.nats.client.api.StreamInfoOptions.filterSubjects(subject)).getStreamState().getSubjectMap()
                    .getOrDefault(subject, 0L);
        } catch (Exception notThere) {
            return 0;
        }
    }
}
