package vn.hssk.fhir;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;

/**
 * Writes a chunk of rows as one part per resource type, audits each person whose record the chunk holds as read by
 * the administrator who asked for the export (context {@code fhir-export N}), and moves the export's cursor to the
 * chunk's last row: all in the chunk's transaction, so a part is either written with its cursor or not at all.
 */
@Named("fhirExportWriter")
@Dependent
public class FhirExportWriter extends AbstractItemWriter {

    @Inject
    private JobContext jobContext;

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private AuditTrail audit;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        if (items.isEmpty()) {
            return;
        }
        TenantEntry tenant = FhirExportReader.tenant(jobContext);
        long id = FhirExportReader.exportId(jobContext);
        TenantContext.callAs(tenant, () -> {
            write(tenant, id, items);
            return null;
        });
    }

    private void write(TenantEntry tenant, long id, List<Object> items) {
        FhirExport export = em.find(FhirExport.class, id);
        if (export == null) {
            throw new IllegalStateException("Export " + id + " was deleted while it ran");
        }
        Map<String, StringBuilder> parts = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        Set<Long> persons = new LinkedHashSet<>();
        FhirExportSources.Row last = null;
        int written = 0;
        for (Object item : items) {
            FhirExportSources.Row row = (FhirExportSources.Row) item;
            StringBuilder part = parts.computeIfAbsent(row.type(), t -> new StringBuilder());
            for (String line : row.lines()) {
                part.append(line).append('\n');
            }
            counts.merge(row.type(), row.lines().size(), Integer::sum);
            written += row.lines().size();
            if (row.personId() != null && !row.lines().isEmpty()) {
                persons.add(row.personId());
            }
            last = row;
        }
        for (Map.Entry<String, StringBuilder> part : parts.entrySet()) {
            if (counts.get(part.getKey()) == 0) {
                continue;
            }
            em.createNativeQuery("insert into fhir_export_part (export_id, resource_type, resources, content)"
                            + " values (?, ?, ?, ?)")
                    .setParameter(1, id).setParameter(2, part.getKey()).setParameter(3, counts.get(part.getKey()))
                    .setParameter(4, part.getValue().toString()).executeUpdate();
        }
        CallerIdentity requester = new CallerIdentity(export.getRequestedBy(), Set.of(Roles.PROVINCE_ADMIN),
                Optional.of(tenant.code().value()), Set.of());
        audit.readInBulk(requester, AuditService.PERSON, new ArrayList<>(persons), "fhir-export " + id);
        export.advanced(last.source(), last.id(), written);
    }
}
