package org.attnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.attnlab.bench.cases.BenchCase;
import org.attnlab.bench.cases.Cases;
import org.attnlab.bench.cases.Shapes;
import org.attnlab.bench.cases.Workload;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FLOP and parameter counts of the cases at the smoke sizes (B=2, T=4, d=8, 2 heads of 4, FFN 16, additive hidden 3
 * inside multi-head attention and 5 for the single-head case), worked out by hand. A product [m, k] x [k, n] is
 * 2mkn FLOPs; a training step counts 3x the forward products.
 */
class FlopCountTest {
    private static Map<String, Workload> workloads;

    @BeforeAll
    static void prepare() {
        Cases cases = new Cases(Shapes.SMOKE, Path.of("../../experiments"));
        workloads = cases.select("attention,encoder,additive,quickstart-step").stream()
                .collect(Collectors.toMap(BenchCase::name, BenchCase::prepare));
    }

    // Projections Wq, Wk, Wv, Wo: 4 x 2*8*8*8 = 4096. Per head (4 batch x head groups): q k^T 2*4*4*4 = 128,
    // weights x v 2*4*4*4 = 128, so 512 + 512.
    private static final double MHA_DOT_FORWARD = 4096 + 512 + 512;

    @Test
    void dotAndScaledDotCountProjectionsScoresAndWeightedValues() {
        for (String name : new String[]{"mha-dot-perhead", "mha-dot-fused", "mha-scaled_dot-perhead",
                "mha-scaled_dot-fused"}) {
            assertEquals(3 * MHA_DOT_FORWARD, workloads.get(name).flops(), name);
            assertEquals(4 * 8 * 8, workloads.get(name).parameters(), name);
        }
    }

    @Test
    void generalAddsTheBilinearProductPerHead() {
        // q W per group: 2*4*4*4 = 128, times 4 groups = 512 more than dot; W is [4, 4].
        assertEquals(3 * (MHA_DOT_FORWARD + 512), workloads.get("mha-general-perhead").flops());
        assertEquals(256 + 16, workloads.get("mha-general-perhead").parameters());
    }

    @Test
    void additiveReplacesTheDotScoreWithItsMlp() {
        // Per group: q W_q 2*4*4*3 = 96, k W_k 96, v over [4*4, 3]: 2*16*3*1 = 96 -> 288, times 4 = 1152.
        assertEquals(3 * (4096 + 1152 + 512), workloads.get("mha-additive-perhead").flops());
        // W_q, W_k [4, 3] shared by the heads, v [3, 1].
        assertEquals(256 + 12 + 12 + 3, workloads.get("mha-additive-perhead").parameters());
    }

    @Test
    void encoderLayerAddsTheFeedForwardNetwork() {
        // FFN on 8 tokens: 2*8*8*16 + 2*8*16*8 = 4096.
        for (String name : new String[]{"encoder-postln", "encoder-preln"}) {
            assertEquals(3 * (MHA_DOT_FORWARD + 4096), workloads.get(name).flops(), name);
            // attention 256, two layer norms 2 x (8 + 8), FFN 8*16 + 16 + 16*8 + 8.
            assertEquals(256 + 32 + 280, workloads.get(name).parameters(), name);
        }
    }

    @Test
    void singleHeadAdditiveCountsItsTTHiddenProduct() {
        // 2 batch groups, hidden 5: x W_q 2*4*8*5 = 320, x W_k 320, v over [16, 5]: 160 -> 800 per group;
        // weights x values 2*4*4*8 = 256 per group.
        assertEquals(3 * (2 * 800 + 2 * 256), workloads.get("additive-score").flops());
        assertEquals(8 * 5 + 8 * 5 + 5, workloads.get("additive-score").parameters());
    }

    @Test
    void quickstartTaggerAtItsConfiguredSizes() {
        // experiments/quickstart.yaml, first variant (dot): B=32, T=8, vocab 10, d=32, 2 heads of 16.
        // one-hot embedding 2*256*10*32 = 163840; projections 4 x 2*256*32*32 = 2097152;
        // 64 groups x (q k^T 2*8*16*8 + weights x v 2*8*8*16) = 262144; output layer 2*256*32*10 = 163840.
        Workload w = workloads.get("quickstart-step");
        assertEquals(3.0 * (163840 + 2097152 + 262144 + 163840), w.flops());
        assertEquals(256, w.tokens());
        // embedding 10*32, positions 8*32, attention 4*32*32, output 32*10 + 10.
        assertEquals(320 + 256 + 4096 + 330, w.parameters());
    }
}
