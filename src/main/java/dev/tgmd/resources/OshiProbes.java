package dev.tgmd.resources;

import dev.tgmd.units.OneLine;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import oshi.SystemInfo;
import oshi.hardware.NetworkIF;
import oshi.software.os.OSProcess;

/**
 * Probes of the process's and machine's figures from OSHI, for systems without Linux's /proc files:
 * resident set and storage I/O, network traffic. OSHI loads JNA, so it is created lazily on the
 * first sample, on the monitor's thread.
 */
final class OshiProbes {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceMonitor.class);

  private OshiProbes() {}

  /**
   * OSHI's entry point, created on first use (loading JNA takes a few hundred milliseconds, so it
   * happens on the monitor's thread, not the caller's). A failure to create it is remembered and
   * thrown again at once on later uses. Thread-safe.
   */
  static final class Oshi {
    private SystemInfo systemInfo;
    private RuntimeException failure;

    synchronized SystemInfo get() {
      if (systemInfo == null && failure == null) {
        long start = System.nanoTime();
        try {
          SystemInfo si = new SystemInfo();
          si.getOperatingSystem();
          systemInfo = si;
          LOG.debug("OSHI initialised in {} ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | LinkageError e) {
          failure = new IllegalStateException("OSHI is unavailable: " + OneLine.of(e), e);
        }
      }
      if (failure != null) {
        throw failure;
      }
      return systemInfo;
    }
  }

  /** Resident set size and the process's storage I/O. */
  static final class ProcessProbe implements Probe {
    private final Oshi oshi;
    private OSProcess process;

    ProcessProbe(Oshi oshi) {
      this.oshi = oshi;
    }

    @Override
    public String name() {
      return "process";
    }

    @Override
    public void read(RawFigures into) {
      if (process == null) {
        process = oshi.get().getOperatingSystem().getCurrentProcess();
        if (process == null) {
          throw new IllegalStateException("OSHI does not see this process");
        }
      } else if (!process.updateAttributes()) {
        throw new IllegalStateException("OSHI could not update this process's figures");
      }
      into.rssBytes = process.getResidentMemory();
      into.diskReadBytes = process.getBytesRead();
      into.diskWriteBytes = process.getBytesWritten();
    }
  }

  /** Bytes received and sent by the machine, summed over its interfaces but loopback. */
  static final class NetworkProbe implements Probe {
    private final Oshi oshi;
    private List<NetworkIF> interfaces;

    NetworkProbe(Oshi oshi) {
      this.oshi = oshi;
    }

    @Override
    public String name() {
      return "network";
    }

    @Override
    public void read(RawFigures into) {
      if (interfaces == null) {
        interfaces = oshi.get().getHardware().getNetworkIFs(false);
      } else {
        for (NetworkIF nif : interfaces) {
          nif.updateAttributes();
        }
      }
      long recv = 0;
      long sent = 0;
      for (NetworkIF nif : interfaces) {
        recv += Math.max(0, nif.getBytesRecv());
        sent += Math.max(0, nif.getBytesSent());
      }
      into.netRecvBytes = recv;
      into.netSentBytes = sent;
    }
  }
}
