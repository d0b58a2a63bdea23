package org.attnlab.experiments.run;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Corpus BLEU-4 (Papineni et al. 2002) with one reference per sentence: the geometric mean of the clipped n-gram
 * precisions for n = 1..4, summed over the corpus, times the brevity penalty {@code exp(1 - r/c)} when the
 * hypotheses are shorter than the references in total. No smoothing: 0 when some order has no match.
 */
public final class Bleu {
    private static final int MAX_N = 4;

    private Bleu() {
    }

    /** BLEU in [0, 1] of {@code hypotheses} against {@code references} (token ids, same order). */
    public static double corpus(List<int[]> hypotheses, List<int[]> references) {
        if (hypotheses.size() != references.size()) {
            throw new IllegalArgumentException(hypotheses.size() + " hypotheses but " + references.size() + " references");
        }
        long[] matches = new long[MAX_N];
        long[] totals = new long[MAX_N];
        long hypLength = 0;
        long refLength = 0;
        for (int s = 0; s < hypotheses.size(); s++) {
            int[] h = hypotheses.get(s);
            int[] r = references.get(s);
            hypLength += h.length;
            refLength += r.length;
            for (int n = 1; n <= MAX_N; n++) {
                Map<String, Integer> refCounts = ngrams(r, n);
                for (Map.Entry<String, Integer> e : ngrams(h, n).entrySet()) {
                    matches[n - 1] += Math.min(e.getValue(), refCounts.getOrDefault(e.getKey(), 0));
                }
                totals[n - 1] += Math.max(0, h.length - n + 1);
            }
        }
        double logPrecision = 0;
        for (int n = 0; n < MAX_N; n++) {
            if (matches[n] == 0) {
                return 0;
            }
            logPrecision += Math.log((double) matches[n] / totals[n]) / MAX_N;
        }
        double brevity = hypLength >= refLength ? 1.0 : Math.exp(1.0 - (double) refLength / hypLength);
        return brevity * Math.exp(logPrecision);
    }

    private static Map<String, Integer> ngrams(int[] ids, int n) {
        Map<String, Integer> out = new HashMap<>();
        for (int i = 0; i + n <= ids.length; i++) {
            StringBuilder key = new StringBuilder();
            for (int j = i; j < i + n; j++) {
                key.append(ids[j]).append(',');
            }
            out.merge(key.toString(), 1, Integer::sum);
        }
        return out;
    }
}
