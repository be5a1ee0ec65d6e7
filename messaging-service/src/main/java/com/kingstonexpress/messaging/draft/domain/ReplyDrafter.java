package com.kingstonexpress.messaging.draft.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.kingstonexpress.messaging.order.domain.AttentionFlag;
import com.kingstonexpress.messaging.order.domain.OrderStatus;

/**
 * Writes a polite reply to a customer from the order's facts, as the seller guide asks: "Be polite and
 * factual", "Respond within reasonable time", "Never promise guaranteed delivery dates". It says what the
 * status means, the latest tracking update and carrier, a typical window worded as an estimate, any
 * slowdown covering the order, and the next step (for a Kingston-dispatched order in transit, in customs or
 * in a slowdown: none, "Let the process work"; a ticket with support, quoting the order id, when the status
 * looks stale or the customer is escalating: "Contact Kingston Express Support ... Always include the order ID").
 * Pure: the same facts always give the same draft.
 */
public final class ReplyDrafter {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm 'UTC'", Locale.UK);

    public ReplyDraft draft(OrderFacts facts) {
        String meaning = statusMeaning(facts);
        String latest = latestUpdate(facts);
        String estimate = estimate(facts);
        String slowdown = slowdown(facts);
        String nextStep = nextStep(facts);

        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Hello, and thank you for your message about order " + facts.orderId() + ".");
        StringBuilder where = new StringBuilder(meaning);
        if (facts.trackingNumber() != null && facts.status() != OrderStatus.CANCELLED) {
            where.append(" The tracking number is ").append(facts.trackingNumber())
                    .append(facts.carrier() == null ? "." : " with " + carrierName(facts.carrier()) + ".");
        }
        if (latest != null) {
            where.append(' ').append(latest);
        }
        paragraphs.add(where.toString());
        if (slowdown != null) {
            paragraphs.add(slowdown);
        }
        if (estimate != null) {
            paragraphs.add(estimate);
        }
        if (nextStep != null) {
            paragraphs.add(nextStep);
        }
        paragraphs.add("Thank you for your patience. Kind regards");
        return new ReplyDraft(String.join("\n\n", paragraphs), meaning, latest, estimate, slowdown, nextStep);
    }

    private static String statusMeaning(OrderFacts f) {
        String carrier = f.carrier() == null ? "the carrier" : carrierName(f.carrier());
        if (f.has(AttentionFlag.CUSTOMS_HOLD) && f.status() != OrderStatus.DELIVERED && f.status() != OrderStatus.CANCELLED) {
            return "Your parcel is with customs at the moment. Customs checks are outside our and " + carrier
                    + "'s control, and the parcel moves on as soon as it is cleared.";
        }
        return switch (f.status()) {
            case NEW -> f.dispatchedByKingston()
                    ? "We have your order and it is queued at the Kingston Express fulfilment centre, which picks, packs and ships it."
                    : "We have your order and it is in our queue to be prepared.";
            case PROCESSING -> f.dispatchedByKingston()
                    ? "Your order is being picked and packed at the Kingston Express fulfilment centre."
                    : "We are preparing your order now.";
            case SHIPPED -> "Your order has been handed to " + carrier + " and has left "
                    + (f.dispatchedByKingston() ? "the fulfilment centre." : "us.");
            case IN_TRANSIT -> "Your order is on its way with " + carrier + ".";
            case DELIVERED -> "Our records show your order as delivered.";
            case CANCELLED -> "This order has been cancelled, so it will not be sent.";
        };
    }

    private static String latestUpdate(OrderFacts f) {
        if (f.latestUpdate() == null || f.latestUpdateAt() == null) {
            return null;
        }
        String what = switch (f.latestUpdate()) {
            case "NEW" -> "order received";
            case "PROCESSING" -> "being prepared";
            case "SHIPPED" -> "handed to the carrier";
            case "IN_TRANSIT" -> "in transit";
            case "DELIVERED" -> "marked as delivered";
            case "CANCELLED" -> "cancelled";
            case "TRACKING_ADDED" -> "tracking number added";
            case "CUSTOMS_HOLD" -> "held at customs";
            case "CUSTOMS_HOLD_CLEARED" -> "cleared by customs";
            case "DELIVERY_ATTEMPT_FAILED" -> "a delivery attempt that did not succeed";
            case "DELIVERY_ATTEMPT_FAILED_CLEARED", "ADDRESS_ISSUE_CLEARED" -> "delivery back on track";
            case "ADDRESS_ISSUE" -> "a question about the delivery address";
            default -> null;
        };
        return what == null ? null : "The latest tracking update is \"" + what + "\", recorded " + WHEN.format(utc(f.latestUpdateAt())) + ".";
    }

    /** Typical windows per shipping method, always worded as an estimate. */
    private static String estimate(OrderFacts f) {
        if (f.has(AttentionFlag.CUSTOMS_HOLD) || f.status() == OrderStatus.DELIVERED || f.status() == OrderStatus.CANCELLED) {
            return null;
        }
        String window = switch (f.shippingMethod() == null ? "" : f.shippingMethod()) {
            case "EXPRESS", "LOCAL_DELIVERY" -> "1-2 working days";
            case "INTERNATIONAL" -> "5-10 working days";
            case "STANDARD" -> "2-4 working days";
            default -> "a few working days";
        };
        String slower = f.slowdownNotes().isEmpty() ? "" : " The slowdown may add to that.";
        return switch (f.status()) {
            case NEW, PROCESSING -> "Orders like this usually leave within 1-2 working days and then typically take " + window
                    + " with the carrier. That is an estimate, not a guarantee." + slower;
            default -> "Parcels sent this way typically take " + window
                    + " from dispatch. That is an estimate from the carrier's usual times, not a guarantee." + slower;
        };
    }

    private static String slowdown(OrderFacts f) {
        if (f.slowdownNotes().isEmpty() || f.status() == OrderStatus.DELIVERED || f.status() == OrderStatus.CANCELLED) {
            return null;
        }
        StringBuilder s = new StringBuilder("Kingston Express has told us about a delivery slowdown that covers your order");
        for (String note : f.slowdownNotes()) {
            // Quoted: the platform's words, passed on as they are.
            s.append(": \"").append(note.strip()).append('"');
        }
        return s.append('.').toString();
    }

    private static String nextStep(OrderFacts f) {
        String ticket = "I have opened a request with Kingston Express Support for order " + f.orderId()
                + " and will pass on what they tell me.";
        if (f.customerEscalating() && f.status() != OrderStatus.CANCELLED) {
            return "I am sorry this has been frustrating. " + ticket;
        }
        if (f.has(AttentionFlag.STATUS_NOT_UPDATING) && f.status() != OrderStatus.DELIVERED && f.status() != OrderStatus.CANCELLED) {
            return "The status has not changed for longer than usual, so " + ticket.substring(0, 1).toLowerCase(Locale.ROOT) + ticket.substring(1);
        }
        if (f.has(AttentionFlag.ADDRESS_ISSUE)) {
            return "Could you reply with your full delivery address, including any flat or house number, so we can put it right?";
        }
        if (f.has(AttentionFlag.DELIVERY_ATTEMPT_FAILED) && f.status() != OrderStatus.DELIVERED) {
            return "Could you confirm your address and a good time for someone to be in? I will pass it on straight away.";
        }
        return switch (f.status()) {
            case NEW, PROCESSING -> f.dispatchedByKingston()
                    ? "You don't need to do anything; you will receive the tracking details as soon as it ships."
                    : "I will send you the tracking details as soon as it ships.";
            case SHIPPED, IN_TRANSIT -> "You don't need to do anything. I am keeping an eye on the tracking and will update you if anything changes.";
            case DELIVERED -> f.dispatchedByKingston()
                    ? "If you can't find it, please check with neighbours or your safe place and let me know; I will then ask Kingston "
                            + "Express Support to look into order " + f.orderId() + "."
                    : "If you can't find it, please check with neighbours or your safe place and let me know, and I will look into it with the carrier.";
            case CANCELLED -> "If you did not expect this, or have a question about your refund, just reply here and I will help.";
        };
    }

    /** Carrier codes arrive as "royal-parcel"; the customer reads "Royal Parcel". */
    static String carrierName(String carrier) {
        String[] words = carrier.strip().replace('_', ' ').replace('-', ' ').split("\\s+");
        StringBuilder name = new StringBuilder();
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            if (name.length() > 0) {
                name.append(' ');
            }
            name.append(w.length() <= 3 ? w.toUpperCase(Locale.ROOT) : Character.toUpperCase(w.charAt(0)) + w.substring(1).toLowerCase(Locale.ROOT));
        }
        return name.length() == 0 ? "the carrier" : name.toString();
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
