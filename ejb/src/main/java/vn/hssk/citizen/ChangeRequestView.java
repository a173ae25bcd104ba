package vn.hssk.citizen;

import java.io.Serializable;
import java.time.Instant;

/**
 * A change request as its reader sees it: what the record says now and what the citizen asks for. The citizen is not
 * told the username of the staff member who decided it.
 */
public record ChangeRequestView(long id, String province, long personId, String personName, String commune,
                                String currentPhone, String phone, String currentAddress, String address,
                                String status, String reason, Instant sentAt, Instant decidedAt, String decidedBy,
                                int version) implements Serializable {

    static ChangeRequestView of(ChangeRequest r, String province, vn.hssk.record.Person person) {
        return new ChangeRequestView(r.getId(), province, r.getPersonId(), person == null ? null : person.getFullName(),
                r.getCommune().getName(), person == null ? null : person.getPhone(), r.getPhone(),
                person == null ? null : person.getAddress(), r.getAddress(), r.getStatus().name(), r.getReason(),
                r.getCreatedAt(), r.getDecidedAt(), r.getDecidedBy(), r.getVersion());
    }

    ChangeRequestView forCitizen() {
        return new ChangeRequestView(id, province, personId, personName, commune, currentPhone, phone, currentAddress,
                address, status, reason, sentAt, decidedAt, null, version);
    }
}
