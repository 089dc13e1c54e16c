package example;

import io.github.tfgan.config.Dataset;
import io.github.tfgan.config.GanConfig;
import io.github.tfgan.config.Presets;
import io.github.tfgan.data.Datasets;
import io.github.tfgan.data.ReadOptions;
import io.github.tfgan.export.GeneratorModel;
import io.github.tfgan.run.TrainingRun;
import java.nio.file.Path;
import java.util.Arrays;

/** Trains on a file of your own (.npy, .csv, a folder of images or IDX) and generates from it. */
public final class TrainOnYourData {
  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]); // e.g. pictures.npy, table.csv, a folder of PNG/JPEG images
    Path runDir = Path.of(args[1]);
    int iterations = Integer.parseInt(args[2]);

    io.github.tfgan.data.Dataset data = Datasets.open(file, ReadOptions.NONE);
    System.out.println(Datasets.describe(data));
    GanConfig config =
        Presets.named(Presets.forData(data.shape())).toBuilder() // stable for images, vectors for vectors
            .dataset(Dataset.CUSTOM) // your own data: images train in [-1, 1], vectors standardised
            .iterations(iterations)
            .build();
    TrainingRun run = TrainingRun.create(config, data, runDir);
    run.run();
    try (GeneratorModel generator = GeneratorModel.load(run.directory().generator())) {
      float[] samples = generator.generate(generator.noise(3, 7)); // in the data's own terms
      System.out.println("sample shape " + generator.sampleShape() + ": "
          + Arrays.toString(Arrays.copyOf(samples, generator.sampleShape().size())));
    }
  }
}
