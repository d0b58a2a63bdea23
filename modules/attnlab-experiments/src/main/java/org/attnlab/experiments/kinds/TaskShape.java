package org.attnlab.experiments.kinds;

/**
 * What a model needs to know about its data. For images ({@link #images}) {@code seqLen} is the image side and
 * {@code vocab} / {@code targetVocab} the number of classes.
 *
 * @param vocab       source token ids {@code [0, vocab)} (0 is padding)
 * @param seqLen      longest source or target sequence
 * @param targetVocab target token ids {@code [0, targetVocab)}
 * @param bos         the begin-of-sequence id that starts the decoder input, or {@link #NO_BOS} when the data has
 *                    none (synthetic tasks: an encoder-decoder kind then adds one, id {@code targetVocab})
 */
public record TaskShape(int vocab, int seqLen, int targetVocab, int bos) {
    /** {@link #bos} of data without a begin-of-sequence token. */
    public static final int NO_BOS = -1;

    /** Same vocabulary on both sides, no begin-of-sequence token (the synthetic tasks). */
    public TaskShape(int vocab, int seqLen) {
        this(vocab, seqLen, vocab, NO_BOS);
    }

    /** Square images of side {@code side} in {@code classes} classes: {@link #seqLen} is the side, the vocabularies the classes. */
    public static TaskShape images(int side, int classes) {
        return new TaskShape(classes, side, classes, NO_BOS);
    }

    /** Target ids an encoder-decoder predicts: the data's, plus a begin-of-sequence id when the data has none. */
    public int decoderVocab() {
        return bos == NO_BOS ? targetVocab + 1 : targetVocab;
    }

    /** The begin-of-sequence id an encoder-decoder starts from. */
    public int decoderBos() {
        return bos == NO_BOS ? targetVocab : bos;
    }
}
