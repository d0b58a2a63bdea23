package org.attnlab.experiments.kinds;

import java.util.List;

/**
 * The data a model kind reads, and with it what its runs measure. The dataset section decides the source within a
 * kind of data (a synthetic task or a translation corpus for {@link #SEQUENCES}, Fashion-MNIST for {@link #IMAGES}).
 */
public enum DataKind {
    /**
     * Token sequences (raw batches of ids {@code [B, T]}, one-hot labels {@code [B, T, V]}): token and sequence
     * accuracy, tokens per second.
     */
    SEQUENCES(List.of("step", "epoch", "train_loss", "val_loss", "val_token_acc", "val_seq_acc", "seconds",
            "tokens_per_second")),
    /**
     * Images (features {@code [B, 1, S, S]}, labels {@code [B, classes]}): accuracy per image, images per second; no
     * sequence accuracy.
     */
    IMAGES(List.of("step", "epoch", "train_loss", "val_loss", "val_acc", "seconds", "images_per_second"));

    private final List<String> metrics;

    DataKind(List<String> metrics) {
        this.metrics = metrics;
    }

    /** The validation columns its runs record, in order. */
    public List<String> metrics() {
        return metrics;
    }

    /** True for {@link #IMAGES}. */
    public boolean images() {
        return this == IMAGES;
    }
}
