package com.kingstonexpress.messaging.reply.domain;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Impolite replies without insults or profanity: brushing the customer off, talking down to them, losing
 * patience ("Be polite and factual"). Read on the normalised sentence. Customer messages are not read with
 * it: an impatient customer is not escalating, an impatient seller is breaking the guide.
 */
final class Dismissiveness {

    private static final Pattern DISMISSIVE = Pattern.compile("(^|\\b)("
            // impatience: repeating oneself
            + "how many (more )?times (do|have|must|should|will) (i|we) (need to |have to )?(tell|explain|say|repeat)"
            + "|(as|like) (i|we) (already |just )?(said|told you|explained|stated)(?! (in|on) )"
            + "|(i|we) (have )?(already )?(told|explained (it |this )?to) you (twice|already|before|again|\\w+ times)"
            + "|read my (last|previous|earlier|other) (message|reply|email|answer)|for the (second|third|fourth|fifth|\\w+th) time"
            + "|(i|we) (have )?already (answered|replied to|responded to|explained) (this|that)|(i am|we are) done (discussing|talking|with this)"
            + "|stop asking|what (part of .* )?(do not|did not) you understand|do (i|we) look like"
            + "|(i am|we are|i have|we have|i) (not|no) (got )?time for this|(i|we) (do not|cannot) have time for this"
            + "|do not waste (my|our) time|(you are )?wasting (my|our) time"
            // brushing the concern off
            + "|^(fine, )?whatever\\b(?! you need)|whatever you say|\\bugh\\b|\\b(omg|oh my god)\\b|^seriously ?[?!]|^obviously\\b|^frankly,|^chill\\b"
            + "|(you will|it will) (get|arrive|come)( it| there)? when (you|it) (get|arrives|comes)|(the )?end of the world"
            + "|(cannot|can not) make (it|the \\w+) (go|drive|move|arrive) (any )?faster|you people|your (constant|endless|repeated) (messages|emails|questions|chasing)"
            + "|use your (brain|head|eyes)|(you are) (\\w+ )?overreacting|(, |^)calm down"
            + "|(that is|it is|this is) (your|not my|not our) (problem|issue|concern)|not (my|our) (problem|concern)( anymore)?"
            + "|(mak(e|es|ing)|made) (a|such a|a big|so much of a|so much) (fuss|drama|song and dance)|(fuss|drama) (over|about) nothing"
            + "|(just |please just |simply )?be patient( like| and| please)?(?! with)|like everyone else|(just|simply) wait"
            + "|stop (emailing|messaging|chasing|contacting|texting|writing to|asking|hassling)( us| me)?"
            + "|get over it|get a grip|get a life"
            + "|(what a|such a|this is a|a) (silly|stupid|ridiculous|pointless|daft|petty) (question|complaint|request|fuss)"
            + "|(this|that) is (absurd|ridiculous|nonsense|a joke|laughable)"
            + "|(you are|you are being) (\\w+ )?(ridiculous|unreasonable|impossible|dramatic|silly|childish|paranoid|difficult)"
            + "|(i am|we are) not your (\\w+ )?(babysitter|assistant|servant|mum|mother|secretary|nanny)"
            + "|do you (not|even) (understand|know|read|get)|can you not (understand|read)"
            + "|some (people|customers|buyers) are (never|impossible|so|just)"
            + "|what (the hell )?do you (want|expect) (me|us) to do"
            + ")");

    private Dismissiveness() {
    }

    /** The dismissive words in a normalised sentence, if any. */
    static Optional<String> in(String normalized) {
        Matcher m = DISMISSIVE.matcher(normalized);
        return m.find() ? Optional.of(m.group(2)) : Optional.empty();
    }
}
