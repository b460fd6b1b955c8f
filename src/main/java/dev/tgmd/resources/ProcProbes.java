package dev.tgmd.resources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import oshi.util.FileUtil;

/**
 * Probes of the process's and machine's figures from Linux's /proc files, read with OSHI's file
 * utilities (which load no native code): resident set and storage I/O, network traffic, and the
 * kernel's peak resident set (VmHWM).
 */
final class ProcProbes {

  /** Where Linux tells a process its resident set size (VmRSS) and its peak (VmHWM). */
  static final Path SELF_STATUS = Path.of("/proc/self/status");

  /** Where Linux tells a process its storage I/O. */
  static final Path SELF_IO = Path.of("/proc/self/io");

  /** Where Linux tells the machine's network traffic per interface. */
  static final Path NET_DEV = Path.of("/proc/net/dev");

  private ProcProbes() {}

  /**
   * RSS (VmRSS in /proc/self/status) and storage I/O (read_bytes, write_bytes in /proc/self/io).
   */
  static Probe process(Path status, Path io) {
    return Probe.of(
        "process",
        r -> {
          Map<String, String> s = FileUtil.getKeyValueMapFromFile(status.toString(), ":");
          r.rssBytes = kibibytes(s.get("VmRSS"), "VmRSS", status);
          Map<String, String> i = FileUtil.getKeyValueMapFromFile(io.toString(), ":");
          r.diskReadBytes = number(i.get("read_bytes"), "read_bytes", io);
          r.diskWriteBytes = number(i.get("write_bytes"), "write_bytes", io);
        });
  }

  /** Bytes received and sent by the machine, summed over its interfaces but loopback. */
  static Probe network(Path netDev) {
    return Probe.of(
        "network",
        r -> {
          long[] totals = parseNetDev(FileUtil.readFile(netDev.toString(), false));
          r.netRecvBytes = totals[0];
          r.netSentBytes = totals[1];
        });
  }

  /** The kernel's peak resident set size, VmHWM in a /proc/PID/status file. */
  static Probe peakRss(Path status) {
    return Probe.of(
        "vmhwm",
        r -> {
          long bytes = parseVmHwm(Files.readAllLines(status, StandardCharsets.ISO_8859_1));
          if (bytes < 0) {
            throw new IOException("no VmHWM line in " + status);
          }
          r.peakRssBytes = bytes;
        });
  }

  /**
   * Sums /proc/net/dev's received and sent bytes ("lo: 123 ... ", receive bytes first, transmit
   * bytes ninth) over every interface but loopback.
   */
  static long[] parseNetDev(List<String> lines) throws IOException {
    long recv = 0;
    long sent = 0;
    for (String line : lines) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue; // the two header lines
      }
      String name = line.substring(0, colon).trim();
      if (name.equals("lo")) {
        continue;
      }
      String[] f = line.substring(colon + 1).trim().split("\\s+");
      if (f.length < 9) {
        throw new IOException("unexpected /proc/net/dev line: " + line);
      }
      recv += Long.parseLong(f[0]);
      sent += Long.parseLong(f[8]);
    }
    return new long[] {recv, sent};
  }

  /** The VmHWM line of /proc/PID/status in bytes ({@code VmHWM: 123456 kB}), or -1. */
  static long parseVmHwm(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        long value = Long.parseLong(parts[0]);
        String unit = parts.length > 1 ? parts[1] : "kB";
        switch (unit) {
          case "kB":
            return value * 1024;
          case "mB":
          case "MB":
            return value * 1024 * 1024;
          default:
            return value;
        }
      }
    }
    return -1;
  }

  private static long kibibytes(String value, String key, Path file) throws IOException {
    if (value == null) {
      throw new IOException("no " + key + " in " + file);
    }
    String[] parts = value.trim().split("\\s+");
    return Long.parseLong(parts[0]) * (parts.length > 1 && parts[1].equals("kB") ? 1024 : 1);
  }

  private static long number(String value, String key, Path file) throws IOException {
    if (value == null) {
      throw new IOException("no " + key + " in " + file);
    }
    return Long.parseLong(value.trim());
  }
}
