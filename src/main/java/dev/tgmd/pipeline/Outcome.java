package dev.tgmd.pipeline;

import java.util.Objects;

/**
 * What became of one item: its result, or the error its processing threw. Immutable; safe to share
 * between threads if the item and result are.
 *
 * @param item the item, never {@code null}
 * @param result the processor's result; {@code null} when the processing failed (and when the
 *     processor returned {@code null})
 * @param error the error the processor threw, or {@code null} when it succeeded
 * @param <I> the type of the item
 * @param <R> the type of the result
 */
public record Outcome<I, R>(I item, R result, Throwable error) {

  /** Validates: the item is present, and a failed outcome has no result. */
  public Outcome {
    Objects.requireNonNull(item, "item");
    if (error != null && result != null) {
      throw new IllegalArgumentException("an outcome has a result or an error, not both");
    }
  }

  /** A successful outcome; {@code result} may be {@code null}. */
  public static <I, R> Outcome<I, R> success(I item, R result) {
    return new Outcome<>(item, result, null);
  }

  /** A failed outcome; {@code error} must not be {@code null}. */
  public static <I, R> Outcome<I, R> failure(I item, Throwable error) {
    return new Outcome<>(item, null, Objects.requireNonNull(error, "error"));
  }

  /** Whether the item was processed without error. */
  public boolean isSuccess() {
    return error == null;
  }

  /** Whether the item's processing threw; {@link #error()} then says why. */
  public boolean isFailure() {
    return error != null;
  }
}
