package dev.tgmd.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Linux's /proc files read into raw figures, from copies written in a temporary folder. */
class ProcProbesTest {

  @TempDir Path dir;

  @Test
  void parsesVmHwmFromProcStatus() {
    List<String> status =
        List.of(
            "Name:\tjava", "VmPeak:\t 4000000 kB", "VmHWM:\t  123456 kB", "VmRSS:\t  100000 kB");
    assertThat(ProcProbes.parseVmHwm(status)).isEqualTo(123456L * 1024);
    assertThat(ProcProbes.parseVmHwm(List.of("Name:\tjava"))).isEqualTo(-1);
  }

  @Test
  void sumsNetDevOverEveryInterfaceButLoopback() throws IOException {
    List<String> netDev =
        List.of(
            "Inter-|   Receive                            " + "                    |  Transmit",
            " face |bytes    packets errs drop fifo frame compressed multicast"
                + "|bytes    packets errs drop fifo colls carrier compressed",
            "    lo: 5000      10    0    0    0     0          0         0"
                + "     5000      10    0    0    0     0       0          0",
            "  eth0: 1000       4    0    0    0     0          0         0"
                + "      300       3    0    0    0     0       0          0",
            " wlan0:   24       1    0    0    0     0          0         0"
                + "       12       1    0    0    0     0       0          0");
    assertThat(ProcProbes.parseNetDev(netDev)).containsExactly(1024L, 312L);
    assertThatThrownBy(() -> ProcProbes.parseNetDev(List.of("eth0: 1 2 3")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("eth0: 1 2 3");
  }

  @Test
  void theProcessProbeReadsResidentSetAndStorageIo() throws Exception {
    Path status =
        Files.writeString(
            dir.resolve("status"), "Name:\tjava\nVmHWM:\t  2048 kB\nVmRSS:\t  1024 kB\n");
    Path io =
        Files.writeString(dir.resolve("io"), "rchar: 1\nread_bytes: 4096\nwrite_bytes: 8192\n");
    RawFigures r = new RawFigures();

    ProcProbes.process(status, io).read(r);
    ProcProbes.peakRss(status).read(r);

    assertThat(r.rssBytes).isEqualTo(1024L * 1024);
    assertThat(r.diskReadBytes).isEqualTo(4096);
    assertThat(r.diskWriteBytes).isEqualTo(8192);
    assertThat(r.peakRssBytes).isEqualTo(2048L * 1024);
    assertThat(r.cpuNanos).as("not this probe's").isEqualTo(RawFigures.ABSENT);
  }

  @Test
  void aProcFileWithoutItsFigureFailsTheProbe() throws Exception {
    Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\n");
    Path io = Files.writeString(dir.resolve("io"), "read_bytes: 1\nwrite_bytes: 2\n");

    assertThatThrownBy(() -> ProcProbes.process(status, io).read(new RawFigures()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("VmRSS");
    assertThatThrownBy(() -> ProcProbes.peakRss(status).read(new RawFigures()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("VmHWM");
  }
}
