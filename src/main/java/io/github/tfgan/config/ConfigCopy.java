package io.github.tfgan.config;

/** {@link GanConfig#toBuilder()}: a builder holding every field of a configuration. */
final class ConfigCopy {
  private ConfigCopy() {}

  static GanConfig.Builder of(GanConfig c) {
    return GanConfig.builder()
        .dataset(c.dataset())
        .iterations(c.iterations())
        .batchSize(c.batchSize())
        .noiseDim(c.noiseDim())
        .learningRate(c.learningRate())
        .beta1(c.beta1())
        .beta2(c.beta2())
        .epsilon(c.epsilon())
        .lrDecayRate(c.lrDecayRate())
        .lrDecaySteps(c.lrDecaySteps())
        .clipNorm(c.clipNorm())
        .realLabel(c.realLabel())
        .loss(c.loss())
        .generatorLearningRate(c.generatorLearningRate())
        .r1Gamma(c.r1Gamma())
        .r1Every(c.r1Every())
        .gpGamma(c.gpGamma())
        .emaDecay(c.emaDecay())
        .emaWarmup(c.emaWarmup())
        .updates(c.updates())
        .seed(c.seed())
        .logEvery(c.logEvery())
        .sampleEvery(c.sampleEvery())
        .checkpointEvery(c.checkpointEvery())
        .keepCheckpoints(c.keepCheckpoints())
        .net(c.net())
        .conditional(c.conditional());
  }
}
