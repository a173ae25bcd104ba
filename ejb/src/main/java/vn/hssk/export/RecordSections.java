package vn.hssk.export;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import vn.hssk.household.HouseholdRepository;
import vn.hssk.record.Person;

/**
 * The sections of a person's 831 record, in order: part A, then parts B, C and D as far as this installation keeps
 * them (a "not recorded yet" section for a part no feature supplies). The PDF export and the citizen's own view show
 * the same sections. The caller has checked that the record may be read and audited the read.
 */
@Dependent
public class RecordSections {

    private static final List<String> ALL_PARTS = List.of("A", "B", "C", "D");
    private static final List<String> LATER_PARTS = List.of("B", "C", "D");
    private static final Map<String, String> PART_TITLES = Map.of(
            "B", "B. Tiền sử và các yếu tố nguy cơ",
            "C", "C. Tiêm chủng",
            "D", "D. Khám lâm sàng và cận lâm sàng");

    @Inject
    private HouseholdRepository households;

    @Inject
    @Any
    private Instance<RecordPartSource> partSources;

    public List<RecordSection> of(Person person) {
        return of(person, ALL_PARTS);
    }

    /**
     * Only the named parts ("A" to "D") of the record, in order; the parts not named are not even read. A
     * tele-consultation shows the hospital the parts the station chose, and nothing else.
     */
    public List<RecordSection> of(Person person, Collection<String> parts) {
        List<RecordSection> sections = new ArrayList<>();
        if (parts.contains("A")) {
            sections.add(partA(person));
        }
        for (String part : LATER_PARTS) {
            if (parts.contains(part)) {
                sections.add(partSources.stream().filter(s -> part.equals(s.part())).findFirst()
                        .map(s -> s.section(person))
                        .orElseGet(() -> new NotRecordedSection(PART_TITLES.get(part))));
            }
        }
        return sections;
    }

    private RecordSection partA(Person person) {
        String householdCode = person.getHouseholdId() == null ? null
                : households.find(person.getHouseholdId()).map(h -> h.getCode()).orElse(null);
        return new PartASection(person, householdCode);
    }

    /** The sections as plain data (labelled values, tables, lines of text), for a screen or a JSON answer. */
    public List<SectionContent> contentOf(Person person) {
        return of(person).stream().map(SectionContent::of).toList();
    }

    /** The named parts only, as plain data. */
    public List<SectionContent> contentOf(Person person, Collection<String> parts) {
        return of(person, parts).stream().map(SectionContent::of).toList();
    }
}
