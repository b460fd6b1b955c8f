package dev.tgmd.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * Named things created on first use and listed in creation order. Thread-safe; a lookup of an
 * existing name takes no lock.
 */
final class Registry<T> {

  private final ConcurrentHashMap<String, T> byName = new ConcurrentHashMap<>();
  private final Queue<String> order = new ConcurrentLinkedQueue<>();

  /** The thing of that name, created with {@code create} on first use. */
  T get(String name, Function<String, T> create) {
    T found = byName.get(name);
    if (found != null) {
      return found;
    }
    return byName.computeIfAbsent(
        name,
        n -> {
          T created = create.apply(n);
          order.add(n);
          return created;
        });
  }

  /** The names, in creation order. */
  List<String> names() {
    return new ArrayList<>(order);
  }

  /** The thing of that name, or null. */
  T find(String name) {
    return byName.get(name);
  }
}
