package com.kingstonexpress.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code clients} threads, each with its own client (an HTTP caller or a JDBC
 * connection), call as fast as answers come back for a warm-up period (not measured), then for the measured period
 * or until {@code maxOps} calls are done. The same loop drives the scenarios and their JDBC baselines, so both
 * figures carry the same overhead of the generator.
 */
final class Load {

    /** One client of the load: {@link #call} does one operation and says whether it succeeded. */
    interface Client extends AutoCloseable {
        boolean call(long sequence) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Opens the client of one thread. */
    interface Clients {
        Client open(int thread) throws Exception;
    }

    /** Thrown by a client whose finite supply of work (orders to act on) is used up: its thread stops. */
    static final class Exhausted extends RuntimeException {
        Exhausted() {
            super("no more work", null, false, false);
        }
    }

    /** What one measured run produced; {@code unitsPerOp} counts events in a batch call. */
    record Stats(long ok, long failed, double seconds, long[] sortedMicros, int unitsPerOp) {
        double throughput() {
            return seconds <= 0 ? 0 : ok * unitsPerOp / seconds;
        }

        double p50() {
            return percentileMs(0.50);
        }

        double p99() {
            return percentileMs(0.99);
        }

        double percentileMs(double p) {
            if (sortedMicros.length == 0) {
                return 0;
            }
            int index = Math.min(sortedMicros.length - 1, Math.max(0, (int) Math.ceil(p * sortedMicros.length) - 1));
            return sortedMicros[index] / 1000.0;
        }

        static Stats of(long failed, double seconds, long[] micros, int unitsPerOp) {
            long[] sorted = micros.clone();
            Arrays.sort(sorted);
            return new Stats(sorted.length, failed, seconds, sorted, unitsPerOp);
        }
    }

    private Load() {
    }

    static Stats run(int clients, Duration warmUp, Duration measured, long maxOps, int unitsPerOp, Clients open) throws Exception {
        AtomicLong sequence = new AtomicLong();
        AtomicLong measuredOps = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long warmEnd = System.nanoTime() + warmUp.toNanos();
        long[] startEnd = {0, 0};
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < clients; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    long[] micros = new long[1024];
                    int n = 0;
                    try (Client client = open.open(thread)) {
                        while (System.nanoTime() < warmEnd) {
                            client.call(sequence.getAndIncrement());
                        }
                        long end = warmEnd + measured.toNanos();
                        while (System.nanoTime() < end && measuredOps.getAndIncrement() < maxOps) {
                            long t0 = System.nanoTime();
                            boolean ok;
                            try {
                                ok = client.call(sequence.getAndIncrement());
                            } catch (Exhausted e) {
                                break;
                            } catch (Exception e) {
                                ok = false;
                            }
                            long took = (System.nanoTime() - t0) / 1000;
                            if (ok) {
                                if (n == micros.length) {
                                    micros = Arrays.copyOf(micros, n * 2);
                                }
                                micros[n++] = took;
                            } else {
                                failed.incrementAndGet();
                            }
                        }
                    } catch (Exhausted e) {
                        // used up during the warm-up
                    }
                    synchronized (startEnd) {
                        startEnd[1] = Math.max(startEnd[1], System.nanoTime());
                    }
                    return Arrays.copyOf(micros, n);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> f : threads) {
                all.add(f.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            double seconds = Math.max(0, (startEnd[1] - Math.max(warmEnd, 0)) / 1e9);
            return Stats.of(failed.get(), seconds, merged, unitsPerOp);
        } finally {
            pool.shutdownNow();
        }
    }
}
