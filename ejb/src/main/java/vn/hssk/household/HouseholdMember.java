package vn.hssk.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;

/**
 * A person living in a household. A member who moves out, marries out or dies leaves with a date and a reason and
 * stays on record; nothing personal is deleted. {@code person_id} will link the member to a personal health record
 * when that feature lands.
 */
@Entity
@Table(name = "household_member")
public class HouseholdMember extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "household_id", nullable = false)
    private Household household;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "full_name_folded", nullable = false, length = 200)
    private String fullNameFolded;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 6)
    private Sex sex;

    @Column(name = "birth_date", nullable = false)
    private LocalDate birthDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private MemberRelation relation;

    @Column(name = "personal_id", length = 12)
    private String personalId;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "left_on")
    private LocalDate leftOn;

    @Column(name = "leave_reason", length = 500)
    private String leaveReason;
    protected HouseholdMember() {
    }

    HouseholdMember(Household household, MemberDetails details, String actor) {
        this.household = household;
        apply(details);
        recordCreation(actor);
    }

    public void correct(MemberDetails details, String actor) {
        household.requireOpen();
        requirePresent();
        apply(details);
        touch(actor);
    }

    public void leave(LocalDate on, String reason, String actor) {
        household.requireOpen();
        requirePresent();
        Fields fields = new Fields();
        fields.pastOrToday("date", on, "Date of leaving");
        if (on != null && on.isBefore(birthDate)) {
            fields.fail("date", "A member cannot leave before they were born");
        }
        String why = fields.text("reason", reason, 500, true, "Reason");
        fields.throwIfAny();
        this.leftOn = on;
        this.leaveReason = why;
        touch(actor);
    }

    /** Links this member to the personal health record of the same person (who may have no record yet). */
    public void linkPerson(long person, String actor) {
        this.personId = person;
        touch(actor);
    }

    private void requirePresent() {
        if (leftOn != null) {
            throw ProblemException.conflict("leftOn", fullName + " left the household on " + leftOn);
        }
    }

    private void apply(MemberDetails details) {
        Fields fields = new Fields();
        String name = fields.text("fullName", TextFolding.normalize(details.fullName()), 200, true, "Full name");
        Sex s = fields.required("sex", details.sex(), "Sex");
        LocalDate born = fields.pastOrToday("birthDate", details.birthDate(), "Date of birth");
        MemberRelation rel = fields.required("relation", details.relation(), "Relation to the head");
        String pid = fields.personalId("personalId", details.personalId(), s, born);
        fields.throwIfAny();
        this.fullName = name;
        this.fullNameFolded = TextFolding.fold(name);
        this.sex = s;
        this.birthDate = born;
        this.relation = rel;
        this.personalId = pid;
    }

    private void touch(String actor) {
        recordChange(actor);
    }

    public Long getId() {
        return id;
    }

    public Household getHousehold() {
        return household;
    }

    public String getFullName() {
        return fullName;
    }

    public String getFullNameFolded() {
        return fullNameFolded;
    }

    public Sex getSex() {
        return sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public MemberRelation getRelation() {
        return relation;
    }

    public String getPersonalId() {
        return personalId;
    }

    public Long getPersonId() {
        return personId;
    }

    public LocalDate getLeftOn() {
        return leftOn;
    }

    public String getLeaveReason() {
        return leaveReason;
    }

    public boolean isPresent() {
        return leftOn == null;
    }

}
