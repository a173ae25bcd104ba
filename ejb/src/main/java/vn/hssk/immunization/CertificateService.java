package vn.hssk.immunization;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.hssk.audit.AuditAction;
import vn.hssk.audit.AuditService;
import vn.hssk.audit.AuditTrail;
import vn.hssk.record.Person;
import vn.hssk.record.PersonRepository;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.Settings;
import vn.hssk.station.HealthStation;
import vn.hssk.station.StationRepository;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitScope;

/**
 * Vaccination certificates. Station staff issue a certificate (a frozen copy of the person's doses, signed token in a
 * QR code), and so may a logged-in citizen for their own record or a child's; anyone may verify a token. Verification
 * runs for the province the servlet bound from the token, answers only what the certificate shows, and is audited
 * under the pseudo-user {@code public}.
 */
@Stateless
public class CertificateService {

    static final String PUBLIC_USER = "public";
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    @Resource
    private EJBContext context;

    @Inject
    private PersonRepository persons;

    @Inject
    private ImmunizationRepository repository;

    @Inject
    private CertificateKey key;

    @Inject
    private StationRepository stations;

    @Inject
    private AuditTrail audit;

    /**
     * Issues a certificate of the person's live doses, drawn in the language of {@code locale} (Vietnamese unless
     * English). What it shows is frozen with it: the person, each dose (vaccine in Vietnamese and as the catalog names
     * it, the dose as the schedule counts it, date, lot, the station that gave it or the place of a past dose), and
     * the issuing station (the main station of the person's commune) and day.
     */
    @RolesAllowed(Roles.STATION_STAFF)
    public IssuedCertificate issue(long personId, Locale locale) {
        CallerIdentity caller = CallerIdentity.of(context);
        caller.requireTenant();
        Person person = persons.find(personId).filter(p -> UnitScope.reaches(caller, p.getVillage()))
                .orElseThrow(() -> ProblemException.notFound("No person " + personId));
        return issue(person, caller, locale);
    }

    /**
     * Issues a certificate to a citizen for their own record or a child's, as {@link #issue(long, Locale)} does for
     * staff. The citizen portal has bound the province, checked that {@code person} is the citizen's or a child's of
     * their household, and passes the citizen as {@code citizen} (with that province).
     */
    @RolesAllowed(Roles.CITIZEN)
    public IssuedCertificate issueToCitizen(Person person, CallerIdentity citizen, Locale locale) {
        return issue(person, citizen, locale);
    }

    private IssuedCertificate issue(Person person, CallerIdentity caller, Locale locale) {
        String province = caller.requireTenant();
        if (person.isVoided()) {
            throw ProblemException.conflict(FieldError.coded("personId", "certificate.voided",
                    "This record was voided"));
        }
        List<Immunization> doses = repository.doses(person.getId(), false);
        if (doses.isEmpty()) {
            throw ProblemException.conflict(FieldError.coded("personId", "certificate.noDose",
                    "No dose is recorded: there is nothing to certify"));
        }
        Map<Long, String> stationNames = new HashMap<>();
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (Immunization d : doses) {
            JsonObjectBuilder dose = Json.createObjectBuilder().add("vaccine", d.getVaccine().getCode())
                    .add("vaccineName", d.getVaccine().name(VIETNAMESE))
                    .add("vaccineNameEn", d.getVaccine().getName())
                    .add("doseNumber", d.getDoseNumber())
                    .add("givenOn", d.getGivenOn().toString());
            if (d.getLot() != null) {
                dose.add("lotNumber", d.getLot().getLotNumber());
            }
            String where = d.getStationId() == null ? d.getPlace() : stationNames.computeIfAbsent(d.getStationId(),
                    id -> stations.find(id).map(HealthStation::getName).orElse(null));
            if (where != null && !where.isBlank()) {
                dose.add("station", where);
            }
            list.add(dose);
        }
        String provinceName = TenantContext.current().map(TenantEntry::name).orElse(province);
        String number = CertificateToken.newNumber();
        JsonObjectBuilder content = Json.createObjectBuilder().add("number", number)
                .add("province", provinceName).add("fullName", person.getFullName())
                .add("birthDate", person.getBirthDate().toString());
        if (person.getPersonalId() != null && !person.getPersonalId().isBlank()) {
            content.add("personalId", person.getPersonalId());
        }
        JsonObject frozen = content.add("issuedBy", issuer(person, provinceName))
                .add("issuedOn", FieldCheck.today().toString()).add("doses", list).build();
        VaccinationCertificate stored = new VaccinationCertificate(person.getId(), frozen.toString(),
                caller.username(), number);
        repository.add(stored);
        repository.flush();
        String token = CertificateToken.sign(province, stored.getNumber(), key.secret());
        String url = publicBaseUrl() + "/public/certificates/" + token;
        audit.changed(caller, AuditAction.CREATE, AuditService.PERSON, person.getId(), Map.of(),
                Map.of("certificate", stored.getNumber()), "certificate");
        return new IssuedCertificate(stored.getNumber(), token, url, CertificatePdf.render(frozen, url, locale));
    }

    /** The open main station of the person's commune; the province (its health department) when there is none. */
    private String issuer(Person person, String provinceName) {
        AdministrativeUnit village = person.getVillage();
        AdministrativeUnit commune = village.getLevel() == UnitLevel.COMMUNE ? village : village.getParent();
        return Optional.ofNullable(commune).flatMap(stations::openMainStation).map(HealthStation::getName)
                .orElse(provinceName);
    }

    /**
     * The content of the certificate the token names, when its signature verifies with this province's key; empty
     * for anything else, so that a forged, altered or unknown token all get the same answer.
     */
    @PermitAll
    public Optional<JsonObject> verify(CertificateToken.Parts token) {
        TenantEntry tenant = TenantContext.current().orElseThrow();
        if (!tenant.code().value().equals(token.province()) || !CertificateToken.verifies(token, key.secret())) {
            return Optional.empty();
        }
        Optional<VaccinationCertificate> found = repository.certificate(token.number());
        found.ifPresent(c -> audit.read(publicCaller(tenant), AuditService.PERSON, c.getPersonId(),
                "certificate-verification"));
        return found.map(c -> publicView(Json.createReader(new StringReader(c.getContent())).readObject()));
    }

    /** What the public page shows of a certificate: all of it, but the personal ID only partly. */
    static JsonObject publicView(JsonObject content) {
        if (!content.containsKey("personalId")) {
            return content;
        }
        return Json.createObjectBuilder(content)
                .add("personalId", CertificateText.masked(content.getString("personalId"))).build();
    }

    private static CallerIdentity publicCaller(TenantEntry tenant) {
        return new CallerIdentity(PUBLIC_USER, Set.of(), Optional.of(tenant.code().value()), Set.of());
    }

    static String publicBaseUrl() {
        return Settings.get("hssk.public.url", "HSSK_PUBLIC_URL", "http://localhost:8080");
    }
}
