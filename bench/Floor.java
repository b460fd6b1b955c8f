import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The floor for any JVM converter of a Telegram export: one Jackson streaming pass over every token
 * of result.json, built from tgmd's own jar (bench/floor.sh compiles and runs it). Strings are
 * decoded (getText) as a converter must; nothing else is done with them.
 */
public final class Floor {
  public static void main(String[] args) throws Exception {
    long tokens = 0;
    long chars = 0;
    // tdesktop writes \x07-style escapes (not JSON): accepted here as the escaped character
    JsonFactory factory =
        JsonFactory.builder().enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER).build();
    try (InputStream in = Files.newInputStream(Path.of(args[0]));
        JsonParser p = factory.createParser(in)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        tokens++;
        if (t == JsonToken.VALUE_STRING) {
          chars += p.getTextLength();
        }
      }
    }
    System.out.println(tokens + " tokens, " + chars + " string chars");
  }
}
