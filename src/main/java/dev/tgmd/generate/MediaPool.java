package dev.tgmd.generate;

import java.nio.charset.StandardCharsets;

/**
 * The 64 distinct small file contents (1 to 8 KiB, vCards smaller) that every generated media file
 * is drawn from, so that many differently named files share their content, as when the same photo
 * is sent again. Contents start with their format's magic number; the rest is seeded noise.
 * Immutable once built.
 */
final class MediaPool {

  static final int JPEGS = 20;
  static final int OGGS = 8;
  static final int MP4S = 8;
  static final int WEBPS = 8;
  static final int DOCUMENTS = 12;
  static final int MP3S = 4;
  static final int VCARDS = 4;
  static final int SIZE = JPEGS + OGGS + MP4S + WEBPS + DOCUMENTS + MP3S + VCARDS;

  private final byte[][] jpeg = new byte[JPEGS][];
  private final byte[][] ogg = new byte[OGGS][];
  private final byte[][] mp4 = new byte[MP4S][];
  private final byte[][] webp = new byte[WEBPS][];
  private final byte[][] pdf = new byte[DOCUMENTS / 3][];
  private final byte[][] zip = new byte[DOCUMENTS / 3][];
  private final byte[][] text = new byte[DOCUMENTS / 3][];
  private final byte[][] mp3 = new byte[MP3S][];
  private final byte[][] vcard = new byte[VCARDS][];

  MediaPool(long seed) {
    Rng rng = Rng.derive(seed, -1);
    fill(jpeg, rng, bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0), bytes(0xFF, 0xD9));
    fill(ogg, rng, ascii("OggS\0\2"), new byte[0]);
    fill(mp4, rng, ascii("\0\0\0\u0018ftypmp42\0\0\0\0mp42isom"), new byte[0]);
    fill(webp, rng, ascii("RIFF\0\0\0\0WEBPVP8 "), new byte[0]);
    fill(pdf, rng, ascii("%PDF-1.4\n"), ascii("\n%%EOF\n"));
    fill(zip, rng, bytes('P', 'K', 3, 4), new byte[0]);
    for (int i = 0; i < text.length; i++) {
      StringBuilder sb = new StringBuilder();
      int size = 1024 + rng.nextInt(7 * 1024);
      while (sb.length() < size) {
        sb.append(rng.pick(Vocabulary.EN)).append(rng.chance(0.1) ? '\n' : ' ');
      }
      text[i] = sb.toString().getBytes(StandardCharsets.UTF_8);
    }
    fill(mp3, rng, ascii("ID3\u0004\0\0\0\0\0\0"), new byte[0]);
    for (int i = 0; i < VCARDS; i++) {
      String[] c = Vocabulary.CONTACTS[i];
      vcard[i] =
          ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:"
                  + c[0]
                  + " "
                  + c[1]
                  + "\r\nN:"
                  + c[1]
                  + ";"
                  + c[0]
                  + ";;;\r\nTEL;TYPE=CELL:"
                  + c[2].replace(" ", "")
                  + "\r\nEND:VCARD\r\n")
              .getBytes(StandardCharsets.UTF_8);
    }
  }

  byte[] jpeg(int i) {
    return jpeg[i];
  }

  byte[] ogg(int i) {
    return ogg[i];
  }

  byte[] mp4(int i) {
    return mp4[i];
  }

  byte[] webp(int i) {
    return webp[i];
  }

  byte[] mp3(int i) {
    return mp3[i];
  }

  byte[] vcard(int i) {
    return vcard[i];
  }

  /** A document's content, of a kind that fits its file name's extension. */
  byte[] document(String fileName, int i) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".pdf")) {
      return pdf[i % pdf.length];
    }
    if (lower.endsWith(".zip") || lower.endsWith("x")) {
      return zip[i % zip.length];
    }
    return text[i % text.length];
  }

  private static void fill(byte[][] into, Rng rng, byte[] head, byte[] tail) {
    for (int i = 0; i < into.length; i++) {
      int size = 1024 + rng.nextInt(7 * 1024);
      byte[] b = new byte[size];
      System.arraycopy(head, 0, b, 0, head.length);
      for (int j = head.length; j < size - tail.length; j++) {
        b[j] = (byte) rng.nextLong();
      }
      System.arraycopy(tail, 0, b, size - tail.length, tail.length);
      into[i] = b;
    }
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
