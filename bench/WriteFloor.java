import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor for the write stage of an export: the files an export wrote (its notes and media, not
 * {@code .tgmd} and not the metrics) written again into a new folder by a plain loop, one {@code
 * Files.write} a file (bench/floor.sh compiles and runs it on an OUT the export just made). The
 * bytes are read before the clock starts. Prints the writing's wall time and its CPU time.
 *
 * <p>{@code java -cp CLASSES WriteFloor OUT NEW-FOLDER}
 */
public final class WriteFloor {
  public static void main(String[] args) throws IOException {
    Path from = Path.of(args[0]);
    Path to = Path.of(args[1]);
    List<Path> paths = new ArrayList<>();
    List<byte[]> contents = new ArrayList<>();
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path relative = from.relativize(f);
        if (Files.isRegularFile(f)
            && !relative.startsWith(".tgmd")
            && !relative.getFileName().toString().startsWith("export_metrics")) {
          paths.add(relative);
          contents.add(Files.readAllBytes(f));
        }
      }
    }
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long wall0 = System.nanoTime();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long bytes = 0;
    for (int i = 0; i < paths.size(); i++) {
      Path target = to.resolve(paths.get(i).toString());
      Files.createDirectories(target.getParent());
      Files.write(target, contents.get(i));
      bytes += contents.get(i).length;
    }
    double wall = (System.nanoTime() - wall0) / 1e9;
    double cpu = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
    System.out.printf(
        "%d files, %d MB: write wall %.3f s, CPU %.3f s%n",
        paths.size(), bytes / 1_000_000, wall, cpu);
  }
}
