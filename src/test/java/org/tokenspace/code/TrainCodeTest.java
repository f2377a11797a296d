package org.tokenspace.code;

import org.junit.jupiter.api.Test;
import org.tokenspace.model.Pipeline;
import org.tokenspace.model.Preset;
import org.tokenspace.train.Optimizer;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The train stage's script for fixed settings, and the numbers it prints (PyTorch's, as StageCodeRunTest runs). */
class TrainCodeTest {
    private static CodeInput book(TrainingRun run) {
        String text = Preset.BOOK.text();
        return CodeInput.of(new Pipeline().run(text, Preset.BOOK.settings()), text, null, null, 3).withTraining(run);
    }

    @Test
    void theBooksTableTrainedThreeSgdSteps() {
        int[] ids = new Pipeline().ids(Preset.BOOK.text(), f -> { }, () -> false);
        TrainingRun run = TrainingRun.train(ids, Preset.BOOK.settings(), new Optimizer(Optimizer.Kind.SGD, 0.5, 0.1),
                3, 3);
        Transcript t = StageCodes.find("train").write(book(run));
        String script = t.script();
        assertTrue(script.contains("""
                torch.manual_seed(123)  # the token table, the positional table, the output head, then each epoch's order
                model = EmbeddingStage(vocab_size, context_length, output_dim)
                token_vector = model.tok_emb.weight[3].detach().clone()  # token 3 before training
                optimizer = torch.optim.SGD(model.parameters(), lr=0.5, weight_decay=0.1)
                dataloader = create_dataloader_v1(
                    token_ids, batch_size=1, max_length=4, stride=4,
                    shuffle=False, drop_last=True
                )
                """), script);
        assertTrue(script.contains("""
                data = batches(dataloader)
                step = 0
                for _ in range(3):
                    inputs, targets = next(data)
                    optimizer.zero_grad()
                    logits = model(inputs)  # [batch_size, max_length, vocab_size]
                    loss = nn.functional.cross_entropy(logits.flatten(0, 1), targets.flatten())
                    loss.backward()
                    optimizer.step()
                    step += 1
                    print(f"step {step}: loss {agreed(loss.item(), tokenspace_losses[step]):.2f}")
                """), script);
        assertTrue(script.contains("""
                TOLERANCE = 0.001
                tokenspace_losses = {1: """), script);
        assertTrue(script.contains("""
                vector = model.tok_emb.weight[3].detach()
                ours = torch.tensor(tokenspace_vector)
                vector = torch.where((vector - ours).abs() <= TOLERANCE, ours, vector)
                print(torch.round(vector, decimals=2))
                """), script);
        assertEquals("""
                token 3 before training:
                tensor([-0.4015,  0.9666, -1.1481])
                step 1: loss 2.40
                step 2: loss 1.85
                step 3: loss 1.65

                token 3 after 3 steps, rounded to 2 decimals:
                tensor([-0.4400,  0.9300, -0.9900])
                it moved 10.6% of its length
                """, t.output());
    }

    @Test
    void runsWithOtherLearningRatesBecomeASchedule() {
        float[] losses = new float[30];
        java.util.Arrays.fill(losses, 1.234f);
        TrainingRun run = new TrainingRun(Optimizer.Kind.ADAMW, List.of(new TrainingRun.Segment(10, 4e-4, 0.1),
                new TrainingRun.Segment(20, 1e-2, 0)), losses, new float[] {0f, 1f, 2f});
        Transcript t = StageCodes.find("train").write(book(run));
        assertTrue(t.script().contains("""
                optimizer = torch.optim.AdamW(model.parameters(), lr=0.0004, weight_decay=0.1)
                """), t.script());
        assertTrue(t.script().contains("""
                # the steps as they were trained: runs of (steps, learning rate, weight decay)
                schedule = [(10, 0.0004, 0.1), (20, 0.01, 0)]
                for steps, lr, weight_decay in schedule:
                    for group in optimizer.param_groups:
                        group["lr"] = lr
                        group["weight_decay"] = weight_decay
                    for _ in range(steps):
                """), t.script());
        assertTrue(t.script().contains("""
                        if step == 1 or step % 5 == 0 or step == 30:
                            print(f"step {step}: loss {agreed(loss.item(), tokenspace_losses[step]):.2f}")
                """), t.script());
        assertTrue(t.output().contains("step 1: loss 1.23\nstep 5: loss 1.23\n"), t.output());
        assertTrue(t.output().contains("step 30: loss 1.23\n\ntoken 3 after 30 steps"), t.output());
    }

    @Test
    void nothingTrainedYetShowsTheStart() {
        Transcript t = StageCodes.find("train").write(book(null));
        assertTrue(t.script().contains("# nothing was trained yet"), t.script());
        assertFalse(t.script().contains("optimizer.step()"), t.script());
        assertEquals("token 3 before training:\ntensor([-0.4015,  0.9666, -1.1481])\n", t.output());
    }

    @Test
    void lossesArePrintedAboutTenTimes() {
        assertEquals(1, TrainCode.every(20));
        assertEquals(5, TrainCode.every(21));
        assertEquals(20, TrainCode.every(150));
        assertEquals(100, TrainCode.every(1000));
        assertEquals(500, TrainCode.every(4321));
    }

    @Test
    void numbersAreWrittenAsPythonWritesThem() {
        assertEquals("0.12", PyText.fixed(0.125, 2)); // the exact binary value is a tie: half to even
        assertEquals("2.67", PyText.fixed(2.675, 2)); // 2.67499999...
        assertEquals("-0.00", PyText.fixed(-0.001, 2));
        assertEquals("10.99", PyText.fixed(10.987f, 2));
        assertEquals("0.0004", PyText.number(4e-4));
        assertEquals("0.1", PyText.number(0.1));
        assertEquals("100", PyText.number(100));
        assertEquals("1.0e-8", PyText.number(1e-8));
    }

    @Test
    void numbersFarFromPyTorchsArePrintedAsPyTorchComputesThem() throws Exception {
        String python = org.tokenspace.Python.withTorch();
        org.junit.jupiter.api.Assumptions.assumeTrue(python != null, "python3-torch is not installed");
        // losses and a vector PyTorch will not compute: the script must print its own numbers, not these
        float[] losses = new float[3];
        java.util.Arrays.fill(losses, 9.876f);
        TrainingRun wrong = new TrainingRun(Optimizer.Kind.SGD, List.of(new TrainingRun.Segment(3, 0.5, 0.1)),
                losses, new float[] {5f, 5f, 5f});
        Transcript t = StageCodes.find("train").write(book(wrong));
        org.tokenspace.Python.Result r = org.tokenspace.Python.run(python, t.script());
        assertEquals(0, r.exit(), r.output());
        assertTrue(t.output().contains("step 1: loss 9.88"), t.output());
        assertTrue(r.output().contains("step 1: loss 2.40\nstep 2: loss 1.85\nstep 3: loss 1.65\n"), r.output());
        assertTrue(r.output().contains("tensor([-0.4400,  0.9300, -0.9900])"), r.output());
    }
}
