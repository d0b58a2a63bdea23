package org.attnlab.experiments.run;

import org.nd4j.autodiff.samediff.internal.memory.NoOpMemoryMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A session memory manager that closes each array the session releases (frees its native buffer at once) and caches
 * nothing. ND4J otherwise frees a buffer only when Java collects its owner, so memory climbs between collections;
 * SameDiff's default manager caches released arrays by shape, which holds memory across steps without saving page
 * faults (measured on an encoder layer and the Transformer step: fewer faults and lower peak RSS when closing).
 */
final class ClosingMemory extends NoOpMemoryMgr {
    @Override
    public void release(INDArray array) {
        if (array.closeable()) {
            array.close();
        }
    }
}
