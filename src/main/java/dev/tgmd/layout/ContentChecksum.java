package dev.tgmd.layout;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The checksum tgmd records of the notes it writes, to tell later whether a file is still what it
 * wrote: the CRC-32C of the bytes in the high 32 bits and their CRC-32 in the low ones, as 16
 * lowercase hex digits. Both run on the processor's CRC instructions, in the C1-compiled code
 * {@code bin/tgmd} runs (tens of GB/s), where SHA-256 has no intrinsic and ran at 75 MB/s, a
 * quarter of the write thread's time. Two polynomials make two different contents collide with a
 * chance of about 2^-64; nobody forges a note against its owner, so no cryptographic hash is
 * needed. Not thread-safe.
 */
final class ContentChecksum {

  private final CRC32C high = new CRC32C();
  private final CRC32 low = new CRC32();

  void update(byte[] b, int off, int len) {
    high.update(b, off, len);
    low.update(b, off, len);
  }

  /** The checksum of the bytes so far, as 16 lowercase hex digits. */
  String hex() {
    return HexFormat.of().toHexDigits((high.getValue() << 32) | low.getValue());
  }

  /** {@code out}, with every byte written through it added to this checksum. */
  OutputStream tee(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(int b) throws IOException {
        byte[] one = {(byte) b};
        write(one, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        update(b, off, len);
        out.write(b, off, len);
      }
    };
  }
}
