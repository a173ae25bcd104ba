package vn.hssk.record.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import vn.hssk.record.Person;
import vn.hssk.record.PersonResult;
import vn.hssk.unit.AdministrativeUnit;

/**
 * A person's part A with its village and commune, whether it counts as a created record (the quota definition), the
 * record it was merged into if any, and the warnings to review (e.g. an unknown ID province).
 */
public record PersonView(long id, String fullName, String sex, LocalDate birthDate, String personalId,
                         String provisionalKey, boolean provisional, String bhytNumber, String ethnicity,
                         String religion, String occupation, String phone, long villageId, String villageCode,
                         String villageName, long communeId, String communeCode, String communeName, String address,
                         Long householdId, String relationToHead, String bloodAbo, String bloodRh, boolean voided,
                         String voidReason, Long mergedIntoId, boolean recordCreated, Instant completedAt,
                         List<WarningView> warnings, Instant createdAt, String createdBy, Instant changedAt,
                         String changedBy, int version) {

    /** With the warnings in English, as scripts read them by default. */
    static PersonView of(PersonResult r) {
        return of(r, Locale.ENGLISH);
    }

    /** With the warnings said in {@code locale}. */
    static PersonView of(PersonResult r, Locale locale) {
        Person p = r.person();
        AdministrativeUnit village = p.getVillage();
        AdministrativeUnit commune = p.getCommune();
        return new PersonView(p.getId(), p.getFullName(), name(p.getSex()), p.getBirthDate(), p.getPersonalId(),
                p.getProvisionalKey(), p.isProvisional(), p.getBhytNumber(), p.getEthnicity(), p.getReligion(),
                p.getOccupation(), p.getPhone(), village.getId(), village.getCode(), village.getName(),
                commune.getId(), commune.getCode(), commune.getName(), p.getAddress(), p.getHouseholdId(),
                name(p.getRelationToHead()), name(p.getBloodAbo()), name(p.getBloodRh()), p.isVoided(),
                p.getVoidReason(), p.getMergedIntoId(), p.meetsCreatedDefinition(), p.getCompletedAt(),
                r.warnings().stream().map(w -> WarningView.of(w, locale)).toList(), p.getCreatedAt(),
                p.getCreatedBy(), p.getChangedAt(), p.getChangedBy(), p.getVersion());
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
