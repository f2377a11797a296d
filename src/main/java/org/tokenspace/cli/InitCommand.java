package org.tokenspace.cli;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.tokenspace.io.AtomicFiles;
import org.tokenspace.io.Npy;
import org.tokenspace.model.Embedding;
import org.tokenspace.model.NormalKernel;
import org.tokenspace.model.TorchFormat;
import org.tokenspace.model.TorchGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code torch.manual_seed(S)} then one {@code nn.Embedding} per {@code --layer}, from one stream. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = "Create embedding layers from one seeded stream, as consecutive nn.Embedding calls after"
                + " torch.manual_seed do, and write them as .npy.")
final class InitCommand implements Callable<Integer> {
    @Option(names = "--seed", required = true, converter = Converters.Seed.class, paramLabel = "SEED",
            description = "The seed, as torch.manual_seed takes it: a whole number from -2^63 to 2^64 - 1.")
    long seed;

    @Option(names = "--layer", required = true, converter = Converters.Layer.class,
            paramLabel = "ROWSxDIM", description = "A layer's size, e.g. 6x3; repeat it for consecutive layers.")
    List<long[]> layers;

    @Option(names = "--kernel", converter = Converters.Kernel.class, paramLabel = "KERNEL",
            description = "PyTorch's normal fill kernel: avx2 or generic (default: ${DEFAULT-VALUE}).")
    NormalKernel kernel = org.tokenspace.model.Settings.DEFAULTS.kernel();

    @Option(names = "--out", required = true, paramLabel = "FOLDER",
            description = "The folder for layer0.npy, layer1.npy and so on.")
    Path out;

    @Option(names = "--print", description = "Also print each layer as PyTorch prints it.")
    boolean print;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        TorchGenerator gen = new TorchGenerator(seed);
        List<AtomicFiles.Part> files = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            long[] size = layers.get(i);
            INDArray layer = Embedding.create(gen, "layer " + i, size[0], size[1], kernel); // [rows, dim]
            files.add(Npy.part("layer" + i + ".npy", layer));
            if (print) {
                spec.commandLine().getOut().println(TorchFormat.parameter(layer));
            }
        }
        AtomicFiles.writeSet(out, files); // the layers of one stream, replaced together
        spec.commandLine().getOut().flush();
        return 0;
    }
}
