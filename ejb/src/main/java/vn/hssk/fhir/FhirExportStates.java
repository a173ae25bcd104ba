package vn.hssk.fhir;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The batch thread's own changes of an export's state, each in a transaction of its own (the batch thread has no
 * user; the province is bound by the caller). Reached only from {@link FhirExportListener}.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FhirExportStates {

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    public void running(long id, long execution) {
        FhirExport export = em.find(FhirExport.class, id);
        if (export != null) {
            export.running(execution);
        }
    }

    public void ended(long id, boolean done, String why) {
        FhirExport export = em.find(FhirExport.class, id);
        if (export == null) {
            return;
        }
        if (done) {
            export.done();
        } else {
            export.failed(why);
        }
    }
}
