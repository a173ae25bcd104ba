package vn.hssk.imports;

import java.util.List;

/**
 * What the parts of one running execution hand each other through the job context's transient data: the header the
 * reader found for the writer's handler, and the failure the step ended with for the job's listener.
 */
final class ImportJobScratch {
    List<String> header;
    Exception failure;
}
