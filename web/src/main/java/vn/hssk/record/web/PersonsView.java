package vn.hssk.record.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import vn.hssk.household.HouseholdFilter;
import vn.hssk.household.HouseholdService;
import vn.hssk.household.MemberRelation;
import vn.hssk.household.Sex;
import vn.hssk.household.web.VillageOption;
import vn.hssk.record.AboGroup;
import vn.hssk.record.EntrySource;
import vn.hssk.record.PartAChoices;
import vn.hssk.record.PersonFilter;
import vn.hssk.record.PersonResult;
import vn.hssk.record.PersonService;
import vn.hssk.record.RhFactor;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.Dates;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.tenant.web.SignedInUser;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitService;

/**
 * The personal records screen: find the persons of the user's villages by personal ID, BHYT number, phone or name
 * (diacritics ignored), narrowed by village and sex; open one to see part A, and, for station staff, register,
 * correct, identify a provisional (newborn) record and void a record with a reason. Commune chairs and province
 * administrators see the same screen read only. Every person a search answers is audited as read, so the screen asks
 * for the {@value #MAX_ROWS} best-ranked matches and asks the user to narrow the search when there are more.
 */
@Named
@ViewScoped
public class PersonsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int MAX_ROWS = 50;
    private static final int MAX_VILLAGES = 500;
    private static final int MAX_HOUSEHOLDS = 500;
    private static final String BUNDLE = "recordMsg";

    @Inject
    private PersonService personService;

    @Inject
    private UnitService unitService;

    @Inject
    private HouseholdService householdService;

    @Inject
    private PartAChoices choices;

    @Inject
    private SignedInUser signedIn;

    private String query;
    private Long villageFilter;
    private Sex sexFilter;
    private List<PersonRow> rows;
    private Long total;
    private List<VillageOption> villages;
    private List<String> ethnicities;
    private List<String> religions;
    private List<HouseholdOption> households;
    private Long householdsOf;
    private final Map<Long, String> householdCodes = new HashMap<>();

    private PersonForm person;
    private String newPersonalId;
    private String voidReason;

    public List<PersonRow> getRows() {
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
        person = new PersonForm();
        person.setVillageId(villageFilter);
        resetActions();
    }

    public void open(long id) {
        try {
            person = PersonForm.of(personService.get(id).person());
            resetActions();
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void save() {
        try {
            PersonResult saved = person.isNew() ? personService.register(person.details(), EntrySource.SCREEN)
                    : personService.correct(person.getId(), person.details(), person.getVersion(),
                    EntrySource.SCREEN);
            info(person.isNew() ? "persons.registered" : "persons.saved", saved.person().getFullName());
            warn(saved);
            show(saved);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "person");
        }
    }

    public void identify() {
        try {
            PersonResult saved = personService.identify(person.getId(), newPersonalId, person.getVersion(),
                    EntrySource.SCREEN);
            info("persons.identified", saved.person().getFullName(), saved.person().getPersonalId());
            warn(saved);
            show(saved);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "identify");
        }
    }

    public void voidRecord() {
        try {
            PersonResult saved = personService.voidRecord(person.getId(), voidReason, person.getVersion());
            info("persons.voided", saved.person().getFullName());
            show(saved);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "voidPerson");
        }
    }

    /** The household's code for the table, looked up once per household and only for the rows shown. */
    public String householdCode(Long householdId) {
        if (householdId == null) {
            return "";
        }
        return householdCodes.computeIfAbsent(householdId, id -> {
            try {
                return householdService.get(id).getCode();
            } catch (RuntimeException e) {
                return "#" + id;
            }
        });
    }

    private void show(PersonResult saved) {
        person = PersonForm.of(saved.person());
        resetActions();
        rows = null;
    }

    private void resetActions() {
        newPersonalId = null;
        voidReason = null;
    }

    private List<PersonRow> find() {
        String trimmed = query == null || query.isBlank() ? null : query.strip();
        PersonFilter filter = new PersonFilter(trimmed, villageFilter, sexFilter, null, null);
        List<PersonRow> found = new ArrayList<>(personService.search(filter, 0, MAX_ROWS).stream()
                .map(r -> PersonRow.of(r.person())).toList());
        total = found.size() < MAX_ROWS ? (long) found.size() : personService.count(filter);
        return found;
    }

    /** How many persons the search finds in all, also beyond the rows listed. */
    public long getTotal() {
        getRows();
        return total == null ? 0 : total;
    }

    /** Review warnings (an unknown province prefix in the personal ID) did not stop the save; the user sees them. */
    private static void warn(PersonResult saved) {
        FacesContext context = FacesContext.getCurrentInstance();
        String personalId = saved.person().getPersonalId();
        for (FieldError warning : saved.warnings()) {
            String text = "personalId".equals(warning.field()) && personalId != null
                    ? format(context, "persons.warning.personalId", personalId.substring(0, 3))
                    : warning.message();
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, text, null));
        }
    }

    private static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, format(context, key, arguments), null));
        PrimeFaces.current().ajax().addCallbackParam("saved", true);
    }

    private static String format(FacesContext context, String key, Object... arguments) {
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        return new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
    }

    /** Station staff change persons; commune chairs and province administrators only read them. */
    public boolean isMayEdit() {
        return signedIn.me().roles().contains(Roles.STATION_STAFF);
    }

    public boolean isEditable() {
        return isMayEdit() && person != null && !person.isVoided();
    }

    public List<VillageOption> getVillages() {
        if (villages == null) {
            villages = unitService.search(null, UnitLevel.VILLAGE, LocalDate.now(Dates.VIETNAM), 0, MAX_VILLAGES)
                    .stream().map(v -> new VillageOption(v.getId(), v.getName() + " – " + v.getParent().getName()))
                    .toList();
        }
        return villages;
    }

    /** The province's ethnic groups (part A catalog), with the person's own value kept if the list lacks it. */
    public List<String> getEthnicities() {
        if (ethnicities == null) {
            ethnicities = choices.names(PartAChoices.ETHNICITY);
        }
        return withCurrent(ethnicities, person == null ? null : person.getEthnicity());
    }

    public List<String> getReligions() {
        if (religions == null) {
            religions = choices.names(PartAChoices.RELIGION);
        }
        return withCurrent(religions, person == null ? null : person.getReligion());
    }

    private static List<String> withCurrent(List<String> names, String current) {
        if (current == null || current.isBlank() || names.contains(current)) {
            return names;
        }
        List<String> all = new ArrayList<>(names);
        all.add(current);
        return all;
    }

    /** The open households of the village chosen in the form, by code and head, to put the person in one. */
    public List<HouseholdOption> getHouseholds() {
        Long village = person == null ? null : person.getVillageId();
        if (village == null) {
            return List.of();
        }
        if (households == null || !village.equals(householdsOf)) {
            households = householdService.search(new HouseholdFilter(null, village, null, false), 0, MAX_HOUSEHOLDS)
                    .stream().map(h -> new HouseholdOption(h.getId(), h.getCode()
                            + (h.getHeadName() == null ? "" : " – " + h.getHeadName()))).toList();
            householdsOf = village;
        }
        return households;
    }

    /** The village changed: its households are offered, and a household of another village is no longer chosen. */
    public void villageChanged() {
        if (person != null && person.getHouseholdId() != null
                && getHouseholds().stream().noneMatch(h -> h.id() == person.getHouseholdId())) {
            person.setHouseholdId(null);
            person.setRelationToHead(null);
        }
    }

    public MemberRelation[] getRelations() {
        return MemberRelation.values();
    }

    /** The years the date-of-birth picker offers, up to this year. */
    public String getYearRange() {
        return "1900:" + LocalDate.now(Dates.VIETNAM).getYear();
    }

    public boolean isTruncated() {
        return getTotal() > getRows().size();
    }

    public int getMaxRows() {
        return MAX_ROWS;
    }

    public Sex[] getSexes() {
        return Sex.values();
    }

    public AboGroup[] getAboGroups() {
        return AboGroup.values();
    }

    public RhFactor[] getRhFactors() {
        return RhFactor.values();
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public Long getVillageFilter() {
        return villageFilter;
    }

    public void setVillageFilter(Long villageFilter) {
        this.villageFilter = villageFilter;
    }

    public Sex getSexFilter() {
        return sexFilter;
    }

    public void setSexFilter(Sex sexFilter) {
        this.sexFilter = sexFilter;
    }

    public PersonForm getPerson() {
        return person;
    }

    public String getNewPersonalId() {
        return newPersonalId;
    }

    public void setNewPersonalId(String newPersonalId) {
        this.newPersonalId = newPersonalId;
    }

    public String getVoidReason() {
        return voidReason;
    }

    public void setVoidReason(String voidReason) {
        this.voidReason = voidReason;
    }
}
