package org.attnlab.datasets.iter;

import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

import java.util.Arrays;
import java.util.List;

/**
 * Sequence-to-sequence batches for an encoder-decoder. Each example's source is the encoder input
 * (ending in &lt;eos&gt;) and its target is {@code <bos> ... <eos>}; the decoder input is the target without its
 * last token and the decoder label the target without its first (teacher forcing). Per batch:
 * features {@code [source [B, Ts], decoderInput [B, Tt]]} as float ids; labels {@code [decoderLabel]} one-hot
 * [B, Tt, Vtgt] (or [B, Tt] ids with {@link LabelFormat#INDEX}); feature masks {@code [[B, Ts], [B, Tt]]};
 * label mask {@code [[B, Tt]]}.
 */
public final class TranslationDataSetIterator implements MultiDataSetIterator {

    private final List<SequenceExample> examples;
    private final int targetVocab;
    private final BatchCursor cursor;
    private MultiDataSetPreProcessor preProcessor;

    /** Iterates {@code examples}; target ids are below {@code targetVocab}. */
    public TranslationDataSetIterator(List<SequenceExample> examples, int targetVocab, BatchOptions options) {
        this.examples = List.copyOf(examples);
        this.targetVocab = targetVocab;
        this.cursor = new BatchCursor(examples.stream().mapToInt(SequenceExample::length).toArray(), options);
    }

    /** Number of examples per epoch. */
    public int exampleCount() {
        return cursor.exampleCount();
    }

    @Override
    public boolean hasNext() {
        return cursor.hasNext();
    }

    @Override
    public MultiDataSet next() {
        List<SequenceExample> batch = Arrays.stream(cursor.next()).mapToObj(examples::get).toList();
        List<int[]> sources = batch.stream().map(SequenceExample::source).toList();
        List<int[]> decoderIn = batch.stream().map(e -> Arrays.copyOf(e.target(), e.target().length - 1)).toList();
        List<int[]> decoderOut = batch.stream().map(e -> Arrays.copyOfRange(e.target(), 1, e.target().length)).toList();
        int ts = Padding.maxLength(sources);
        int tt = Padding.maxLength(decoderOut);
        INDArray decoderMask = Padding.mask(decoderIn, tt);
        MultiDataSet ds = new MultiDataSet(
                new INDArray[]{Padding.indices(sources, ts), Padding.indices(decoderIn, tt)},
                new INDArray[]{Padding.labels(decoderOut, tt, targetVocab, cursor.options().labelFormat())},
                new INDArray[]{Padding.mask(sources, ts), decoderMask},
                new INDArray[]{decoderMask.dup()});
        if (preProcessor != null) {
            preProcessor.preProcess(ds);
        }
        return ds;
    }

    /** Not supported: the batch size is fixed by {@link BatchOptions}. */
    @Override
    public MultiDataSet next(int num) {
        throw new UnsupportedOperationException("batch size is fixed by BatchOptions (" + cursor.options().batchSize() + ")");
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void reset() {
        cursor.reset();
    }
}
