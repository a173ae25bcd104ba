package vn.hssk.household;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.hibernate.annotations.Formula;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.TextFolding;
import vn.hssk.unit.AdministrativeUnit;
import vn.hssk.unit.UnitLevel;

/**
 * A household of a village. It changes through named actions: its details are corrected, it moves to another village
 * (leaving a {@link HouseholdMove} behind), members join and leave, and it is closed with a date and a reason, never
 * deleted. A closed household is history and accepts no further change.
 */
@Entity
@Table(name = "household")
public class Household extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 20)
    private String code;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "village_id", nullable = false)
    private AdministrativeUnit village;

    @Column(length = 300)
    private String address;

    @Column(name = "address_folded", nullable = false, length = 300)
    private String addressFolded;

    @Column(name = "head_name", nullable = false, length = 200)
    private String headName;

    @Column(name = "head_name_folded", nullable = false, length = 200)
    private String headNameFolded;

    @Column(length = 20)
    private String phone;

    @Column(length = 1000)
    private String notes;

    @Column(name = "closed_on")
    private LocalDate closedOn;

    @Column(name = "close_reason", length = 500)
    private String closeReason;

    @OneToMany(mappedBy = "household")
    @OrderBy("id")
    private List<HouseholdMember> members = new ArrayList<>();

    @Formula("(select count(*) from household_member m where m.household_id = id and m.left_on is null)")
    private int currentMemberCount;
    protected Household() {
    }

    /** A new household in {@code village}, a current village the service found within the caller's scope. */
    public Household(HouseholdDetails details, AdministrativeUnit village, String actor) {
        this.code = "";
        apply(details, village, true);
        recordCreation(actor);
    }

    /** Corrects the household's details (the code included); the village changes only by {@link #moveTo}. */
    public void correct(HouseholdDetails details, String actor) {
        requireOpen();
        apply(details, village, false);
        touch(actor);
    }

    /** Moves the household to another village and answers the history entry to keep. */
    public HouseholdMove moveTo(AdministrativeUnit target, LocalDate on, String reason, String actor) {
        requireOpen();
        Fields fields = new Fields();
        if (target.getId().equals(village.getId())) {
            fields.fail("villageId", "The household already lives in this village");
        }
        fields.pastOrToday("date", on, "Date of the move");
        String why = fields.text("reason", reason, 500, true, "Reason");
        fields.throwIfAny();
        HouseholdMove move = new HouseholdMove(this, village, target, on, why, actor);
        this.village = target;
        touch(actor);
        return move;
    }

    public void close(LocalDate on, String reason, String actor) {
        requireOpen();
        Fields fields = new Fields();
        fields.pastOrToday("date", on, "Closing date");
        String why = fields.text("reason", reason, 500, true, "Reason");
        fields.throwIfAny();
        this.closedOn = on;
        this.closeReason = why;
        touch(actor);
    }

    public HouseholdMember addMember(MemberDetails details, String actor) {
        requireOpen();
        HouseholdMember member = new HouseholdMember(this, details, actor);
        members.add(member);
        return member;
    }

    /** Refuses changes to a closed household: it is history. */
    void requireOpen() {
        if (closedOn != null) {
            throw ProblemException.conflict("closedOn", "Household " + code + " was closed on " + closedOn);
        }
    }

    private void apply(HouseholdDetails details, AdministrativeUnit inVillage, boolean isNew) {
        Fields fields = new Fields();
        String newCode = fields.code("code", details.code());
        String head = fields.text("headName", TextFolding.normalize(details.headName()), 200, true,
                "Head of household");
        String addr = fields.text("address", details.address(), 300, false, "Address");
        String tel = fields.phone("phone", details.phone());
        String note = fields.text("notes", details.notes(), 1000, false, "Notes");
        if (isNew && (inVillage == null || inVillage.getLevel() != UnitLevel.VILLAGE)) {
            fields.fail("villageId", "Choose a village");
        }
        fields.throwIfAny();
        this.code = newCode;
        this.village = inVillage;
        this.headName = head;
        this.headNameFolded = TextFolding.fold(head);
        this.address = addr;
        this.addressFolded = TextFolding.fold(addr);
        this.phone = tel;
        this.notes = note;
    }

    private void touch(String actor) {
        recordChange(actor);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public AdministrativeUnit getVillage() {
        return village;
    }

    /** The commune the household's village belongs to, which decides who may see it. */
    public AdministrativeUnit getCommune() {
        return village.getParent();
    }

    public String getAddress() {
        return address;
    }

    public String getHeadName() {
        return headName;
    }

    public String getHeadNameFolded() {
        return headNameFolded;
    }

    public String getAddressFolded() {
        return addressFolded;
    }

    public String getPhone() {
        return phone;
    }

    public String getNotes() {
        return notes;
    }

    public LocalDate getClosedOn() {
        return closedOn;
    }

    public String getCloseReason() {
        return closeReason;
    }

    public boolean isClosed() {
        return closedOn != null;
    }

    public List<HouseholdMember> getMembers() {
        return Collections.unmodifiableList(members);
    }

    /** Members who have not left, as counted by the database when the household was loaded. */
    public int getCurrentMemberCount() {
        return currentMemberCount;
    }





}
