package com.kingstonexpress.messaging.reply.domain;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds sentences that put the fault on the courier or the customer ("Avoid blaming couriers or
 * customers"). Reporting what the carrier reported ("the carrier reports a failed delivery attempt") is
 * a fact, not blame; calling the courier useless, saying the customer should have checked, or "it's not
 * our fault" is.
 */
final class Blame {

    enum Target {
        COURIER,
        CUSTOMER
    }

    private static final String COURIER = "(the |your |their |that |this )?(courier|carrier|driver|delivery (driver|guy|man|company|firm|service|people)"
            + "|postman|postmen|postie|post office|royal mail|royal parcel|dpd|ups|fedex|dhl|hermes|evri|usps|yodel|parcelforce)(s|'s)?";
    /** Cheap first look: the courier patterns are only tried on sentences that name a courier. */
    private static final Pattern NAMES_COURIER = Pattern.compile("\\b(courier|carrier|driver|delivery|postm[ae]n|postie|post office|royal|dpd|ups"
            + "|fedex|dhl|hermes|evri|usps|yodel|parcelforce|them)");
    private static final Pattern COURIER_BLAME = Pattern.compile("\\b("
            + COURIER + " (\\w+ ){0,2}(lost|damaged|broke|mishandled|dropped|threw|ignored|messed|screwed|botched|ruined|could not be bothered"
            + "|did not bother|never bother\\w*|cannot be trusted|keeps? losing|always (lose|loses|mess|messes|get|gets)"
            + "|could not be bothered|(did not|never) (even )?(try|bother|knock|ring|attempt|come|turn up)|dropped the ball|have no idea|has no idea"
            + "|(do|does) not know what)"
            + "|" + COURIER + " (is|are|was|were) (\\w+ )?(useless|incompetent|hopeless|terrible|awful|rubbish|a joke|a nightmare|unreliable|clueless"
            + "|lazy|careless|to blame|at fault|responsible for (this|the) (mess|delay|problem))"
            + "|(useless|incompetent|hopeless|terrible|awful|lazy|rubbish|careless|unreliable|clueless|idiot|bloody|damn|typical) " + COURIER
            + "|" + COURIER + " (is|are|was|were) (\\w+ )?(a shambles|a disgrace|hopeless|to blame)|typical of (them|" + COURIER + ")"
            + "|(down to|on) " + COURIER + ",? not (us|me|ours)|" + COURIER + " (\\w+ )?(problem|issue|mistake|fault|mess),? not (ours|mine|us|me)"
            + "|" + COURIER + " (\\w+ ){0,4}\\w+,? not (us|me)\\b|(delay|problem|issue|fault) is (on|with|down to) " + COURIER
            + "|" + COURIER + " (cannot|can not) (even )?(read|find|deliver|follow|manage|do)"
            + "|" + COURIER + " keeps? (messing|losing|breaking|damaging)"
            + "|(complain|talk) to (them|" + COURIER + ")"
            + "|not (responsible|liable) for (the )?" + COURIER
            + "|" + COURIER + " fault|(their|courier's|carrier's|driver's) (fault|mistake|incompetence|screw-up|mess)"
            + "|blame (it on |this on )?" + COURIER + "|" + COURIER + " to blame"
            + "|(take it up|complain|deal) (with|to) " + COURIER
            + ")\\b");
    /** Disowning the problem blames whoever is left, usually the courier: "not our fault", "take it up with them". */
    private static final Pattern NOT_OUR_FAULT = Pattern.compile("\\b((it is|this is|that is) (not|never) (our|my) (fault|problem|responsibility)"
            + "|not (our|my) fault|nothing to do with (us|me)|not (on us|our (issue|problem|responsibility|doing))|take it up with|, typical"
            + ")\\b");
    private static final Pattern CUSTOMER_BLAME = Pattern.compile("\\b("
            + "(your|your own) (fault|mistake|error|carelessness)|(that is|it is|this is) on you|(it is|that is) your responsibility"
            + "|(if you (had|would)|had you) (bothered|taken the time|read|checked|looked|answered|been)"
            + "|your (address|postcode|zip code|details|house number) (was|were) (wrong|incorrect|incomplete|invalid)"
            + "|not (our|my) (mistake|error)"
            + "|you should (have|of) (checked|read|entered|provided|given|told|looked|double-checked|ordered|chosen|selected|known|waited"
            + "|measured|noticed|made sure|thought|paid attention|been (at home|home|in|there|available|around)|listened|followed|asked)"
            + "|you (clearly |obviously )?(did not|never) (read|check|provide|enter|give|include|answer|respond|pick up|collect|update|tell|specify|select|choose"
            + "|notice|follow|bother|listen|pay attention)"
            + "|you (entered|gave|provided|typed|put|used|supplied|chose|selected|ordered|picked|wrote|spelt|spelled|clicked) (us )?(the |a |an |in |your )?(\\w+ )?(wrong|incorrect|invalid|bad|incomplete)"
            + "|you (missed|ignored|refused|declined) (the|your|our) (delivery|parcel|driver|courier|card|notification|email|message|slot)"
            + "|you (chose|picked|selected) the (cheapest|slowest)|you (did not|never) (give|include|add) (a|the|your|us)"
            + "|you (failed|forgot|neglected) to|you (were|was) not (home|in|there|available|around)"
            + "|you must have (entered|made|typed|given|ordered|misread|missed|forgotten|put|chosen|selected|clicked|read)"
            + "|clearly (stated|written|mentioned|shown|described|explained)|read the (listing|description|product description|product page) (properly|carefully|next time|before)"
            + "|next time (please )?(read|check|make sure|double-check|pay attention)"
            + "|if you had (read|checked|entered|provided|given|been|ordered|chosen|listened|followed|bothered)"
            + "|(user|customer) error|(problem|issue|mistake|error) (is )?on your (end|side)"
            + ")\\b");

    private Blame() {
    }

    /** Reassurance is the opposite of blame: "it's not your fault", "no fault of yours". */
    private static final Pattern REASSURANCE = Pattern.compile("\\b(not|never|no|hardly) (\\w+ )?(your|your own) (fault|mistake|error|problem)"
            + "|no fault of (yours|your own)");

    static Optional<Target> in(String normalized) {
        normalized = REASSURANCE.matcher(normalized).replaceAll(" ");
        if ((NAMES_COURIER.matcher(normalized).find() && COURIER_BLAME.matcher(normalized).find()) || NOT_OUR_FAULT.matcher(normalized).find()) {
            return Optional.of(Target.COURIER);
        }
        if (CUSTOMER_BLAME.matcher(normalized).find()) {
            return Optional.of(Target.CUSTOMER);
        }
        return Optional.empty();
    }
}
