package com.kingstonexpress.localstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop load generator: {@code clients} threads, each with its own client (an HTTP caller or a JDBC
 * connection), call as fast as answers come back for a warm-up period (not measured), then for the measured period
 * or until {@code maxOps} calls are done. Each thread's measured window starts when its own warm-up ends (a slow
 * last warm-up call must not eat the window), and a scenario keeps going past its window until it has made at
 * least {@link #MIN_CALLS} measured calls, so that no scenario reports nothing. The same loop drives the scenarios
 * and their JDBC baselines, so both figures carry the same overhead of the generator.
 */
final class Load {

    /** Measured calls every scenario makes at least (unless its work runs out or it reaches its {@code maxOps}). */
    static final long MIN_CALLS = 20;

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

    /**
     * What one measured run produced; {@code unitsPerOp} counts events in a batch call. {@code throughput} is the
     * sum of each thread's successful calls over its own measured window. {@code calls}: every call made, warm-up
     * included; {@code statementsPerCall}: what they cost PostgreSQL, when counted, else empty.
     */
    record Stats(long ok, long failed, double seconds, long[] sortedMicros, int unitsPerOp, double throughput, long calls,
            Map<String, Double> statementsPerCall) {

        /** The same run, with the PostgreSQL statements per call it cost ({@link StatementCounts}). */
        Stats withStatements(Map<String, Double> perCall) {
            return new Stats(ok, failed, seconds, sortedMicros, unitsPerOp, throughput, calls, perCall);
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
            return new Stats(sorted.length, failed, seconds, sorted, unitsPerOp, seconds <= 0 ? 0 : sorted.length * (double) unitsPerOp / seconds,
                    sorted.length + failed, Map.of());
        }
    }

    /** One thread's measured calls and window. */
    private record ThreadResult(long[] micros, long windowNanos) {
    }

    private Load() {
    }

    static Stats run(int clients, Duration warmUp, Duration measured, long maxOps, int unitsPerOp, Clients open) throws Exception {
        AtomicLong sequence = new AtomicLong();
        AtomicLong measuredCalls = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<ThreadResult>> threads = new ArrayList<>();
        try {
            for (int t = 0; t < clients; t++) {
                int thread = t;
                threads.add(pool.submit(() -> {
                    long[] micros = new long[1024];
                    int n = 0;
                    long start = 0;
                    long stop = 0;
                    try (Client client = open.open(thread)) {
                        long warmEnd = System.nanoTime() + warmUp.toNanos();
                        while (System.nanoTime() < warmEnd) {
                            try {
                                client.call(sequence.getAndIncrement());
                            } catch (Exhausted e) {
                                throw e;
                            } catch (Exception e) {
                                // a failed warm-up call is not counted
                            }
                        }
                        start = System.nanoTime();
                        long end = start + measured.toNanos();
                        while (true) {
                            long calls = measuredCalls.get();
                            if (calls >= maxOps || (System.nanoTime() >= end && calls >= MIN_CALLS)) {
                                break;
                            }
                            if (measuredCalls.getAndIncrement() >= maxOps) {
                                break;
                            }
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
                        stop = System.nanoTime();
                    } catch (Exhausted e) {
                        // used up during the warm-up: this thread measured nothing
                    }
                    return new ThreadResult(Arrays.copyOf(micros, n), start == 0 ? 0 : stop - start);
                }));
            }
            List<long[]> all = new ArrayList<>();
            double throughput = 0;
            double windows = 0;
            int measuredThreads = 0;
            for (Future<ThreadResult> f : threads) {
                ThreadResult r = f.get();
                all.add(r.micros());
                if (r.windowNanos() > 0) {
                    throughput += r.micros().length * (double) unitsPerOp / (r.windowNanos() / 1e9);
                    windows += r.windowNanos() / 1e9;
                    measuredThreads++;
                }
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).toArray();
            Arrays.sort(merged);
            return new Stats(merged.length, failed.get(), measuredThreads == 0 ? 0 : windows / measuredThreads, merged, unitsPerOp, throughput,
                    sequence.get(), Map.of());
        } finally {
            pool.shutdownNow();
        }
    }
}
