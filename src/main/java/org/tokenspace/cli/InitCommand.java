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
@Command(name = "init", mixinStandardHelpOptions = true, description = "Create embedding layers from one seeded stream and write them as .npy.")
final class InitCommand implements Callable<Integer> {
    @Option(names = "--seed", required = true, converter = Converters.Seed.class, description = "torch.manual_seed")
    long seed;

    @Option(names = "--layer", required = true, converter = Converters.Layer.class,
            description = "ROWSxDIM, e.g. 6x3; repeat for consecutive layers")
    List<long[]> layers;

    @Option(names = "--kernel", converter = Converters.Kernel.class, description = "avx2 (default) or generic")
    NormalKernel kernel = NormalKernel.AVX2;

    @Option(names = "--out", required = true, description = "folder for layer0.npy, layer1.npy, ...")
    Path out;

    @Option(names = "--print", description = "also print each layer as PyTorch prints it")
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
