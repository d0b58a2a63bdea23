package org.attnlab.experiments.store;

import java.util.List;

/**
 * One validation point of a run.
 *
 * @param step            optimizer steps done
 * @param epoch           passes over the training set done (fractional)
 * @param trainLoss       loss on the last training batch
 * @param valLoss         validation loss
 * @param valTokenAcc     validation token accuracy
 * @param valSeqAcc       validation sequence accuracy (every labelled token right)
 * @param seconds         training wall time so far (excluding validation)
 * @param tokensPerSecond training throughput since the previous point
 */
public record MetricRow(long step, double epoch, double trainLoss, double valLoss, double valTokenAcc,
                        double valSeqAcc, double seconds, double tokensPerSecond) {
    /**
     * The value of one column a model kind declares ({@link org.attnlab.experiments.kinds.ModelKind#metrics()}):
     * {@code val_acc} is the token accuracy of an image classifier, {@code images_per_second} its throughput.
     */
    public double value(String column) {
        return switch (column) {
            case "step" -> step;
            case "epoch" -> epoch;
            case "train_loss" -> trainLoss;
            case "val_loss" -> valLoss;
            case "val_token_acc", "val_acc" -> valTokenAcc;
            case "val_seq_acc" -> valSeqAcc;
            case "seconds" -> seconds;
            case "tokens_per_second", "images_per_second" -> tokensPerSecond;
            default -> throw new IllegalArgumentException("no metric column '" + column + "'");
        };
    }

    /** This row as CSV with {@code columns}, in order (step as an integer). */
    public String csv(List<String> columns) {
        return String.join(",", columns.stream().map(c -> c.equals("step") ? Long.toString(step)
                : Double.toString(value(c))).toList());
    }
}
