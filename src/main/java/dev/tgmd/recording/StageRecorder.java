package dev.tgmd.recording;

/**
 * The measurements of one named stage (fetch, process, write, media...). Thread-safe.
 *
 * <p>Obtain it once with {@link MetricsCollector#stage(String)} when the run is wired, then hand
 * each worker thread its own {@link #newTimer() timer}.
 */
public interface StageRecorder {

  /** The stage's name as it appears in the report. */
  String name();

  /**
   * Declares how many threads work in this stage; used for its utilization. When it is never
   * called, the number of timers created with {@link #newTimer()} is used.
   */
  void setWorkers(int workers);

  /** A new timer for one worker thread of this stage. */
  StageTimer newTimer();

  /**
   * Adds wall-clock time during which this stage was running (for example one pipeline run), in
   * nanoseconds. Utilization is busy time / (wall time x workers).
   */
  void addWallNanos(long nanos);

  /**
   * Records what the stage read from its input: the files' names in reading order and the bytes
   * taken from them (the last call wins). Does nothing unless the recorder keeps it.
   */
  default void recordRead(java.util.List<String> files, long bytes) {}
}
