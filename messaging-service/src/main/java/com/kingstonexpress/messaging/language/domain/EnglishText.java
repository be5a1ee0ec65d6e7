package com.kingstonexpress.messaging.language.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.lemmatizer.ThreadSafeLemmatizerME;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.ThreadSafePOSTaggerME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.tokenize.ThreadSafeTokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * English text read with Apache OpenNLP (the Universal Dependencies English Web Treebank models): sentences,
 * tokens, part-of-speech tags and lemmas. Rules then speak of words ("a form of <i>arrive</i>", "an adverb
 * before the verb") instead of listing every spelling. The models load once per JVM, on first use.
 */
public final class EnglishText {

    /** One word of a sentence; a contraction ("it'll", "can't") is read as its two words. */
    public record Token(String lower, String tag, String lemma) {
    }

    /**
     * A sentence as written, and its words. The words are read (tokens, tags, lemmas) on first use only: most
     * checks need the text alone, and reading is the slow part.
     */
    public static final class Sentence {

        private final String text;
        private List<Token> tokens;

        Sentence(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        public List<Token> tokens() {
            if (tokens == null) {
                tokens = words(text);
            }
            return tokens;
        }

        public boolean isQuestion() {
            String s = text.strip();
            int end = s.length();
            while (end > 0 && "\"')]\u201d\u2019".indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
            return end > 0 && s.charAt(end - 1) == '?';
        }
    }

    /** Closed-class tags: the word is its own lemma, so the lemmatizer is not asked. */
    private static final Set<String> OWN_LEMMA = Set.of("PRON", "DET", "ADP", "PUNCT", "NUM", "CCONJ", "SCONJ", "SYM", "X", "INTJ");
    /** Lemmas already worked out, by tag and word: the statistical lemmatizer is the slow step. */
    private static final Map<String, String> LEMMAS = new ConcurrentHashMap<>();
    private static final int MAX_REMEMBERED_LEMMAS = 50_000;

    private EnglishText() {
    }

    /** The sentences of a message; a line break always ends one. */
    public static List<Sentence> sentences(String text) {
        List<Sentence> sentences = new ArrayList<>();
        if (text == null) {
            return sentences;
        }
        for (String line : text.split("\\R")) {
            for (Span span : Models.SENTENCES.sentPosDetect(line)) {
                String sentence = span.getCoveredText(line).toString().strip();
                if (!sentence.isEmpty()) {
                    sentences.add(new Sentence(sentence));
                }
            }
        }
        return sentences;
    }

    private static List<Token> words(String sentence) {
        String[] words = Models.TOKENS.tokenize(sentence);
        String[] tags = Models.TAGGER.tag(words);
        String[] lemmas = lemmas(words, tags);
        List<Token> tokens = new ArrayList<>(words.length + 4);
        for (int i = 0; i < words.length; i++) {
            String[] tagParts = tags[i].split("\\+");
            String[] lemmaParts = lemmas[i].split("\\+");
            String lower = words[i].toLowerCase(Locale.ROOT);
            if (tagParts.length > 1 && tagParts.length == lemmaParts.length) {
                for (int k = 0; k < tagParts.length; k++) {
                    // a contracted "be" ("it's", "they're", "I'm") is always present tense
                    String part = lemmaParts[k].equals("be") ? "is" : lemmaParts[k];
                    tokens.add(new Token(part, tagParts[k], lemmaParts[k]));
                }
            } else {
                tokens.add(new Token(lower, tagParts[0], lemmaParts[0]));
            }
        }
        return tokens;
    }

    private static String[] lemmas(String[] words, String[] tags) {
        String[] lemmas = new String[words.length];
        List<Integer> unknown = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            String lower = words[i].toLowerCase(Locale.ROOT);
            if (OWN_LEMMA.contains(tags[i]) || lower.codePoints().noneMatch(Character::isLetter)) {
                lemmas[i] = lower;
            } else {
                lemmas[i] = LEMMAS.get(tags[i] + ' ' + lower);
                if (lemmas[i] == null) {
                    unknown.add(i);
                }
            }
        }
        if (!unknown.isEmpty()) {
            String[] w = new String[unknown.size()];
            String[] t = new String[unknown.size()];
            for (int k = 0; k < w.length; k++) {
                w[k] = words[unknown.get(k)].toLowerCase(Locale.ROOT);
                t[k] = tags[unknown.get(k)];
            }
            String[] found = Models.LEMMATIZER.lemmatize(w, t);
            for (int k = 0; k < w.length; k++) {
                String lemma = found[k].equals("O") || found[k].isBlank() ? w[k] : found[k].toLowerCase(Locale.ROOT);
                lemmas[unknown.get(k)] = lemma;
                if (LEMMAS.size() < MAX_REMEMBERED_LEMMAS) {
                    LEMMAS.put(t[k] + ' ' + w[k], lemma);
                }
            }
        }
        return lemmas;
    }

    /** Loads the models on first use; the holder keeps class loading cheap for code that never reads text. */
    private static final class Models {
        static final ThreadSafeSentenceDetectorME SENTENCES = new ThreadSafeSentenceDetectorME(
                Models.<SentenceModel>load("/opennlp-en-ud-ewt-sentence-1.2-2.5.0.bin", in -> new SentenceModel(in)));
        static final ThreadSafeTokenizerME TOKENS = new ThreadSafeTokenizerME(
                Models.<TokenizerModel>load("/opennlp-en-ud-ewt-tokens-1.2-2.5.0.bin", in -> new TokenizerModel(in)));
        static final ThreadSafePOSTaggerME TAGGER = new ThreadSafePOSTaggerME(
                Models.<POSModel>load("/opennlp-en-ud-ewt-pos-1.2-2.5.0.bin", in -> new POSModel(in)));
        static final ThreadSafeLemmatizerME LEMMATIZER = new ThreadSafeLemmatizerME(
                Models.<LemmatizerModel>load("/opennlp-en-ud-ewt-lemmas-1.2-2.5.0.bin", in -> new LemmatizerModel(in)));

        interface ModelReader<M> {
            M read(InputStream in) throws IOException;
        }

        private static <M> M load(String resource, ModelReader<M> reader) {
            try (InputStream in = EnglishText.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP model " + resource + " is not on the classpath");
                }
                return reader.read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read OpenNLP model " + resource, e);
            }
        }
    }
}
