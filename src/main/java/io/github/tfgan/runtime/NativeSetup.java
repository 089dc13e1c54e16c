package io.github.tfgan.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Process-wide TensorFlow settings that TensorFlow reads from the environment when its native
 * library starts, set from Java before that happens.
 *
 * <p>oneDNN: TF Java 1.1.0's native library leaves oneDNN's CPU kernels off unless {@code
 * TF_ENABLE_ONEDNN_OPTS=1} is in the process environment (TensorFlow turns them on by default only
 * on CPUs with AVX-512 neural-network instructions such as VNNI). With them, MatMul, the fused
 * MatMul + bias + activation and their gradients run on oneDNN's GEMM, which measured faster here
 * (README, "Speed"). Java's {@code System.getenv} is read-only, so this calls the C library's
 * {@code setenv} through JNA.
 *
 * <p>Thread pools: TensorFlow shares one intra-op pool across the process, sized by the first
 * session's {@code intra_op_parallelism_threads}, unless {@code TF_OVERRIDE_GLOBAL_THREADPOOL=1};
 * then each session has the pool its own configuration asks for. Training asks for one thread per
 * op and two ops at once ({@code TrainerOptions.DEFAULT}), while exports, sampling and the
 * benchmark's other variants want TensorFlow's defaults, so {@link #prepare} asks for per-session
 * pools.
 */
public final class NativeSetup {
  /** TensorFlow's switch for oneDNN's CPU kernels: "1" on, "0" off. */
  public static final String ONEDNN_VARIABLE = "TF_ENABLE_ONEDNN_OPTS";

  /** TensorFlow's switch for per-session intra-op thread pools: "1" on. */
  public static final String THREADPOOL_VARIABLE = "TF_OVERRIDE_GLOBAL_THREADPOOL";

  /** TensorFlow's native log threshold: 0 all, 1 no INFO, 2 no WARNING, 3 no ERROR. */
  public static final String LOG_LEVEL_VARIABLE = "TF_CPP_MIN_LOG_LEVEL";

  private static boolean applied;

  private NativeSetup() {}

  private interface LibC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /**
   * Turns oneDNN on for this process unless the environment already says either way (so {@code
   * TF_ENABLE_ONEDNN_OPTS=0} still turns it off). Call it before any TensorFlow class is used: the
   * setting is read once, when TensorFlow's native library starts. Does nothing where the C library
   * cannot be reached (the default, oneDNN off, then applies).
   *
   * @return whether oneDNN was asked for (by this call or by the environment)
   */
  public static synchronized boolean enableOneDnn() {
    String given = System.getenv(ONEDNN_VARIABLE);
    if (given != null) {
      return given.equals("1") || given.equalsIgnoreCase("true");
    }
    if (!applied) {
      try {
        LibC c = Native.load("c", LibC.class);
        applied = c.setenv(ONEDNN_VARIABLE, "1", 0) == 0;
      } catch (UnsatisfiedLinkError | RuntimeException e) {
        applied = false;
      }
    }
    return applied;
  }

  /**
   * Gives each session the intra-op thread pool its configuration asks for, unless the environment
   * already says either way. Like {@link #enableOneDnn}, this only takes effect before TensorFlow
   * loads.
   */
  public static synchronized void perSessionThreadPools() {
    // Java's view of the environment never shows what setenv added, so a flag keeps this to one
    // call of the C library per process (prepare() runs at every session's opening).
    if (threadPoolsAsked || System.getenv(THREADPOOL_VARIABLE) != null) {
      return;
    }
    threadPoolsAsked = true;
    try {
      Native.load("c", LibC.class).setenv(THREADPOOL_VARIABLE, "1", 0);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      // the process-wide pool, sized by the first session, then applies: slower training
    }
  }

  private static boolean threadPoolsAsked;

  /**
   * Whether TensorFlow's native INFO lines are printed: off by default (a library should not write
   * to the process's standard error), on with {@code nativeLogging(true)} (the command line's
   * {@code --verbose}), and as the environment says when {@code TF_CPP_MIN_LOG_LEVEL} is set. Call
   * it before TensorFlow loads; the part that TensorFlow reads from the environment cannot change
   * afterwards.
   */
  public static synchronized void nativeLogging(boolean verbose) {
    loggingChosen = true;
    if (verbose || System.getenv(LOG_LEVEL_VARIABLE) != null) {
      return;
    }
    try {
      // 2: no INFO and no WARNING lines; errors reach the caller as exceptions anyway
      Native.load("c", LibC.class).setenv(LOG_LEVEL_VARIABLE, "2", 0);
    } catch (UnsatisfiedLinkError | RuntimeException e) {
      // TensorFlow's default level then applies
    }
  }

  /**
   * Everything this class sets, with the library's defaults: oneDNN on ({@link #enableOneDnn}),
   * per-session thread pools ({@link #perSessionThreadPools}) and native logging quiet ({@code
   * nativeLogging(false)}) unless a choice was made already (the command line makes it first).
   * Every class that can be the first to load TensorFlow calls this before it does.
   */
  public static synchronized void prepare() {
    enableOneDnn();
    perSessionThreadPools();
    if (!loggingChosen) {
      nativeLogging(false);
    }
  }

  private static boolean loggingChosen;
}
