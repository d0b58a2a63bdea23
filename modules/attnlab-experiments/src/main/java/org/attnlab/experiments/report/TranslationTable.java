package org.attnlab.experiments.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attnlab.experiments.config.ReportSettings;
import org.attnlab.experiments.stats.Scale;
import org.attnlab.experiments.stats.SeedInterval;

/**
 * Translation quality beyond BLEU, per variant that measures BLEU: test perplexity ({@code exp} of each seed's test
 * loss) and, for data whose true alignment is known, the alignment error rate of each target-by-source attention map.
 */
final class TranslationTable {
    private TranslationTable() {
    }

    /** The table, or none when no variant measures BLEU. */
    static List<Table> of(List<VariantRuns> variants, ReportSettings s) {
        List<VariantRuns> translating = variants.stream().filter(VariantRuns::measuresBleu).toList();
        if (translating.isEmpty()) {
            return List.of();
        }
        double level = 1 - s.alpha();
        List<List<String>> rows = new ArrayList<>();
        for (VariantRuns v : translating) {
            double[] perplexity = v.runs().stream().mapToDouble(r -> Math.exp(r.summary().testLoss())).toArray();
            String ppl = SeedInterval.of(perplexity, Scale.POSITIVE, level).format(2);
            Map<String, List<Double>> aer = new LinkedHashMap<>();
            for (RunRecord r : v.runs()) {
                r.alignment().forEach(a -> aer.computeIfAbsent(a.map(), k -> new ArrayList<>()).add(a.aer()));
            }
            if (aer.isEmpty()) {
                rows.add(List.of(v.variant(), Integer.toString(v.runs().size()), ppl, "-", "-"));
            }
            aer.forEach((map, values) -> rows.add(List.of(v.variant(), Integer.toString(values.size()), ppl, map,
                    SeedInterval.of(values.stream().mapToDouble(Double::doubleValue).toArray(), Scale.PROPORTION,
                            level).format(3))));
        }
        return List.of(new Table("Translation: perplexity and alignment error (test split)",
                List.of("variant", "seeds", "perplexity", "attention map", "alignment error rate (0-1)"), rows,
                List.of("Perplexity: exp of each seed's test loss (mean cross-entropy per target token, batch means "
                        + "weighted by examples), over seeds. Alignment error rate (Och and Ney 2003) with sure = "
                        + "possible = the true links of the data, pooled over the test split; each target token is "
                        + "linked to the source token its attention row weights most; 0 = every link right. '-' "
                        + "where the data's alignment is unknown (natural language). Cells: mean ± sample standard "
                        + "deviation [confidence interval] over seeds.")));
    }
}
