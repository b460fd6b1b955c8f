package dev.tgmd.recording;

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
final class NamedInstances<T> {

  private final ConcurrentHashMap<String, T> byName = new ConcurrentHashMap<>();
  private final Queue<String> order = new ConcurrentLinkedQueue<>();

  /** The thing of that name, created with {@code create} on first use. */
  T get(String name, Function<String, T> create) {
    T found = byName.get(name);
    if (found != null) {
      return found;
    }
    boolean[] created = {false};
    T thing =
        byName.computeIfAbsent(
            name,
            n -> {
              created[0] = true;
              return create.apply(n);
            });
    if (created[0]) {
      order.add(name); // after it is in the map, so that every listed name can be found
    }
    return thing;
  }

  /** The names, in creation order; a thing being created at this moment may be missing. */
  List<String> names() {
    return new ArrayList<>(order);
  }

  /** The thing of that name, or null. */
  T find(String name) {
    return byName.get(name);
  }
}
