package org.topgif.renderer.sample;

/**
 * Physical memory and swap in KiB, as top's "Mem" and "Swap" lines show them. Immutable.
 *
 * <p>Like procps 4, {@code used} is total minus available, and buff/cache is Buffers + Cached + SReclaimable.
 */
public record Memory(long totalKiB, long freeKiB, long usedKiB, long buffCacheKiB, long availableKiB,
                     long swapTotalKiB, long swapFreeKiB, long swapUsedKiB) {
}
