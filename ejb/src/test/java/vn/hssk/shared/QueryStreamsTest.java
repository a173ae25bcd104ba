package vn.hssk.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code Query.getResultStream()} keeps its JDBC statement and result set open until the stream is closed, and a
 * {@code findFirst()} never closes it: inside a long transaction (an import of 100,000 rows) every such lookup
 * stayed on the connection and filled the heap. Queries answer lists, closed at once.
 */
class QueryStreamsTest {

    @Test
    void noServiceLeavesAQueryStreamOpen() throws IOException {
        Path sources = Path.of("src/main/java");
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(sources)) {
            offenders = files.filter(f -> f.toString().endsWith(".java")).filter(QueryStreamsTest::streamsResults)
                    .toList();
        }
        assertEquals(List.of(), offenders, "use getResultList() instead of getResultStream()");
    }

    private static boolean streamsResults(Path file) {
        try {
            return Files.readString(file).contains(".getResultStream()");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
