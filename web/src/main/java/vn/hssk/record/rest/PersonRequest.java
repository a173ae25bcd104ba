package vn.hssk.record.rest;

/**
 * The body of {@code POST /api/persons} and {@code PUT /api/persons/{id}}; a correction also sends the version it
 * edited. Without {@code personalId} a newborn gets a provisional record. {@code bhytNumber} takes the 10-digit
 * social-insurance number or an old 15-character card; {@code bloodAbo} is A/B/AB/O, {@code bloodRh}
 * POSITIVE/NEGATIVE; {@code birthDate} is yyyy-MM-dd or dd/MM/yyyy (read as text so that a bad date is refused on its
 * field in the caller's language, not as malformed JSON).
 */
public record PersonRequest(String fullName, String sex, String birthDate, String personalId, String bhytNumber,
                            String ethnicity, String religion, String occupation, String phone, Long villageId,
                            String address, Long householdId, String relationToHead, String bloodAbo,
                            String bloodRh, Integer version) {
}
