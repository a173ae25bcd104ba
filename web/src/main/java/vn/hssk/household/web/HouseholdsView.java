package vn.hssk.household.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.hssk.household.Household;
import vn.hssk.household.HouseholdFilter;
import vn.hssk.household.HouseholdService;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;

/**
 * The households screen: find the households of the user's villages by village and by code, head or address
 * (diacritics ignored), open one to see its members and move history, and, for station staff, create and correct
 * households, add members, record a member leaving, move a household to another village and close it. Commune chairs
 * and province administrators see the same screen read only. At most {@value #MAX_ROWS} households are listed.
 */
@Named
@ViewScoped
public class HouseholdsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 500;
    private static final String BUNDLE = "householdMsg";

    @Inject
    private HouseholdService householdService;

    @Inject
    private SignedInUser signedIn;

    private Long villageFilter;
    private String query;
    private List<HouseholdRow> rows;
    private List<VillageOption> villages;

    private HouseholdForm household;
    private List<MemberRow> members = List.of();
    private List<MoveRow> moves = List.of();
    private MemberForm member = new MemberForm();
    private EventForm move = new EventForm();
    private EventForm closing = new EventForm();
    private EventForm leaving = new EventForm();

    public List<HouseholdRow> getRows() {
        if (rows == null) {
            rows = find();
        }
        return rows;
    }

    public void search() {
        try {
            rows = find();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "search");
        }
    }

    public void startNew() {
        household = new HouseholdForm();
        household.setVillageId(villageFilter);
        members = List.of();
        moves = List.of();
        resetForms();
    }

    public void open(long id) {
        try {
            show(householdService.get(id));
            resetForms();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void save() {
        try {
            Household saved = household.isNew() ? householdService.create(household.details())
                    : householdService.correct(household.getId(), household.details(), household.getVersion());
            info(household.isNew() ? "households.created" : "households.saved", saved.getCode());
            show(saved);
            rows = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "household");
        }
    }

    public void addMember() {
        try {
            householdService.addMember(household.getId(), member.details());
            info("households.memberAdded", member.getFullName());
            member = new MemberForm();
            reload();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "addMember");
        }
    }

    public void startLeave(long memberId) {
        leaving = new EventForm();
        leaving.setMemberId(memberId);
    }

    public void leave() {
        try {
            householdService.memberLeaves(household.getId(), leaving.getMemberId(), leaving.getDate(),
                    leaving.getReason(), null);
            info("households.memberLeft");
            leaving = new EventForm();
            reload();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "leaveMember");
        }
    }

    public void moveHousehold() {
        try {
            show(householdService.move(household.getId(), move.getVillageId(), move.getDate(), move.getReason(),
                    household.getVersion()));
            info("households.moved", household.getCode(), household.getVillageName());
            move = new EventForm();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "moveHousehold");
        }
    }

    public void close() {
        try {
            show(householdService.close(household.getId(), closing.getDate(), closing.getReason(),
                    household.getVersion()));
            info("households.closed", household.getCode());
            closing = new EventForm();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "closeHousehold");
        }
    }

    private void reload() {
        show(householdService.get(household.getId()));
    }

    private void show(Household h) {
        household = HouseholdForm.of(h);
        members = h.getMembers().stream().map(MemberRow::of).toList();
        moves = householdService.moves(h.getId()).stream().map(MoveRow::of).toList();
        rows = null;
    }

    private void resetForms() {
        member = new MemberForm();
        move = new EventForm();
        closing = new EventForm();
        leaving = new EventForm();
    }

    private List<HouseholdRow> find() {
        String trimmed = query == null || query.isBlank() ? null : query.strip();
        return new ArrayList<>(householdService.search(new HouseholdFilter(trimmed, villageFilter, null, false), 0,
                MAX_ROWS).stream().map(HouseholdRow::of).toList());
    }

    private static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        String text = new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }

    /** Station staff change households; commune chairs and province administrators only read them. */
    public boolean isMayEdit() {
        return signedIn.me().roles().contains(Roles.STATION_STAFF);
    }

    public boolean isEditable() {
        return isMayEdit() && household != null && !household.isClosed();
    }

    public List<VillageOption> getVillages() {
        if (villages == null) {
            villages = householdService.villages().stream().map(VillageOption::of).toList();
        }
        return villages;
    }

    /** Villages a household may move to: every village of the user's communes but its own. */
    public List<VillageOption> getMoveTargets() {
        return getVillages().stream()
                .filter(v -> household == null || household.getVillageId() == null
                        || v.id() != household.getVillageId())
                .toList();
    }

    public boolean isTruncated() {
        return getRows().size() >= MAX_ROWS;
    }

    public int getMaxRows() {
        return MAX_ROWS;
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public MemberRelation[] getRelations() {
        return MemberRelation.values();
    }

    public Long getVillageFilter() {
        return villageFilter;
    }

    public void setVillageFilter(Long villageFilter) {
        this.villageFilter = villageFilter;
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public HouseholdForm getHousehold() {
        return household;
    }

    public List<MemberRow> getMembers() {
        return members;
    }

    public List<MoveRow> getMoves() {
        return moves;
    }

    public MemberForm getMember() {
        return member;
    }

    public EventForm getMove() {
        return move;
    }

    public EventForm getClosing() {
        return closing;
    }

    public EventForm getLeaving() {
        return leaving;
    }
}
