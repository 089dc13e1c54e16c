package example;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.DatasetLoader;
import io.github.tfgan.data.ImageData;
import io.github.tfgan.run.LogLineListener;
import io.github.tfgan.run.RunSummary;
import io.github.tfgan.run.TrainingRun;
import io.github.tfgan.train.TrainingListener;
import java.nio.file.Path;

/** Trains the stable preset, with a listener of its own, into a run directory with exports. */
public final class TrainAndExport {
  public static void main(String[] args) throws Exception {
    Path dataDir = args[0].equals("-") ? null : Path.of(args[0]); // IDX files; null: fetch MNIST
    Path runDir = Path.of(args[1]);
    int iterations = Integer.parseInt(args[2]);

    ImageData data = new DatasetLoader(DatasetLoader.DEFAULT_CACHE).loadTraining(Dataset.MNIST, dataDir);
    GanConfig config = Presets.stable().toBuilder().iterations(iterations).sampleEvery(0).build();
    float[] lowestGLoss = {Float.MAX_VALUE};
    TrainingRun run =
        TrainingRun.create(config, data, runDir)
            .listener(new LogLineListener(System.out::println, 10))
            .listener(TrainingListener.each(m -> lowestGLoss[0] = Math.min(lowestGLoss[0], m.gLoss())));
    RunSummary summary = run.run();
    System.out.printf("%d iterations, %.2f ms each, lowest G loss %.4f%n",
        summary.iterations(), summary.msPerIteration(), lowestGLoss[0]);
    System.out.println("generator exported to " + run.directory().generator());
  }
}
