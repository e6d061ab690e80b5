import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates many XML files against XSD 1.0 schemas with javax.xml.validation, in one JVM.
 *
 * <p>Reads tasks from standard input, one per line: {@code SCHEMA<TAB>DOCUMENT} (both file
 * paths), or {@code SCHEMA<TAB>} alone to only compile the schema. Each schema is compiled once.
 * Prints one verdict line per task, in order:
 *
 * <pre>
 *   N&lt;TAB&gt;VALID
 *   N&lt;TAB&gt;COMPILED
 *   N&lt;TAB&gt;INVALID&lt;TAB&gt;first error
 *   N&lt;TAB&gt;SCHEMA-ERROR&lt;TAB&gt;why the schema does not compile
 * </pre>
 *
 * where N counts the tasks from 0. Exits 0 unless the input itself cannot be read.
 */
public final class XsdValidate {
  private static final ErrorHandler STRICT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  private XsdValidate() {}

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
  }

  public static void main(String[] args) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
    factory.setErrorHandler(STRICT);
    Map<String, Object> schemas = new HashMap<>();  // a Schema, or the exception compiling it

    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) {
        continue;
      }
      String[] task = line.split("\t", -1);
      String schemaPath = task[0];
      String documentPath = task.length > 1 ? task[1] : "";
      Object compiled = schemas.get(schemaPath);
      if (compiled == null) {
        try {
          compiled = factory.newSchema(new File(schemaPath));
        } catch (SAXException e) {
          compiled = e;
        }
        schemas.put(schemaPath, compiled);
      }
      out.append(n++).append('\t');
      if (compiled instanceof Exception) {
        out.append("SCHEMA-ERROR\t").append(oneLine((Exception) compiled));
      } else if (documentPath.isEmpty()) {
        out.append("COMPILED");
      } else {
        Validator validator = ((Schema) compiled).newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.setErrorHandler(STRICT);
        try {
          validator.validate(new StreamSource(new File(documentPath)));
          out.append("VALID");
        } catch (SAXException e) {
          out.append("INVALID\t").append(oneLine(e));
        }
      }
      out.append('\n');
    }
    System.out.print(out);
    System.out.flush();
  }
}
