package dev.tgmd.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of consecutive items travelling together through the pipeline, with their outcomes once
 * processed. Handed from thread to thread through {@link RunState}'s queue and lock, which publish
 * its fields safely; each field is written by one stage before the hand-off and only read after.
 */
final class Batch<I, R> {

  /** Tells a worker to stop; never processed or written. */
  static final Batch<Object, Object> POISON = new Batch<>(0);

  /** Position in input order, assigned when the batch is published; -1 before. */
  long seq = -1;

  /** The items, in input order; filled by the fetch thread. */
  final List<I> items;

  /** The items' total weight (see {@code AsyncPipeline.Builder#weigh}); set by the fetch thread. */
  long weight;

  /** One outcome per item, in the same order; set by the worker that processed the batch. */
  List<Outcome<I, R>> outcomes;

  Batch(int capacity) {
    this.items = new ArrayList<>(capacity);
  }
}
