package vn.hssk.export;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.fhir.FhirPatient;
import vn.hssk.record.Person;
import vn.hssk.record.PersonChecks;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

/**
 * Exports one person's record as FHIR R4 or as a PDF in Vietnamese. Whoever may read the record may export it:
 * province administrators for the province, commune chairs and station staff for their communes (the person belongs
 * to the commune; the PDF is how a record is handed to them or to a clinic). A person outside the caller's scope
 * answers 404 like one that does not exist. Each export is audited as a read, with the context
 * {@value #FHIR_CONTEXT} or {@value #PDF_CONTEXT}, in the export's transaction.
 */
@Stateless
public class RecordExportService {

    public static final String FHIR_CONTEXT = "export-fhir";
    public static final String PDF_CONTEXT = "export-pdf";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

    @Resource
    private EJBContext context;

    @Inject
    private PersonChecks checks;

    @Inject
    private RecordSections sections;

    @Inject
    private AuditTrail audit;

    /** The person as a FHIR R4 Patient resource (JSON). */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public String fhirPatient(long personId) {
        CallerIdentity caller = CallerIdentity.of(context);
        String tenant = caller.requireTenant();
        Person person = checks.visible(caller, personId);
        audit.read(caller, AuditService.PERSON, person.getId(), FHIR_CONTEXT);
        return FhirPatient.of(person, tenant).toString();
    }

    /** The person's record as a PDF: part A, then parts B, C and D as far as this installation keeps them. */
    @RolesAllowed({Roles.PROVINCE_ADMIN, Roles.COMMUNE_CHAIR, Roles.STATION_STAFF})
    public byte[] pdf(long personId) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        Person person = checks.visible(caller, personId);
        audit.read(caller, AuditService.PERSON, person.getId(), PDF_CONTEXT);
        Place place = Place.of(person);
        String subtitle = "Mẫu theo Quyết định 831/QĐ-BYT"
                + (place.province() == null ? "" : " · " + place.province().getName())
                + (person.isVoided() ? " · HỒ SƠ ĐÃ HỦY: " + person.getVoidReason() : "");
        String closing = "Xuất ngày " + MINUTE.format(Instant.now()) + " bởi " + caller.username()
                + ". Tài liệu chứa dữ liệu cá nhân nhạy cảm về sức khỏe (Luật 91/2025/QH15): chỉ dùng đúng mục đích.";
        return new RecordPdf().render("HỒ SƠ QUẢN LÝ SỨC KHỎE CÁ NHÂN", subtitle, sections.of(person), closing);
    }
}
