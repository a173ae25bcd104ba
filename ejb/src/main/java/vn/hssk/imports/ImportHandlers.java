package vn.hssk.imports;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The one place that knows which handler reads which kind of list. */
@Dependent
public class ImportHandlers {

    @Inject
    private Instance<PersonImportHandler> persons;

    @Inject
    private Instance<DoseHistoryImport> doses;

    /** A new handler for one run of a list of {@code kind}. */
    public ImportHandler get(ImportKind kind) {
        return switch (kind) {
            case PERSONS -> persons.get();
            case DOSES -> doses.get();
        };
    }

    /** Lets go of a handler that {@link #get} made (a stateless service that asks for one per call must). */
    public void release(ImportHandler handler) {
        if (handler instanceof PersonImportHandler p) {
            persons.destroy(p);
        } else if (handler instanceof DoseHistoryImport d) {
            doses.destroy(d);
        }
    }
}
