package vn.hssk.imports.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import vn.hssk.imports.ImportLimits;
import vn.hssk.imports.PersonFile;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;

/**
 * Where an uploaded resident list waits on disk: on the import screen between the upload and the start of its job
 * (while the user checks the encoding and the columns), for the synchronous REST import while it is judged. It is
 * copied from the upload as a stream, so a 100k-row list never sits in memory and nothing lives in a JVM-wide map.
 * The directory is {@code hssk.import.dir} (a volume every node mounts, when several nodes serve without sticky
 * sessions), by default the server's temporary directory. Files are removed once a job has stored them, when the
 * screen is left and, at the latest, a day after the upload. An upload larger than {@link ImportLimits#maxBytes()} is
 * refused (413) and not kept, so both read a file that is complete and within the limit.
 */
public final class ImportUploads {

    private static final Duration KEEP = Duration.ofDays(1);

    private ImportUploads() {
    }

    static Path directory() {
        String configured = System.getProperty("hssk.import.dir");
        Path dir = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("jboss.server.temp.dir", System.getProperty("java.io.tmpdir")),
                "hssk-imports");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Stores an upload under a random name and answers the name (never a path the browser could choose); over the
     * import limit, nothing is kept and the upload is refused with 413.
     */
    public static String store(InputStream upload) throws IOException {
        Path dir = directory();
        removeOld(dir);
        String name = UUID.randomUUID() + ".upload";
        try {
            Files.copy(ImportLimits.limited(upload), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(dir.resolve(name));
            throw e;
        }
        return name;
    }

    public static InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    public static void remove(String name) {
        if (name == null) {
            return;
        }
        try {
            Files.deleteIfExists(resolve(name));
        } catch (IOException e) {
            // an old upload is removed by the next upload's sweep
        }
    }

    /** The header row of a stored list, read without going through the rest of the file. */
    static List<String> header(String name, PersonFile.Format format, PersonFile.Encoding encoding)
            throws IOException {
        ProblemException stop = new ProblemException(200, null, "header read");
        List<List<String>> header = new java.util.ArrayList<>(1);
        try (InputStream in = open(name)) {
            PersonFile.read(in, format, encoding, new PersonFile.Rows() {
                @Override
                public void header(List<String> cells) {
                    header.add(cells);
                    throw stop;
                }

                @Override
                public void row(int line, int record, List<String> cells) {
                    throw stop;
                }
            });
        } catch (ProblemException e) {
            if (e != stop) {
                throw e;
            }
        }
        if (header.isEmpty()) {
            throw ProblemException.invalid(FieldError.coded("file", "import.noHeader", "The file has no header line"));
        }
        return header.get(0);
    }

    private static Path resolve(String name) {
        if (!name.matches("[0-9a-f-]{36}\\.upload")) {
            throw new IllegalArgumentException("Not an upload name: " + name);
        }
        return directory().resolve(name);
    }

    private static void removeOld(Path dir) {
        Instant limit = Instant.now().minus(KEEP);
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.getFileName().toString().endsWith(".upload")).forEach(p -> {
                try {
                    if (Files.getLastModifiedTime(p).toInstant().isBefore(limit)) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // another node may have removed it
                }
            });
        } catch (IOException e) {
            // the sweep is best effort
        }
    }
}
