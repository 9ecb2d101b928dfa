package org.topgif.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How the watched host is named: in summaries, and its users in the process table. Immutable.
 *
 * @param name       the host's name as summaries give it
 * @param passwdFile the passwd file that names users; empty shows numeric ids, as in a container that was not
 *                   given the host's file, where the image's own would name the host's users wrongly
 * @param healthFile the file the bot keeps fresh while it is well; empty for none
 */
public record HostSettings(HostName name, Optional<Path> passwdFile, Optional<Path> healthFile) {
}
