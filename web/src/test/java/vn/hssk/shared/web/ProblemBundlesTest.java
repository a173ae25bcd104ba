package vn.hssk.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the bundles of field errors honest: Vietnamese and English have the same keys, every message code the
 * services use has its sentence, and the features said in both languages raise no field error without a code.
 */
class ProblemBundlesTest {

    private static final Path EJB_SOURCES = Path.of(System.getProperty("basedir", "."))
            .resolve("../ejb/src/main/java").normalize();
    /** {@code FieldError.coded(field, "code", ...)} and {@code fail(field, "code", ...)}; the field has no comma. */
    private static final Pattern CODE_USE = Pattern.compile("(?:\\bcoded|\\bfail)\\(\\s*[^,()]+(?:\\([^()]*\\))?"
            + "[^,()]*,\\s*\"([A-Za-z][\\w.]*)\"\\s*,");
    /** Field errors without a code: {@code new FieldError(f, msg)}, {@code invalid(f, msg)}, {@code fail(f, msg)}. */
    private static final Pattern UNCODED = Pattern.compile("new FieldError\\(\\s*\"|\\b(?:invalid|conflict)\\(\\s*"
            + "(?:\"|\\w+\\s*,)|new ProblemException\\(\\s*\\d+\\s*,\\s*(?:\"|\\w+\\s*,)"
            + "|\\bfail\\(\\s*[^,()]+,\\s*\"[^\"]*[\\s'][^\"]*\"\\s*[)+]");
    private static final List<String> SAID_IN_BOTH = List.of("vn/hssk/record", "vn/hssk/imports",
            "vn/hssk/immunization", "vn/hssk/care", "vn/hssk/consult", "vn/hssk/claims", "vn/hssk/fhir", "vn/hssk/reorganization");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> vi = load("problems.properties").stringPropertyNames();
        Set<String> en = load("problems_en.properties").stringPropertyNames();
        assertEquals(new TreeSet<>(), minus(vi, en), "in Vietnamese but not in English");
        assertEquals(new TreeSet<>(), minus(en, vi), "in English but not in Vietnamese");
        assertTrue(load("problems_vi.properties").isEmpty(), "Vietnamese is the default file; _vi stays empty");
    }

    @Test
    void everyCodeTheServicesUseHasItsSentence() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(EJB_SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CODE_USE.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        assertTrue(codes.size() > 100, "the scan finds the codes: " + codes);
        assertTrue(codes.containsAll(List.of("required", "import.sex", "dose.tooEarly", "lot.expired")),
                codes::toString);
        for (String file : List.of("problems.properties", "problems_en.properties")) {
            Properties bundle = load(file);
            List<String> missing = codes.stream().filter(c -> bundle.getProperty("problem." + c) == null).toList();
            assertEquals(List.of(), missing, "codes without a sentence in " + file);
        }
    }

    @Test
    void recordsImportsAndImmunizationRaiseNoFieldErrorWithoutACode() throws IOException {
        List<String> uncoded = new ArrayList<>();
        for (String feature : SAID_IN_BOTH) {
            try (Stream<Path> files = Files.walk(EJB_SOURCES.resolve(feature))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String source = Files.readString(file);
                    Matcher m = UNCODED.matcher(source);
                    while (m.find()) {
                        long line = source.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
                        uncoded.add(file.getFileName() + ":" + line + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), uncoded, "field errors said in English only");
    }

    /** An apostrophe quotes in MessageFormat: a sentence must write it doubled or not at all. */
    @Test
    void noSentenceLosesItsTextToAStrayApostrophe() throws IOException {
        for (String file : List.of("problems.properties", "problems_en.properties")) {
            Properties bundle = load(file);
            for (String key : bundle.stringPropertyNames()) {
                String value = bundle.getProperty(key);
                assertTrue(!value.replace("''", "").contains("'"), file + " " + key + ": " + value);
            }
        }
    }

    /** A key written twice keeps only its last sentence: the other code says another feature's words. */
    @Test
    void noBundleWritesAKeyTwice() throws IOException {
        Path bundles = Path.of(System.getProperty("basedir", ".")).resolve("src/main/resources/vn/hssk/i18n");
        List<String> twice = new ArrayList<>();
        try (Stream<Path> files = Files.list(bundles)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Set<String> keys = new TreeSet<>();
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String trimmed = line.strip();
                    int equals = trimmed.indexOf('=');
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 0) {
                        continue;
                    }
                    String key = trimmed.substring(0, equals).strip();
                    if (!keys.add(key)) {
                        twice.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertEquals(List.of(), twice);
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProblemBundlesTest.class.getResourceAsStream("/vn/hssk/i18n/" + name);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
