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
public final class TranslationDataSetIterator extends CursorIterator<MultiDataSet, MultiDataSetPreProcessor>
        implements MultiDataSetIterator {

    private final List<SequenceExample> examples;
    private final int targetVocab;

    /** Iterates {@code examples}; target ids are below {@code targetVocab}. */
    public TranslationDataSetIterator(List<SequenceExample> examples, int targetVocab, BatchOptions options) {
        super(examples.stream().mapToInt(SequenceExample::length).toArray(), options,
                MultiDataSetPreProcessor::preProcess);
        this.examples = List.copyOf(examples);
        this.targetVocab = targetVocab;
    }

    @Override
    protected MultiDataSet batch(int[] indices) {
        List<SequenceExample> batch = Arrays.stream(indices).mapToObj(examples::get).toList();
        List<int[]> sources = batch.stream().map(SequenceExample::source).toList();
        List<int[]> decoderIn = batch.stream().map(e -> Arrays.copyOf(e.target(), e.target().length - 1)).toList();
        List<int[]> decoderOut = batch.stream().map(e -> Arrays.copyOfRange(e.target(), 1, e.target().length)).toList();
        int ts = Padding.maxLength(sources);
        int tt = Padding.maxLength(decoderOut);
        INDArray decoderMask = Padding.mask(decoderIn, tt);
        return new MultiDataSet(
                new INDArray[]{Padding.indices(sources, ts), Padding.indices(decoderIn, tt)},
                new INDArray[]{Padding.labels(decoderOut, tt, targetVocab, options().labelFormat())},
                new INDArray[]{Padding.mask(sources, ts), decoderMask},
                new INDArray[]{decoderMask.dup()});
    }
}
