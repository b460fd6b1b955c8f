package dev.tgmd.recording;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.tgmd.units.Figures;

/**
 * One cache, under {@code caches.<name>} in the report. Immutable.
 *
 * <ul>
 *   <li>{@code hits}, {@code misses}: lookups that found, or did not find, their entry.
 *   <li>{@code hit_rate_pct} (derived): {@code hits / (hits + misses) x 100}; null when there was
 *       no lookup.
 *   <li>{@code evictions}: entries evicted to keep the cache bounded.
 *   <li>{@code entries}, {@code size_bytes}: the size last reported with {@code
 *       CacheRecorder.size}.
 * </ul>
 */
@JsonPropertyOrder({"hits", "misses", "hit_rate_pct", "evictions", "entries", "size_bytes"})
@JsonIgnoreProperties(
    value = {"hit_rate_pct"},
    allowGetters = true)
public record CacheReport(
    @JsonProperty("hits") long hits,
    @JsonProperty("misses") long misses,
    @JsonProperty("evictions") long evictions,
    @JsonProperty("entries") long entries,
    @JsonProperty("size_bytes") long sizeBytes) {

  /** Validates that every count is non-negative. */
  public CacheReport {
    Figures.nonNegative(hits, "hits");
    Figures.nonNegative(misses, "misses");
    Figures.nonNegative(evictions, "evictions");
    Figures.nonNegative(entries, "entries");
    Figures.nonNegative(sizeBytes, "size_bytes");
  }

  /** {@code hits / (hits + misses) x 100}, from 0 to 100; null when there was no lookup. */
  @JsonProperty("hit_rate_pct")
  public Double hitRatePct() {
    double lookups = (double) hits + (double) misses;
    return lookups == 0 ? null : Figures.finiteOrNull(hits * 100d / lookups);
  }
}
