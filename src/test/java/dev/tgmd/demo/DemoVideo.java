package dev.tgmd.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Small, valid H.264 MP4 files for the demo export, written without an encoder (the JDK has none).
 *
 * <p>Every coded macroblock is I_PCM: its raw samples follow the macroblock type, so no transform
 * or entropy coding of pixels is needed. The first frame is an IDR picture of I_PCM macroblocks
 * only; each later frame is a P picture that repaints one macroblock (an I_PCM one, mb_type 30 in a
 * P slice) and skips the rest, which copies them from the frame before (every motion vector is
 * zero, since no macroblock has one). So a frame after the first costs about 400 bytes, and the
 * picture fills tile by tile with the next colour, in a serpentine, as the video plays.
 *
 * <p>The stream is Constrained Baseline (profile 66, level 3.0), CAVLC, 4:2:0, one slice a picture,
 * deblocking off, picture order count type 2; it is muxed by hand into an ISO BMFF file (ftyp, moov
 * with one avc1 track, mdat of 4-byte length-prefixed NAL units).
 */
final class DemoVideo {

  /** Luma, Cb, Cr of the colours the tiles cycle through (all inside 16..235 or 16..240). */
  private static final int[][] COLOURS = {
    {60, 150, 110}, // dusk blue
    {150, 60, 170}, // orange
    {170, 80, 90}, // green
    {110, 130, 200}, // red
    {200, 100, 140}, // yellow
  };

  private static final int TIMESCALE = 1000;

  private DemoVideo() {}

  /**
   * An MP4 of {@code seconds} at {@code fps} frames a second, {@code width} by {@code height}
   * pixels (multiples of 16).
   */
  static byte[] mp4(int width, int height, int fps, int seconds) {
    if (width % 16 != 0 || height % 16 != 0 || TIMESCALE % fps != 0) {
      throw new IllegalArgumentException(width + "x" + height + " at " + fps + " fps");
    }
    int cols = width / 16;
    int rows = height / 16;
    byte[] sps = nal(0x67, sps(cols, rows));
    byte[] pps = nal(0x68, pps());
    int frames = seconds * fps;
    List<byte[]> samples = new ArrayList<>(frames);
    samples.add(sample(nal(0x65, idr(cols, rows))));
    for (int f = 1; f < frames; f++) {
      int tile = (f - 1) % (cols * rows);
      int row = tile / cols;
      int col = row % 2 == 0 ? tile % cols : cols - 1 - tile % cols;
      int colour = (f - 1) / (cols * rows) + 1;
      samples.add(sample(nal(0x41, p(f, cols, rows, row * cols + col, colour))));
    }
    return Mp4.write(width, height, TIMESCALE / fps, sps, pps, samples);
  }

  // ---------------------------------------------------------------------------------------------
  // H.264 (ITU-T H.264 7.3: sequence and picture parameter sets, slice header, slice data)

  private static byte[] sps(int cols, int rows) {
    Rbsp b = new Rbsp();
    b.u(66, 8); // profile_idc: Baseline
    b.u(0xC0, 8); // constraint_set0 and set1: Constrained Baseline
    b.u(30, 8); // level_idc 3.0
    b.ue(0); // seq_parameter_set_id
    b.ue(0); // log2_max_frame_num_minus4: frame_num has 4 bits
    b.ue(2); // pic_order_cnt_type: output order is decoding order
    b.ue(1); // max_num_ref_frames
    b.u(0, 1); // gaps_in_frame_num_value_allowed_flag
    b.ue(cols - 1);
    b.ue(rows - 1);
    b.u(1, 1); // frame_mbs_only_flag
    b.u(1, 1); // direct_8x8_inference_flag
    b.u(0, 1); // frame_cropping_flag
    b.u(0, 1); // vui_parameters_present_flag
    return b.trailing();
  }

  private static byte[] pps() {
    Rbsp b = new Rbsp();
    b.ue(0); // pic_parameter_set_id
    b.ue(0); // seq_parameter_set_id
    b.u(0, 1); // entropy_coding_mode_flag: CAVLC
    b.u(0, 1); // bottom_field_pic_order_in_frame_present_flag
    b.ue(0); // num_slice_groups_minus1
    b.ue(0); // num_ref_idx_l0_default_active_minus1
    b.ue(0); // num_ref_idx_l1_default_active_minus1
    b.u(0, 1); // weighted_pred_flag
    b.u(0, 2); // weighted_bipred_idc
    b.se(0); // pic_init_qp_minus26
    b.se(0); // pic_init_qs_minus26
    b.se(0); // chroma_qp_index_offset
    b.u(1, 1); // deblocking_filter_control_present_flag
    b.u(0, 1); // constrained_intra_pred_flag
    b.u(0, 1); // redundant_pic_cnt_present_flag
    return b.trailing();
  }

  /** The IDR picture: every tile in the first colour. */
  private static byte[] idr(int cols, int rows) {
    Rbsp b = new Rbsp();
    b.ue(0); // first_mb_in_slice
    b.ue(7); // slice_type: I (all slices of the picture)
    b.ue(0); // pic_parameter_set_id
    b.u(0, 4); // frame_num
    b.ue(0); // idr_pic_id
    b.u(0, 1); // no_output_of_prior_pics_flag
    b.u(0, 1); // long_term_reference_flag
    b.se(0); // slice_qp_delta
    b.ue(1); // disable_deblocking_filter_idc: off
    for (int mb = 0; mb < cols * rows; mb++) {
      b.ue(25); // mb_type: I_PCM
      pcm(b, mb % cols, mb / cols, 0);
    }
    return b.trailing();
  }

  /** A P picture that repaints macroblock {@code mb} in {@code colour} and skips all others. */
  private static byte[] p(int frame, int cols, int rows, int mb, int colour) {
    Rbsp b = new Rbsp();
    b.ue(0); // first_mb_in_slice
    b.ue(5); // slice_type: P (all slices of the picture)
    b.ue(0); // pic_parameter_set_id
    b.u(frame % 16, 4); // frame_num: one more for each reference picture
    b.u(0, 1); // num_ref_idx_active_override_flag
    b.u(0, 1); // ref_pic_list_modification_flag_l0
    b.u(0, 1); // adaptive_ref_pic_marking_mode_flag: sliding window
    b.se(0); // slice_qp_delta
    b.ue(1); // disable_deblocking_filter_idc: off
    b.ue(mb); // mb_skip_run
    b.ue(30); // mb_type: I_PCM (5 + 25 in a P slice)
    pcm(b, mb % cols, mb / cols, colour);
    int after = cols * rows - mb - 1;
    if (after > 0) {
      b.ue(after); // mb_skip_run to the end of the picture
    }
    return b.trailing();
  }

  /** pcm_alignment_zero_bits, then 256 luma and 2 x 64 chroma samples of one tile. */
  private static void pcm(Rbsp b, int col, int row, int colour) {
    b.align();
    int[] c = COLOURS[colour % COLOURS.length];
    for (int y = 0; y < 16; y++) {
      for (int x = 0; x < 16; x++) {
        // a soft diagonal ridge inside each tile, brighter towards the picture's top left
        int ridge = 12 - 3 * Math.abs(x - y) / 2;
        int luma = c[0] + Math.max(ridge, -12) - 2 * (col + row);
        b.u(Math.max(16, Math.min(235, luma)), 8);
      }
    }
    for (int plane = 1; plane <= 2; plane++) {
      for (int i = 0; i < 64; i++) {
        b.u(c[plane], 8);
      }
    }
  }

  /** A NAL unit: its header byte, then the RBSP with emulation prevention bytes (7.4.1). */
  static byte[] nal(int header, byte[] rbsp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(rbsp.length + 16);
    out.write(header);
    int zeros = 0;
    for (byte value : rbsp) {
      int v = value & 0xff;
      if (zeros >= 2 && v <= 3) {
        out.write(3);
        zeros = 0;
      }
      out.write(v);
      zeros = v == 0 ? zeros + 1 : 0;
    }
    return out.toByteArray();
  }

  /** One access unit as an MP4 sample: the NAL unit behind its 4-byte big-endian length. */
  private static byte[] sample(byte[] nal) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(nal.length + 4);
    Mp4.u32(out, nal.length);
    out.writeBytes(nal);
    return out.toByteArray();
  }

  /** Bits written most significant first, with Exp-Golomb codes (9.1). */
  private static final class Rbsp {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private int current;
    private int used;

    void u(int value, int n) {
      for (int i = n - 1; i >= 0; i--) {
        current = (current << 1) | ((value >>> i) & 1);
        if (++used == 8) {
          out.write(current);
          current = 0;
          used = 0;
        }
      }
    }

    void ue(int value) {
      int code = value + 1;
      int length = 32 - Integer.numberOfLeadingZeros(code);
      u(0, length - 1);
      u(code, length);
    }

    void se(int value) {
      ue(value > 0 ? 2 * value - 1 : -2 * value);
    }

    void align() {
      while (used != 0) {
        u(0, 1);
      }
    }

    /** rbsp_trailing_bits: a one, then zeros to the byte boundary. */
    byte[] trailing() {
      u(1, 1);
      align();
      return out.toByteArray();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // ISO BMFF (ISO/IEC 14496-12 boxes, 14496-15 avcC)

  private static final class Mp4 {

    static byte[] write(
        int width, int height, int delta, byte[] sps, byte[] pps, List<byte[]> samples) {
      byte[] ftyp =
          box("ftyp", ascii("isom"), be(0x200, 4), ascii("isom"), ascii("iso2"), ascii("avc1"));
      int payload = 0;
      for (byte[] s : samples) {
        payload += s.length;
      }
      byte[] moov = moov(width, height, delta, sps, pps, samples, 0);
      int offset = ftyp.length + moov.length + 8;
      moov = moov(width, height, delta, sps, pps, samples, offset);
      ByteArrayOutputStream out = new ByteArrayOutputStream(offset + payload);
      out.writeBytes(ftyp);
      out.writeBytes(moov);
      u32(out, 8 + payload);
      out.writeBytes(ascii("mdat"));
      for (byte[] s : samples) {
        out.writeBytes(s);
      }
      return out.toByteArray();
    }

    private static byte[] moov(
        int width,
        int height,
        int delta,
        byte[] sps,
        byte[] pps,
        List<byte[]> samples,
        int offset) {
      int n = samples.size();
      int duration = n * delta;
      int[] matrix = {0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000};
      byte[] mvhd =
          full(
              "mvhd",
              0,
              be(0, 4), // creation_time
              be(0, 4), // modification_time
              be(TIMESCALE, 4),
              be(duration, 4),
              be(0x10000, 4), // rate 1.0
              be(0x100, 2), // volume 1.0
              new byte[10],
              ints(matrix),
              new byte[24],
              be(2, 4)); // next_track_ID
      byte[] tkhd =
          full(
              "tkhd",
              3, // enabled, in movie
              be(0, 4),
              be(0, 4),
              be(1, 4), // track_ID
              new byte[4],
              be(duration, 4),
              new byte[8],
              be(0, 2), // layer
              be(0, 2), // alternate_group
              be(0, 2), // volume: not audio
              new byte[2],
              ints(matrix),
              be(width << 16, 4),
              be(height << 16, 4));
      byte[] mdhd =
          full(
              "mdhd",
              0,
              be(0, 4),
              be(0, 4),
              be(TIMESCALE, 4),
              be(duration, 4),
              be(0x55C4, 2), // language "und"
              be(0, 2));
      byte[] hdlr =
          full("hdlr", 0, be(0, 4), ascii("vide"), new byte[12], ascii("tgmd demo video\0"));
      byte[] vmhd = full("vmhd", 1, be(0, 2), new byte[6]);
      byte[] dinf = box("dinf", full("dref", 0, be(1, 4), full("url ", 1)));
      ByteArrayOutputStream sizes = new ByteArrayOutputStream();
      for (byte[] s : samples) {
        u32(sizes, s.length);
      }
      byte[] stbl =
          box(
              "stbl",
              full("stsd", 0, be(1, 4), avc1(width, height, sps, pps)),
              full("stts", 0, be(1, 4), be(n, 4), be(delta, 4)),
              full("stss", 0, be(1, 4), be(1, 4)), // only the first frame is a sync sample
              full("stsc", 0, be(1, 4), be(1, 4), be(n, 4), be(1, 4)), // one chunk of all
              full("stsz", 0, be(0, 4), be(n, 4), sizes.toByteArray()),
              full("stco", 0, be(1, 4), be(offset, 4)));
      byte[] minf = box("minf", vmhd, dinf, stbl);
      byte[] trak = box("trak", tkhd, box("mdia", mdhd, hdlr, minf));
      return box("moov", mvhd, trak);
    }

    private static byte[] avc1(int width, int height, byte[] sps, byte[] pps) {
      byte[] name = new byte[32];
      byte[] text = ascii("tgmd I_PCM");
      name[0] = (byte) text.length;
      System.arraycopy(text, 0, name, 1, text.length);
      byte[] avcC =
          box(
              "avcC",
              new byte[] {1, sps[1], sps[2], sps[3], (byte) 0xFF, (byte) 0xE1},
              be(sps.length, 2),
              sps,
              new byte[] {1},
              be(pps.length, 2),
              pps);
      return box(
          "avc1",
          new byte[6], // reserved
          be(1, 2), // data_reference_index
          new byte[16], // pre_defined, reserved
          be(width, 2),
          be(height, 2),
          be(0x00480000, 4), // 72 dpi
          be(0x00480000, 4),
          new byte[4],
          be(1, 2), // frame_count
          name,
          be(0x18, 2), // depth
          be(0xFFFF, 2), // pre_defined -1
          avcC);
    }

    private static byte[] box(String type, byte[]... parts) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      for (byte[] p : parts) {
        body.writeBytes(p);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 8);
      u32(out, body.size() + 8);
      out.writeBytes(ascii(type));
      out.writeBytes(body.toByteArray());
      return out.toByteArray();
    }

    /** A full box: version 0 and 24 bits of flags before the body. */
    private static byte[] full(String type, int flags, byte[]... parts) {
      byte[][] all = new byte[parts.length + 1][];
      all[0] = be(flags, 4);
      System.arraycopy(parts, 0, all, 1, parts.length);
      return box(type, all);
    }

    private static byte[] ints(int[] values) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int v : values) {
        u32(out, v);
      }
      return out.toByteArray();
    }

    private static byte[] be(long value, int bytes) {
      byte[] out = new byte[bytes];
      for (int i = 0; i < bytes; i++) {
        out[i] = (byte) (value >>> (8 * (bytes - 1 - i)));
      }
      return out;
    }

    private static byte[] ascii(String s) {
      return s.getBytes(StandardCharsets.US_ASCII);
    }

    static void u32(ByteArrayOutputStream out, long value) {
      out.writeBytes(be(value, 4));
    }
  }
}
