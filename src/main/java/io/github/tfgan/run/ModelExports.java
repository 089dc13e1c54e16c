package io.github.tfgan.run;

import io.github.tfgan.export.ClassifierInfo;
import io.github.tfgan.export.SavedModelExporter;
import io.github.tfgan.train.ClassifierTrainer;
import io.github.tfgan.train.GanTrainer;
import io.github.tfgan.train.ImageClassifierTrainer;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Exports what a trainer has learned as inference-only SavedModels (see {@link
 * SavedModelExporter}): the bridge between the {@code train} and {@code export} layers.
 */
public final class ModelExports {
  private ModelExports() {}

  /**
   * Exports the generator ({@code z} float32 [-1, noiseDim] → samples in the data's terms, see
   * {@link SavedModelExporter}): the moving average of its weights when the run keeps one, else its
   * weights.
   *
   * @param force replace an existing {@code dir}; without it an existing one is an error
   */
  public static void generator(GanTrainer trainer, Path dir, boolean force) throws IOException {
    SavedModelExporter.exportValues(
        trainer.architecture(),
        SavedModelExporter.Kind.GENERATOR,
        trainer.sampledGeneratorValues(),
        dir,
        force);
  }

  /** Exports the discriminator (samples → {@code probability} and {@code logits}). */
  public static void discriminator(GanTrainer trainer, Path dir, boolean force) throws IOException {
    SavedModelExporter.exportValues(
        trainer.architecture(),
        SavedModelExporter.Kind.DISCRIMINATOR,
        trainer.discriminatorValues(),
        dir,
        force);
  }

  /** Exports the classifier ({@code images} → {@code probabilities}, {@code logits}, features). */
  public static void classifier(ClassifierTrainer trainer, Path dir, boolean force)
      throws IOException {
    SavedModelExporter.exportThroughCheckpoint(
        trainer::saveCheckpoint, SavedModelExporter::classifierInference, dir, force);
  }

  /**
   * Exports an image classifier ({@code images} float32 [-1, H, W, C] → {@code probabilities} and
   * {@code logits} [-1, K], {@code features} [-1, 128]) with {@code info} (shape, class names,
   * training data) in {@code assets.extra/classifier.json}.
   *
   * @throws IllegalArgumentException if {@code info} disagrees with the trainer's shape or classes
   */
  public static void imageClassifier(
      ImageClassifierTrainer trainer, ClassifierInfo info, Path dir, boolean force)
      throws IOException {
    if (!info.shape().equals(trainer.shape()) || info.classes() != trainer.classes()) {
      throw new IllegalArgumentException(
          "info: expected shape "
              + trainer.shape()
              + " and "
              + trainer.classes()
              + " classes (the trainer's), found "
              + info.shape()
              + " and "
              + info.classes());
    }
    SavedModelExporter.exportImageClassifier(trainer::saveCheckpoint, info, dir, force);
  }
}
