package org.attnlab.experiments.store;

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
    /** CSV header matching {@link #csv(boolean)} of a sequence model. */
    public static final String CSV_HEADER = "step,epoch,train_loss,val_loss,val_token_acc,val_seq_acc,seconds,tokens_per_second";
    /** CSV header of an image classifier: accuracy per image, no sequence accuracy, images per second. */
    public static final String IMAGES_CSV_HEADER = "step,epoch,train_loss,val_loss,val_acc,seconds,images_per_second";

    /** The CSV header for a model kind that classifies images or not. */
    public static String csvHeader(boolean images) {
        return images ? IMAGES_CSV_HEADER : CSV_HEADER;
    }

    /** This row as CSV; an image classifier's row has no sequence accuracy column. */
    public String csv(boolean images) {
        return step + "," + epoch + "," + trainLoss + "," + valLoss + "," + valTokenAcc + ","
                + (images ? "" : valSeqAcc + ",") + seconds + "," + tokensPerSecond;
    }
}
