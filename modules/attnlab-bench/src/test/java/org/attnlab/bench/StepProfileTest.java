package org.attnlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.attnlab.bench.cases.ExperimentModel;
import org.attnlab.bench.profile.StepProfile;
import org.attnlab.experiments.run.ReplayedOpTimer;
import org.attnlab.experiments.run.TrainingSteps;
import org.junit.jupiter.api.Test;

/** The step profile of the quickstart tagger counts its ops and times them; nothing here asserts a speed. */
class StepProfileTest {
    @Test
    void countsOpsPerStepAndListsTheMatrixProducts() {
        ExperimentModel model = ExperimentModel.load(Path.of("../../experiments/quickstart.yaml"));
        String md = StepProfile.run("quickstart", model.start(), 1, 3, 1);
        Matcher ops = Pattern.compile("ops per step: ([0-9.]+) \\((\\d+) op types; listener saw (\\d+) iterations")
                .matcher(md);
        assertTrue(ops.find(), md);
        // Forward and backward of a one-layer tagger: about a hundred op executions per step.
        assertTrue(Double.parseDouble(ops.group(1)) > 50, md);
        assertTrue(Integer.parseInt(ops.group(3)) == 3, "three profiled iterations: " + md);
        assertTrue(md.contains("| matmul |") && md.contains("per-call cost of `fit`"), md);
        Matcher replayed = Pattern.compile("## Replayed steps.*ops and parameter-update blocks per step: ([0-9.]+)",
                Pattern.DOTALL).matcher(md);
        assertTrue(replayed.find(), md);
        // The replay runs the session's ops minus pass-through ones, plus one update block per parameter's gradient op.
        assertTrue(Double.parseDouble(replayed.group(1)) > 50, md);
        String after = md.substring(replayed.start());
        assertTrue(after.contains("| matmul |") && after.contains("| parameter update |"), after);
        assertTrue(after.contains("| matmul [[256, 10], [10, 32]] -> [[256, 32]] |")
                || after.contains("| matmul_bp ["), "ops listed with their shapes: " + after);
    }

    @Test
    void profilesAnEnsembleStepWithItsMembersBatched() {
        ExperimentModel model = ExperimentModel.load(Path.of("../../experiments/quickstart.yaml"));
        String md = StepProfile.run("quickstart ensemble", model.startEnsemble(model.seeds().subList(0, 2)), 1, 2, 1);
        assertTrue(md.startsWith("# Training-step profile: quickstart ensemble"), md);
        // The ensemble's batched products have E = 2 as their leading axis: same op types as one run.
        assertTrue(md.contains("| matmul |") && md.contains("listener saw 2 iterations"), md);
    }

    @Test
    void timesTheOpsOfARunsOwnReplayedSteps() {
        TrainingSteps run = ExperimentModel.load(Path.of("../../experiments/quickstart.yaml")).start();
        for (int i = 0; i < 3; i++) {
            run.step(run.nextBatch()); // the first steps record; later ones replay
        }
        List<String> ops = new ArrayList<>();
        run.timeReplayedOps((op, shapes, nanos) -> ops.add(op));
        run.step(run.nextBatch());
        int perStep = ops.size();
        run.step(run.nextBatch());
        run.timeReplayedOps(null);
        run.step(run.nextBatch());
        assertTrue(perStep > 50, "about a hundred ops per step: " + ops);
        assertEquals(2 * perStep, ops.size(), "the same ops each timed step, none after null: " + ops);
        assertTrue(ops.contains("matmul_bp") && ops.contains(ReplayedOpTimer.UPDATE), ops.toString());
    }
}
