package io.github.tfgan.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.tfgan.train.IterationMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The live progress line on a fake clock: no ETA until the rate is known, then the right one. */
class ProgressTest {
  private static final long SECOND = 1_000_000_000L;

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong now = new AtomicLong(123 * SECOND);

  private static IterationMetrics at(long iteration) {
    return new IterationMetrics(iteration, 1.25f, 0.75f, 0.5f, 0.5f, 2e-4f);
  }

  /** What was printed since the last call. */
  private String drawn() {
    String text = bytes.toString(StandardCharsets.UTF_8);
    bytes.reset();
    return text;
  }

  @Test
  void theFirstDrawShowsNoEtaAndNoRate() {
    Progress progress = new Progress(out, 1000, true, now::get);
    progress.update(at(1));
    String first = drawn();
    assertTrue(first.contains("1/1000"), first);
    assertTrue(first.contains("ETA --:--"), first);
    assertFalse(first.contains("it/s"), first);
    assertTrue(first.contains("D loss 1.2500"), first);
    assertTrue(first.contains("G loss 0.7500"), first);
  }

  @Test
  void beforeOneSecondOfMeasurementTheEtaStaysUnknown() {
    Progress progress = new Progress(out, 1000, true, now::get);
    progress.update(at(1));
    drawn();
    now.addAndGet(SECOND * 6 / 10); // past the redraw interval, short of RATE_KNOWN_NANOS
    progress.update(at(30));
    String second = drawn();
    assertTrue(second.contains("30/1000"), second);
    assertTrue(second.contains("ETA --:--"), second);
    assertFalse(second.contains("it/s"), second);
  }

  @Test
  void afterTheRateIsKnownTheEtaFollowsIt() {
    Progress progress = new Progress(out, 1000, true, now::get);
    progress.update(at(1));
    drawn();
    now.addAndGet(2 * SECOND);
    progress.update(at(101)); // 100 iterations in 2 s: 50 it/s, 899 left: 17.98 s
    String later = drawn();
    assertTrue(later.contains("101/1000"), later);
    assertTrue(later.contains("50.0 it/s"), later);
    assertTrue(later.contains("ETA 0:18"), later);
    assertFalse(later.contains("--:--"), later);
  }

  @Test
  void minutesAreShownAsMinutesAndSeconds() {
    Progress progress = new Progress(out, 10_000, true, now::get);
    progress.update(at(0));
    drawn();
    now.addAndGet(4 * SECOND);
    progress.update(at(40)); // 10 it/s, 9,960 left: 996 s = 16:36
    String later = drawn();
    assertTrue(later.contains("10.0 it/s"), later);
    assertTrue(later.contains("ETA 16:36"), later);
  }

  @Test
  void redrawsAtMostTwiceASecond() {
    Progress progress = new Progress(out, 1000, true, now::get);
    progress.update(at(1));
    drawn();
    now.addAndGet(SECOND / 10);
    progress.update(at(5));
    assertEquals("", drawn(), "0.1 s after a draw: nothing");
  }

  @Test
  void nothingIsDrawnWhenNotLive() {
    Progress progress = new Progress(out, 1000, false, now::get);
    progress.update(at(1));
    now.addAndGet(2 * SECOND);
    progress.update(at(101));
    progress.finish();
    assertEquals("", drawn());
    progress.println("Iteration 101: a log line");
    assertEquals("Iteration 101: a log line" + System.lineSeparator(), drawn());
  }

  @Test
  void aLogLineClearsTheLiveLineFirst() {
    Progress progress = new Progress(out, 1000, true, now::get);
    progress.update(at(1));
    drawn();
    progress.println("Iteration 1: a log line");
    assertEquals("\r\033[KIteration 1: a log line" + System.lineSeparator(), drawn());
    progress.finish();
    assertEquals("", drawn(), "nothing left to clear");
  }
}
