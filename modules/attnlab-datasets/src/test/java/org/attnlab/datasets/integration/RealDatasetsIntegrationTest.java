package org.attnlab.datasets.integration;

import org.attnlab.datasets.fetch.DatasetStore;
import org.attnlab.datasets.idx.FashionMnist;
import org.attnlab.datasets.idx.ImageSet;
import org.attnlab.datasets.iter.BatchOptions;
import org.attnlab.datasets.iter.LabelFormat;
import org.attnlab.datasets.sword.Bibles;
import org.attnlab.datasets.text.CorpusOptions;
import org.attnlab.datasets.text.Split;
import org.attnlab.datasets.text.TranslationCorpus;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fetches the real data with this machine's package clients into the default cache
 * ($ATTNLAB_DATA_DIR or ~/.cache/attnlab/datasets) and checks the published counts.
 */
@Tag("integration")
class RealDatasetsIntegrationTest {

    private final DatasetStore store = DatasetStore.open(null, line -> System.out.println("[datasets] " + line));

    @Test
    void fashionMnistHas60kTrainAnd10kTestImages() throws Exception {
        ImageSet train = FashionMnist.train(store);
        ImageSet test = FashionMnist.test(store);
        assertEquals(60_000, train.count());
        assertEquals(10_000, test.count());
        assertArrayEquals(new int[]{60_000, 28, 28}, train.images().dims());
        int[] perClass = new int[10];
        for (int i = 0; i < train.count(); i++) {
            perClass[train.labels().value(i, 0)]++;
        }
        assertArrayEquals(new int[]{6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000, 6000}, perClass);
        store.verify(FashionMnist.DATASET);

        long start = System.nanoTime();
        DataSetIterator epoch = train.iterator(BatchOptions.of(256, 1));
        long seen = 0;
        while (epoch.hasNext()) {
            seen += epoch.next().numExamples();
        }
        assertEquals(60_000, seen);
        System.out.printf("[datasets] one Fashion-MNIST epoch, batch 256: %.1f s%n", (System.nanoTime() - start) / 1e9);
    }

    @Test
    void kjvAndReinaValeraGive31084AlignedVersePairs() throws Exception {
        List<String> kjv = Bibles.entries(store, Bibles.KJV);
        List<String> rv = Bibles.entries(store, Bibles.RV1909);
        assertEquals(31_102, kjv.stream().filter(v -> !v.isEmpty()).count());
        assertEquals(31_084, TranslationCorpus.align(kjv, rv).size());
        assertTrue(kjv.contains("In the beginning God created the heaven and the earth."));

        TranslationCorpus corpus = TranslationCorpus.kjvToRv1909(store, CorpusOptions.defaults(30));
        int kept = corpus.splits().train().size() + corpus.splits().valid().size() + corpus.splits().test().size();
        System.out.printf("[datasets] translation pairs <= 30 tokens: %d (train %d, valid %d, test %d), vocab en %d / es %d%n",
                kept, corpus.splits().train().size(), corpus.splits().valid().size(), corpus.splits().test().size(),
                corpus.sourceVocabulary().size(), corpus.targetVocabulary().size());
        MultiDataSet batch = corpus.iterator(Split.TRAIN, BatchOptions.of(32, 1).withBucketing(true)
                .withLabelFormat(LabelFormat.INDEX)).next();
        assertEquals(32, batch.getFeatures(0).size(0));
    }
}
