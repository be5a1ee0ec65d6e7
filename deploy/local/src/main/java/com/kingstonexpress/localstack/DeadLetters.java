package com.kingstonexpress.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The dead-letter topics of a running stack ({@code deploy/local/dead-letters}): list them per topic and consumer
 * with their reasons, show one, and replay chosen ones to the topic they came from.
 *
 * <p>Consumers dead-letter with SmallRye's {@code dead-letter-queue} failure strategy, which copies the record (key,
 * value, headers) to {@code <topic>.dlq} and adds {@code dead-letter-reason}, {@code dead-letter-cause},
 * {@code dead-letter-topic}, {@code dead-letter-partition} and {@code dead-letter-offset}; the platform's consumers
 * begin the reason with their own name. A replay sends the original (or a corrected) value with the same key to the
 * source topic, so every consumer of that topic sees it again: those that applied it already skip it (their inbox
 * holds its event id), the one that refused it tries again.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String DLQ_SUFFIX = ".dlq";
    /** Set on a replayed record: the dead letter it came from ({@code <dlq topic>:<partition>:<offset>}). */
    public static final String REPLAYED_FROM = "kx-replayed-from";
    /** Set on a replayed record: where the dead-lettered record was on its source topic ({@code <topic>:<partition>:<offset>}). */
    public static final String REPLAYED_SOURCE = "kx-replayed-source";

    /** One dead-lettered record. */
    public record DeadLetter(EventLog.Entry entry, String sourceTopic, int sourcePartition, long sourceOffset, Optional<String> consumer,
            String reason, String cause) {

        public String dlqTopic() {
            return entry.topic();
        }

        /** Where it sits on the dead-letter topic: {@code <topic>.dlq:<partition>:<offset>}. */
        public String coordinates() {
            return entry.coordinates();
        }

        /** Where the consumer found it: {@code <topic>:<partition>:<offset>}. */
        public String sourceCoordinates() {
            return sourceTopic + ":" + sourcePartition + ":" + sourceOffset;
        }

        public String eventId() {
            return entry.eventId();
        }

        public String key() {
            return entry.key();
        }

        public String value() {
            return entry.value();
        }

        public Instant deadLetteredAt() {
            return entry.timestamp();
        }

        /** Whether {@code selector} names this dead letter: its event id, or its coordinates on either topic. */
        public boolean matches(String selector) {
            return selector.equals(coordinates()) || selector.equals(sourceCoordinates()) || selector.equals(eventId());
        }

        static DeadLetter of(EventLog.Entry e) {
            String topic = e.header("dead-letter-topic");
            if (topic == null) {
                topic = e.topic().substring(0, e.topic().length() - DLQ_SUFFIX.length());
            }
            String reason = e.header("dead-letter-reason");
            return new DeadLetter(e, topic, parseInt(e.header("dead-letter-partition"), -1), parseLong(e.header("dead-letter-offset"), -1),
                    EventConsumers.thatDeadLettered(topic, reason), reason, e.header("dead-letter-cause"));
        }
    }

    /** What a replay sent. */
    public record Replayed(DeadLetter deadLetter, String topic, int partition, long offset) {
        @Override
        public String toString() {
            return deadLetter.coordinates() + " -> " + topic + ":" + partition + ":" + offset;
        }
    }

    private final StackAccess access;
    private final EventLog kafka;

    public DeadLetters(StackAccess access) {
        this.access = access;
        this.kafka = new EventLog(access);
    }

    /** Every dead letter on every {@code *.dlq} topic, oldest first per partition. */
    public List<DeadLetter> list() {
        return readAll(kafka);
    }

    static List<DeadLetter> readAll(EventLog kafka) {
        List<DeadLetter> all = new ArrayList<>();
        for (String topic : kafka.topics()) {
            if (topic.endsWith(DLQ_SUFFIX)) {
                kafka.forEach(topic, e -> all.add(DeadLetter.of(e)));
            }
        }
        return all;
    }

    /** The dead letters a selector names: an event id, or {@code topic:partition:offset} on the source or dead-letter topic. */
    public List<DeadLetter> find(String selector) {
        return list().stream().filter(d -> d.matches(selector)).toList();
    }

    /**
     * Source coordinates of dead letters already replayed (the {@link #REPLAYED_SOURCE} headers on their source topics):
     * one replay answers for every consumer that refused the same record.
     */
    public Set<String> replayedSources(List<DeadLetter> deadLetters) {
        Set<String> replayed = new HashSet<>();
        Set<String> topics = deadLetters.stream().map(DeadLetter::sourceTopic).collect(Collectors.toSet());
        Set<String> existing = kafka.topics();
        for (String topic : topics) {
            if (existing.contains(topic)) {
                kafka.forEach(topic, e -> {
                    String from = e.header(REPLAYED_SOURCE);
                    if (from != null) {
                        replayed.add(from);
                    }
                });
            }
        }
        return replayed;
    }

    /**
     * Sends the dead letter's record to its source topic with its key and headers (without the dead-letter ones),
     * the value replaced by {@code correctedValue} when one is given.
     */
    public Replayed replay(DeadLetter d, String correctedValue) {
        Properties p = access.kafkaClient("kx-operator-replay");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(d.sourceTopic(), d.key(), correctedValue != null ? correctedValue : d.value());
            d.entry().headers().forEach((name, value) -> {
                if (!name.startsWith("dead-letter-") && !name.equals(REPLAYED_FROM) && !name.equals(REPLAYED_SOURCE)) {
                    record.headers().add(name, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
                }
            });
            record.headers().add(REPLAYED_FROM, d.coordinates().getBytes(StandardCharsets.UTF_8));
            record.headers().add(REPLAYED_SOURCE, d.sourceCoordinates().getBytes(StandardCharsets.UTF_8));
            RecordMetadata sent = producer.send(record).get(30, TimeUnit.SECONDS);
            return new Replayed(d, sent.topic(), sent.partition(), sent.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not replay " + d.coordinates() + " to " + d.sourceTopic() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        kafka.close();
    }

    // ---------------------------------------------------------------- command

    private static final String USAGE = """
            usage: dead-letters list [--topic TOPIC] [--consumer NAME]
                   dead-letters show SELECTOR
                   dead-letters replay SELECTOR... [--value-file FILE]
            SELECTOR: an event id, or TOPIC:PARTITION:OFFSET on the source topic or on its .dlq topic.
            A replay sends the record (or FILE's content instead of its value: one selector only) with its key to the
            source topic; consumers that applied it already skip it by its event id.""";

    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(USAGE);
            return;
        }
        if (!List.of("list", "show", "replay").contains(args[0])) {
            System.err.println("dead-letters| unknown command " + args[0]);
            System.err.println(USAGE);
            System.exit(2);
        }
        StackAccess access = StackAccess.fromEnvironment(StackConfig.fromEnvironment(Path.of(System.getProperty("kx.root", "."))));
        int code;
        try (DeadLetters tool = new DeadLetters(access)) {
            code = run(tool, args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("dead-letters| " + e.getMessage());
            System.err.println(USAGE);
            code = 2;
        } catch (IllegalStateException e) {
            System.err.println("dead-letters| " + e.getMessage());
            code = 1;
        }
        System.exit(code);
    }

    static int run(DeadLetters tool, String[] args, PrintStream out) {
        String command = args[0];
        String topic = null;
        String consumer = null;
        Path valueFile = null;
        List<String> selectors = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--topic" -> topic = next(args, ++i);
                case "--consumer" -> consumer = next(args, ++i);
                case "--value-file" -> valueFile = Path.of(next(args, ++i));
                default -> selectors.add(args[i]);
            }
        }
        switch (command) {
            case "list" -> {
                return list(tool, topic, consumer, out);
            }
            case "show" -> {
                if (selectors.size() != 1) {
                    throw new IllegalArgumentException("show takes one selector");
                }
                List<DeadLetter> found = tool.find(selectors.get(0));
                if (found.isEmpty()) {
                    out.println("no dead letter matches " + selectors.get(0));
                    return 1;
                }
                found.forEach(d -> show(d, out));
                return 0;
            }
            case "replay" -> {
                if (selectors.isEmpty()) {
                    throw new IllegalArgumentException("replay takes at least one selector");
                }
                String corrected = null;
                if (valueFile != null) {
                    if (selectors.size() != 1) {
                        throw new IllegalArgumentException("--value-file replaces the value of one record: give one selector");
                    }
                    try {
                        corrected = Files.readString(valueFile, StandardCharsets.UTF_8).strip();
                    } catch (IOException e) {
                        throw new IllegalArgumentException("cannot read " + valueFile + ": " + e.getMessage());
                    }
                }
                List<DeadLetter> all = tool.list();
                int failures = 0;
                for (String selector : selectors) {
                    List<DeadLetter> chosen = all.stream().filter(d -> d.matches(selector)).toList();
                    if (chosen.isEmpty()) {
                        out.println("no dead letter matches " + selector);
                        failures++;
                        continue;
                    }
                    // One event dead-lettered by several consumers is one record on the source topic: replay it once.
                    Map<String, DeadLetter> bySource = new TreeMap<>();
                    chosen.forEach(d -> bySource.putIfAbsent(d.sourceCoordinates(), d));
                    for (DeadLetter d : bySource.values()) {
                        out.println("replayed " + tool.replay(d, corrected) + (corrected != null ? " (corrected value)" : ""));
                    }
                }
                return failures == 0 ? 0 : 1;
            }
            default -> throw new IllegalArgumentException("unknown command " + command);
        }
    }

    private static int list(DeadLetters tool, String topic, String consumer, PrintStream out) {
        List<DeadLetter> all = tool.list().stream()
                .filter(d -> topic == null || d.sourceTopic().equals(topic) || d.dlqTopic().equals(topic))
                .filter(d -> consumer == null || d.consumer().orElse("").equals(consumer))
                .toList();
        if (all.isEmpty()) {
            out.println("no dead letters");
            return 0;
        }
        Set<String> replayed = tool.replayedSources(all);
        Map<String, List<DeadLetter>> groups = all.stream().collect(Collectors.groupingBy(
                d -> d.sourceTopic() + "  consumer " + d.consumer().orElse("(unknown)"), TreeMap::new, Collectors.toList()));
        groups.forEach((group, letters) -> {
            out.println(group + ": " + letters.size() + " dead letter(s)");
            for (DeadLetter d : letters) {
                out.printf("  %-34s from %-30s event %-36s %s%s%n      reason: %s%n", d.coordinates(), d.sourceCoordinates(),
                        d.eventId() == null ? "(none: unreadable)" : d.eventId(), d.deadLetteredAt(),
                        replayed.contains(d.sourceCoordinates()) ? "  [replayed]" : "", d.reason());
            }
        });
        return 0;
    }

    private static void show(DeadLetter d, PrintStream out) {
        out.println("dead letter   " + d.coordinates() + " at " + d.deadLetteredAt());
        out.println("source        " + d.sourceCoordinates());
        out.println("consumer      " + d.consumer().orElse("(unknown)"));
        out.println("event id      " + (d.eventId() == null ? "(none: unreadable)" : d.eventId()));
        out.println("key           " + d.key());
        out.println("reason        " + d.reason());
        if (d.cause() != null) {
            out.println("cause         " + d.cause());
        }
        d.entry().headers().forEach((name, value) -> {
            if (!name.equals("dead-letter-reason") && !name.equals("dead-letter-cause")) {
                out.println("header        " + name + ": " + value);
            }
        });
        out.println("value");
        out.println(d.value());
    }

    private static String next(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int parseInt(String s, int otherwise) {
        try {
            return s == null ? otherwise : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static long parseLong(String s, long otherwise) {
        try {
            return s == null ? otherwise : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
