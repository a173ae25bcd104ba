package vn.hssk.fhir;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * Reads the export's sources ({@link FhirExportSources}) in order, a page of rows at a time, each row already turned
 * into its NDJSON lines. It starts after the export's last committed row ({@code fhir_export.source, last_row},
 * committed with each chunk's parts), so a resumed export writes each row once, whichever node resumes it.
 */
@Named("fhirExportReader")
@Dependent
public class FhirExportReader extends AbstractItemReader {

    static final String TENANT = "tenant";
    static final String EXPORT = "export";
    private static final int PAGE = 200;

    @Inject
    private JobContext jobContext;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    private TenantEntry tenant;
    private FhirExport export;
    private final Deque<FhirExportSources.Row> buffer = new ArrayDeque<>();
    private List<Integer> sources;
    private int at;
    private long afterId;
    private boolean departmentDone;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        tenant = tenant(jobContext);
        long id = exportId(jobContext);
        export = TenantContext.callAs(tenant, () -> em.find(FhirExport.class, id));
        if (export == null) {
            throw new IllegalStateException("Export " + id + " is not in province " + tenant.code().value());
        }
        sources = new ArrayList<>();
        for (int i = 0; i < FhirExportSources.ALL.size(); i++) {
            if (export.getTypes().contains(FhirExportSources.ALL.get(i).type())) {
                sources.add(i);
            }
        }
        at = 0;
        while (at < sources.size() && sources.get(at) < export.getSource()) {
            at++;
        }
        afterId = at < sources.size() && sources.get(at) == export.getSource() ? export.getLastRow() : 0;
        departmentDone = afterId > 0;
    }

    @Override
    public Object readItem() throws Exception {
        while (buffer.isEmpty()) {
            if (at >= sources.size()) {
                return null;
            }
            int source = sources.get(at);
            List<FhirExportSources.Row> page = TenantContext.callAs(tenant, () -> FhirExportSources.next(em, source,
                    afterId, export.getSince(), PAGE, tenant.code().value()));
            if ("Organization".equals(FhirExportSources.ALL.get(source).type()) && !departmentDone) {
                departmentDone = true;
                if (export.getSince() == null) {
                    buffer.add(new FhirExportSources.Row(source, 0, null, "Organization", List.of(
                            FhirDirectory.department(tenant.code().value(), tenant.name()).toString())));
                }
            }
            buffer.addAll(page);
            if (page.size() < PAGE) {
                at++;
                afterId = 0;
                departmentDone = false;
            } else {
                afterId = page.get(page.size() - 1).id();
            }
        }
        return buffer.poll();
    }

    @Override
    public Serializable checkpointInfo() {
        return null;
    }

    static TenantEntry tenant(JobContext context) {
        String code = context.getProperties().getProperty(TENANT);
        return TenantRegistry.onPlatform().find(new TenantCode(code)).filter(TenantEntry::isActive)
                .orElseThrow(() -> new IllegalStateException("Province " + code + " is not active"));
    }

    static long exportId(JobContext context) {
        return Long.parseLong(context.getProperties().getProperty(EXPORT));
    }
}
