package vn.hssk.imports;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/** The one place that knows which handler reads which kind of list. */
@Dependent
public class ImportHandlers {

    @Inject
    private Instance<PersonImportHandler> persons;

    /** A new handler for one run of a list of {@code kind}. */
    public ImportHandler get(ImportKind kind) {
        return switch (kind) {
            case PERSONS -> persons.get();
            case DOSES -> throw vn.hssk.shared.ProblemException.invalid(vn.hssk.shared.ProblemException.FieldError
                    .coded("kind", "import.kind", "kind is persons or doses"));
        };
    }
}
