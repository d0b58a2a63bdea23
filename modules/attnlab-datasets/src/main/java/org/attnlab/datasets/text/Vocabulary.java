package org.attnlab.datasets.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Token ids: {@code <pad>}=0, {@code <bos>}=1, {@code <eos>}=2, {@code <unk>}=3, then tokens by decreasing
 * frequency (ties in code-point order), so the same corpus always gives the same ids.
 */
public final class Vocabulary {

    /** Padding id. */
    public static final int PAD = 0;
    /** Begin-of-sequence id. */
    public static final int BOS = 1;
    /** End-of-sequence id. */
    public static final int EOS = 2;
    /** Unknown-token id. */
    public static final int UNK = 3;
    /** The special tokens, in id order. */
    public static final List<String> SPECIALS = List.of("<pad>", "<bos>", "<eos>", "<unk>");

    private final List<String> tokens;
    private final Map<String, Integer> ids = new HashMap<>();

    private Vocabulary(List<String> tokens) {
        this.tokens = List.copyOf(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            ids.put(tokens.get(i), i);
        }
    }

    /**
     * Builds a vocabulary from tokenised sentences, keeping tokens seen at least {@code minCount} times,
     * at most {@code maxSize} ids in all (0 = no limit).
     */
    public static Vocabulary build(Collection<List<String>> sentences, int minCount, int maxSize) {
        Map<String, Long> counts = sentences.stream().flatMap(List::stream)
                .collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        List<String> all = new ArrayList<>(SPECIALS);
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= minCount && !SPECIALS.contains(e.getKey()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(maxSize == 0 ? Long.MAX_VALUE : Math.max(0, maxSize - SPECIALS.size()))
                .forEach(e -> all.add(e.getKey()));
        return new Vocabulary(all);
    }

    /** Number of ids, specials included. */
    public int size() {
        return tokens.size();
    }

    /** Id of {@code token}, {@link #UNK} when unknown. */
    public int id(String token) {
        return ids.getOrDefault(token, UNK);
    }

    /** Token of {@code id}. */
    public String token(int id) {
        return tokens.get(id);
    }

    /** Ids of {@code tokens}, optionally wrapped in {@code <bos>} / {@code <eos>}. */
    public int[] encode(List<String> sentence, boolean bos, boolean eos) {
        int[] out = new int[sentence.size() + (bos ? 1 : 0) + (eos ? 1 : 0)];
        int i = 0;
        if (bos) {
            out[i++] = BOS;
        }
        for (String t : sentence) {
            out[i++] = id(t);
        }
        if (eos) {
            out[i] = EOS;
        }
        return out;
    }

    /** Tokens of {@code ids} joined by spaces, specials included. */
    public String decode(int[] idSequence) {
        return Arrays.stream(idSequence).mapToObj(this::token).collect(Collectors.joining(" "));
    }
}
