package org.topgif.fleet.wire;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Seeded mutations of valid encodings, for the decoder's fuzz test and bench. Not thread-safe. */
public final class SampleMutator {

    private final Random random;
    private final List<byte[]> seeds;

    public SampleMutator(Random random, List<byte[]> seeds) {
        this.random = random;
        this.seeds = List.copyOf(seeds);
    }

    public byte[] next() {
        byte[] bytes = seeds.get(random.nextInt(seeds.size())).clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            bytes = mutate(bytes);
        }
        return bytes;
    }

    private byte[] mutate(byte[] bytes) {
        if (bytes.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(7)) {
            case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> bytes[at] = (byte) random.nextInt(256);
            case 2 -> bytes[at] = (byte) List.of(0x18, 0x19, 0x1a, 0x1b, 0x5f, 0x7f, 0x9f, 0xbf, 0xff, 0xf9, 0xfb, 0xc2)
                    .get(random.nextInt(12)).intValue();
            case 3 -> {
                byte[] longer = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, longer, 0, at);
                longer[at] = (byte) random.nextInt(256);
                System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                return longer;
            }
            case 4 -> {
                byte[] shorter = new byte[bytes.length - 1];
                System.arraycopy(bytes, 0, shorter, 0, at);
                System.arraycopy(bytes, at + 1, shorter, at, bytes.length - at - 1);
                return shorter;
            }
            case 5 -> {
                return Arrays.copyOf(bytes, at);
            }
            default -> {
                byte[] other = seeds.get(random.nextInt(seeds.size()));
                int from = random.nextInt(other.length);
                byte[] spliced = Arrays.copyOf(bytes, at + other.length - from);
                System.arraycopy(other, from, spliced, at, other.length - from);
                return spliced;
            }
        }
        return bytes;
    }
}
