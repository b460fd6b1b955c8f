package dev.tgmd.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes sure Java reads and writes file names as UTF-8, whatever the user's locale.
 *
 * <p>On Linux, Java encodes file names with the character set of the locale it started in ({@code
 * sun.jnu.encoding}); under {@code LC_ALL=C} or {@code POSIX} that is ASCII and every non-ASCII
 * chat or media name throws. {@code bin/tgmd} already starts Java under a UTF-8 {@code LC_CTYPE};
 * for anyone starting the jar directly, tgmd starts itself again, once, with the same JVM options
 * and arguments and {@code LC_CTYPE=C.UTF-8}, and exits with the child's exit code. The other
 * locale categories (messages, formats) stay as the user had them.
 *
 * <p>The arguments are taken byte for byte from {@code /proc/self/cmdline} (Java has already turned
 * their non-ASCII bytes into U+FFFD) and handed to the child in a JDK argument file, which the
 * child's launcher decodes as UTF-8. Where that is not possible (no {@code /proc}, or C.UTF-8 does
 * not exist), tgmd stops with one line saying what to do, exit 2.
 */
final class Utf8Locale {

  /** Set in the child, so that it never starts a third process. */
  static final String RELAUNCHED = "TGMD_UTF8_RELAUNCH";

  /**
   * The locale the child gets for LC_CTYPE: glibc has it built in since 2.35, Debian long before.
   */
  static final String UTF8_LOCALE = "C.UTF-8";

  private static final List<String> CATEGORIES =
      List.of("LANG", "LC_COLLATE", "LC_MESSAGES", "LC_MONETARY", "LC_NUMERIC", "LC_TIME");

  private Utf8Locale() {}

  /** Whether this JVM would mangle non-ASCII file names. Windows uses wide-character APIs. */
  static boolean fileNamesBroken() {
    if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
      return false;
    }
    String jnu =
        System.getProperty("sun.jnu.encoding", "UTF-8").replace("-", "").toUpperCase(Locale.ROOT);
    return !jnu.equals("UTF8");
  }

  /**
   * Runs tgmd again under a UTF-8 LC_CTYPE and returns its exit code; or prints one line and
   * returns 2 when that cannot be done.
   */
  static int relaunch(PrintWriter err) {
    String charset = System.getProperty("sun.jnu.encoding");
    String advice =
        "tgmd: the locale's character set is "
            + charset
            + ", not UTF-8, so non-ASCII file names "
            + "cannot be read or written: run tgmd with LC_ALL="
            + UTF8_LOCALE
            + " (or any UTF-8 locale; bin/tgmd does this itself)";
    if (System.getenv(RELAUNCHED) != null) {
      err.println(advice + "; " + UTF8_LOCALE + " did not work here (see locale -a)");
      return ExitCode.BAD_INPUT.code();
    }
    byte[] cmdline;
    try {
      cmdline = Files.readAllBytes(Path.of("/proc/self/cmdline"));
    } catch (IOException | RuntimeException e) {
      err.println(advice);
      return ExitCode.BAD_INPUT.code();
    }
    Path argFile = null;
    try {
      argFile = Files.createTempFile("tgmd-args-", ".txt");
      Files.write(argFile, argumentFile(cmdline));
      ProcessBuilder pb =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(), "@" + argFile)
              .inheritIO();
      environment(pb.environment(), installedLocales());
      Process child = pb.start();
      AutoCloseable signals = forwardSignals(child);
      int code = child.waitFor();
      signals.close();
      return code;
    } catch (IOException e) {
      err.println(advice + " (starting Java again failed: " + e.getMessage() + ")");
      return ExitCode.BAD_INPUT.code();
    } catch (Exception e) {
      err.println("tgmd: unexpected error: " + e);
      return ExitCode.FAILURE.code();
    } finally {
      if (argFile != null) {
        try {
          Files.deleteIfExists(argFile);
        } catch (IOException e) {
          argFile.toFile().deleteOnExit();
        }
      }
    }
  }

  /**
   * The child's locale: LC_CTYPE UTF-8; what LC_ALL said for the other categories stays, but for a
   * locale that is not installed ({@code LANG=en_US.UTF-8} in a container without it): glibc's
   * setlocale then fails for every category, LC_CTYPE too, so such a category is dropped (it was
   * the C locale anyway).
   *
   * @param installed whether a locale of that name is installed
   */
  static void environment(Map<String, String> env, Predicate<String> installed) {
    String all = env.remove("LC_ALL");
    if (all != null && !all.isEmpty()) {
      for (String category : CATEGORIES) {
        env.put(category, all);
      }
    }
    env.entrySet()
        .removeIf(
            e ->
                (e.getKey().equals("LANG") || e.getKey().startsWith("LC_"))
                    && !e.getValue().isEmpty()
                    && !installed.test(e.getValue()));
    env.put("LC_CTYPE", UTF8_LOCALE);
    env.put(RELAUNCHED, "1");
  }

  /**
   * Which locales are installed, as {@code locale -a} lists them ({@code en_US.UTF-8} matches its
   * {@code en_US.utf8}); every one when that cannot be asked.
   */
  static Predicate<String> installedLocales() {
    try {
      Process p = new ProcessBuilder("locale", "-a").redirectErrorStream(true).start();
      p.getOutputStream().close();
      Set<String> names = new HashSet<>();
      try (BufferedReader r =
          new BufferedReader(
              new InputStreamReader(p.getInputStream(), StandardCharsets.ISO_8859_1))) {
        r.lines().forEach(line -> names.add(localeKey(line.strip())));
      }
      if (p.waitFor() != 0 || names.isEmpty()) {
        return name -> true;
      }
      return name -> {
        String key = localeKey(name);
        return key.equals("c") || key.equals("posix") || names.contains(key);
      };
    } catch (IOException e) {
      return name -> true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return name -> true;
    }
  }

  /** A locale's name as glibc matches it: case and the codeset's hyphen do not count. */
  static String localeKey(String name) {
    return name.toLowerCase(Locale.ROOT).replace("utf-8", "utf8");
  }

  /**
   * A JDK argument file holding every argument of {@code cmdline} (NUL-separated, as in {@code
   * /proc/self/cmdline}) but the first (the java command), each quoted, bytes kept as they are.
   */
  static byte[] argumentFile(byte[] cmdline) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(cmdline.length * 2);
    int start = 0;
    boolean first = true;
    for (int i = 0; i <= cmdline.length; i++) {
      if (i < cmdline.length && cmdline[i] != 0) {
        continue;
      }
      if (i == cmdline.length && start == i) {
        break; // the trailing NUL
      }
      if (!first) {
        out.write('"');
        for (int j = start; j < i; j++) {
          byte b = cmdline[j];
          switch (b) {
            case '"':
            case '\\':
              out.write('\\');
              out.write(b);
              break;
            case '\n':
              out.write('\\');
              out.write('n');
              break;
            case '\r':
              out.write('\\');
              out.write('r');
              break;
            case '\t':
              out.write('\\');
              out.write('t');
              break;
            case '\f':
              out.write('\\');
              out.write('f');
              break;
            default:
              out.write(b);
          }
        }
        out.write('"');
        out.write('\n');
      }
      first = false;
      start = i + 1;
    }
    return out.toByteArray();
  }

  /**
   * While the child runs: Ctrl-C reaches it directly (the terminal signals the whole process
   * group), so this process ignores SIGINT and waits for the child to stop gracefully; a SIGTERM
   * sent to this process is passed on.
   */
  private static AutoCloseable forwardSignals(Process child) {
    List<AutoCloseable> restore = new ArrayList<>();
    try {
      restore.add(OsSignals.ignore("INT"));
      restore.add(OsSignals.handle("TERM", signal -> child.destroy()));
    } catch (IllegalArgumentException e) {
      // a signal this platform does not have: nothing to pass on
    }
    return () -> {
      for (AutoCloseable r : restore) {
        r.close();
      }
    };
  }
}
