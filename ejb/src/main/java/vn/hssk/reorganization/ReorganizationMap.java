package vn.hssk.reorganization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.ProblemException.FieldError;
import vn.hssk.unit.UnitLevel;
import vn.hssk.unit.UnitType;

/**
 * What a reorganization's steps mean for the map as it is: which communes end and who takes them over (their heir),
 * which new communes begin, where each village goes, which units are renamed, what becomes of each open station.
 * Built from plain rows, so the rules are tested without a server; a step that cannot be read against the map is
 * refused with the field named, a state that needs a person's decision (two main stations for one commune) is a
 * conflict the preview lists and apply refuses.
 * <p>
 * New communes have negative ids here ({@code -1, -2, ...}) until apply inserts them.
 */
public final class ReorganizationMap {

    /** A unit open on the day before the effective date. */
    public record Unit(long id, String code, String name, UnitLevel level, String type, Long parentId,
                       LocalDate validFrom) {
    }

    /** An open station: a main station has no parent. */
    public record Station(long id, String name, long communeId, Long parentId, Long formerCommuneId) {
    }

    /** A commune the reorganization creates. */
    public record NewCommune(long tempId, String code, String name, String type, Long parentId) {
    }

    /** A unit's new name and type (either may stay). */
    public record Rename(long unitId, String name, String type) {
    }

    /** A village the reorganization creates (a merge of villages into a new code). */
    public record NewVillage(long tempId, String code, String name, String type, long communeId) {
    }

    /** What becomes of a station: its commune, its main station (null: it is the main one), the commune it served. */
    public record StationChange(long stationId, long communeId, Long parentId, Long formerCommuneId) {
    }

    /** Households of a village that go, with their members, to another village of its commune (maybe new). */
    public record VillageSplit(long sourceId, long targetId, List<String> households) {
    }

    private final LocalDate effective;
    private final Map<Long, Unit> units = new LinkedHashMap<>();
    private final Map<String, Unit> openByCode = new HashMap<>();
    private final Map<Long, List<Unit>> villagesOf = new HashMap<>();
    private final List<NewCommune> newCommunes = new ArrayList<>();
    private final Map<String, NewCommune> newByCode = new HashMap<>();
    private final Map<Long, Long> villageMoves = new LinkedHashMap<>();
    private final List<NewVillage> newVillages = new ArrayList<>();
    private final Map<Long, Long> villageMerges = new LinkedHashMap<>();
    private final List<VillageSplit> villageSplits = new ArrayList<>();
    private final Set<Long> quotaSums = new HashSet<>();
    private final Map<Long, Long> heirs = new LinkedHashMap<>();
    private final Map<Long, Map<Long, Double>> shares = new LinkedHashMap<>();
    private final Map<Long, Long> designatedMains = new HashMap<>();
    private final List<Rename> renames = new ArrayList<>();
    private final Map<Long, Set<Long>> predecessors = new LinkedHashMap<>();
    private final List<StationChange> stationChanges = new ArrayList<>();
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> conflicts = new ArrayList<>();

    private ReorganizationMap(LocalDate effective) {
        this.effective = effective;
    }

    /**
     * Reads the steps against the open units and stations; refuses (400, with every field at fault) steps that name
     * unknown or closed units, a village twice, a split that leaves a village behind, or a date before a unit began.
     */
    public static ReorganizationMap of(LocalDate effective, List<ReorganizationStep> steps, List<Unit> openUnits,
                                       List<Station> stations, Map<Long, Long> personsByVillage) {
        ReorganizationMap map = new ReorganizationMap(effective);
        for (Unit u : openUnits) {
            map.units.put(u.id(), u);
            map.openByCode.put(u.code(), u);
            if (u.level() == UnitLevel.VILLAGE && u.parentId() != null) {
                map.villagesOf.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        if (steps.isEmpty()) {
            map.errors.add(FieldError.coded("steps", "reorg.noSteps", "A reorganization has at least one step"));
        }
        for (int i = 0; i < steps.size(); i++) {
            map.read("steps[" + i + "]", steps.get(i), personsByVillage);
        }
        if (!map.errors.isEmpty()) {
            throw ProblemException.invalid(map.errors);
        }
        map.planStations(stations);
        return map;
    }

    private void read(String field, ReorganizationStep step, Map<Long, Long> personsByVillage) {
        if (step.kind() == null) {
            errors.add(FieldError.coded(field + ".kind", "reorg.kind",
                    "The kind of a step is MERGE_COMMUNES, SPLIT_COMMUNE, MOVE_VILLAGES, RENAME, MERGE_VILLAGES or"
                            + " SPLIT_VILLAGE"));
            return;
        }
        switch (step.kind()) {
            case MERGE_COMMUNES -> merge(field, step);
            case SPLIT_COMMUNE -> split(field, step, personsByVillage);
            case MOVE_VILLAGES -> move(field, step);
            case RENAME -> rename(field, step);
            case MERGE_VILLAGES -> mergeVillages(field, step);
            case SPLIT_VILLAGE -> splitVillage(field, step);
        }
    }

    private void splitVillage(String field, ReorganizationStep step) {
        Unit source = step.sources().size() == 1 ? openByCode.get(step.sources().get(0)) : null;
        if (source == null || source.level() != UnitLevel.VILLAGE || source.parentId() == null) {
            errors.add(FieldError.coded(field + ".sources", "reorg.splitVillageShape",
                    "A village split names one open village and the parts its households go to"));
            return;
        }
        if (step.parts().isEmpty()) {
            errors.add(FieldError.coded(field + ".parts", "reorg.splitVillageShape",
                    "A village split names one open village and the parts its households go to"));
            return;
        }
        if (villageMerges.containsKey(source.id()) || villageMerges.containsValue(source.id())
                || villageMoves.containsKey(source.id())) {
            errors.add(FieldError.coded(field + ".sources", "reorg.twice",
                    "Unit " + source.code() + " is changed by two steps", source.code()));
            return;
        }
        Set<String> named = new LinkedHashSet<>();
        for (int p = 0; p < step.parts().size(); p++) {
            ReorganizationStep part = step.parts().get(p);
            String partField = field + ".parts[" + p + "]";
            if (part.households().isEmpty()) {
                errors.add(FieldError.coded(partField + ".households", "reorg.splitHouseholds",
                        "Name the households (by code) that go to " + part.code(), String.valueOf(part.code())));
                return;
            }
            for (String household : part.households()) {
                if (!named.add(household)) {
                    errors.add(FieldError.coded(partField + ".households", "reorg.householdTwice",
                            "Household " + household + " is named twice", household));
                    return;
                }
            }
            Unit existing = openByCode.get(part.code());
            long target;
            if (existing != null) {
                if (existing.level() != UnitLevel.VILLAGE || !source.parentId().equals(existing.parentId())
                        || existing.id() == source.id()) {
                    errors.add(FieldError.coded(partField + ".code", "reorg.splitVillagePart", "A part of village "
                            + source.code() + " is another village of its commune, existing or new; not "
                            + part.code(), source.code(), part.code()));
                    return;
                }
                target = existing.id();
            } else {
                Long made = newVillage(partField, part, source.parentId());
                if (made == null) {
                    return;
                }
                target = made;
            }
            if (!startedBefore(field + ".sources", source)) {
                return;
            }
            villageSplits.add(new VillageSplit(source.id(), target, part.households()));
            predecessors.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(source.id());
        }
    }

    private void mergeVillages(String field, ReorganizationStep step) {
        List<Unit> sources = new ArrayList<>();
        for (String code : step.sources()) {
            Unit v = openByCode.get(code);
            if (v == null || v.level() != UnitLevel.VILLAGE) {
                errors.add(FieldError.coded(field + ".sources", "reorg.unknownVillage",
                        "Village " + code + " is not an open village of the province", code));
                return;
            }
            if (!sources.contains(v)) {
                sources.add(v);
            }
        }
        if (sources.isEmpty()) {
            errors.add(FieldError.coded(field + ".sources", "reorg.villages", "Name the villages that merge"));
            return;
        }
        Long commune = sources.get(0).parentId();
        if (commune == null || sources.stream().anyMatch(v -> !commune.equals(v.parentId()))) {
            errors.add(FieldError.coded(field + ".sources", "reorg.villagesSameCommune",
                    "Villages that merge belong to one commune"));
            return;
        }
        Unit survivor = sources.stream().filter(v -> v.code().equals(step.code())).findFirst().orElse(null);
        long target;
        if (survivor != null) {
            target = survivor.id();
            if (villageMerges.containsKey(target) || villageMoves.containsKey(target)) {
                errors.add(FieldError.coded(field + ".code", "reorg.twice",
                        "Unit " + survivor.code() + " is changed by two steps", survivor.code()));
                return;
            }
            if (step.name() != null || step.type() != null) {
                renameUnit(field, survivor, step.name(), step.type());
            }
        } else {
            Long made = newVillage(field, step, commune);
            if (made == null) {
                return;
            }
            target = made;
        }
        if (step.sumQuotas()) {
            quotaSums.add(target);
        }
        for (Unit v : sources) {
            if (v == survivor) {
                continue;
            }
            if (villageMerges.containsKey(v.id()) || villageMoves.containsKey(v.id())
                    || villageMerges.containsValue(v.id())) {
                errors.add(FieldError.coded(field + ".sources", "reorg.twice",
                        "Unit " + v.code() + " is changed by two steps", v.code()));
                return;
            }
            if (!startedBefore(field + ".sources", v)) {
                return;
            }
            villageMerges.put(v.id(), target);
            predecessors.computeIfAbsent(target, k -> new LinkedHashSet<>()).add(v.id());
        }
    }

    /** A new village of {@code commune} with the step's code, name and type; null (and an error) when they do not do. */
    private Long newVillage(String field, ReorganizationStep step, long commune) {
        String communeCode = units.get(commune).code();
        UnitType type = UnitType.parse(step.type(), UnitLevel.VILLAGE);
        if (step.code() == null || !step.code().startsWith(communeCode + "-")
                || !step.code().substring(communeCode.length() + 1).matches("[0-9A-Za-z]{1,6}")
                || openByCode.containsKey(step.code())
                || newVillages.stream().anyMatch(n -> n.code().equals(step.code()))) {
            errors.add(FieldError.coded(field + ".code", "reorg.villageCode", "A new village's code is its"
                    + " commune's code, '-' and 1 to 6 letters or digits, not taken; got " + step.code(),
                    communeCode, String.valueOf(step.code())));
            return null;
        }
        if (step.name() == null || step.name().isBlank() || step.name().strip().length() > 200 || type == null) {
            errors.add(FieldError.coded(field + ".name", "reorg.newVillage", "A new village " + step.code()
                    + " needs a name (up to 200 characters) and a village type (thôn, ấp, bản, tổ dân phố...)",
                    step.code()));
            return null;
        }
        NewVillage n = new NewVillage(-1_000_001L - newVillages.size(), step.code(), step.name().strip(),
                type.key(), commune);
        newVillages.add(n);
        return n.tempId();
    }

    private void merge(String field, ReorganizationStep step) {
        List<Unit> sources = communes(field + ".sources", step.sources());
        if (sources == null) {
            return;
        }
        if (sources.isEmpty()) {
            errors.add(FieldError.coded(field + ".sources", "reorg.sources", "Name the communes that merge"));
            return;
        }
        Long parent = sources.get(0).parentId();
        if (sources.stream().anyMatch(s -> !java.util.Objects.equals(s.parentId(), parent))) {
            errors.add(FieldError.coded(field + ".sources", "reorg.sameParent",
                    "Communes that merge belong to the same unit above them"));
            return;
        }
        Unit survivor = sources.stream().filter(s -> s.code().equals(step.code())).findFirst().orElse(null);
        long successor;
        if (survivor != null) {
            successor = survivor.id();
            if (step.name() != null || step.type() != null) {
                renameUnit(field, survivor, step.name(), step.type());
            }
            if (shares.containsKey(survivor.id()) || heirs.containsKey(survivor.id())) {
                errors.add(FieldError.coded(field + ".code", "reorg.twice", "Unit " + survivor.code()
                        + " is changed by two steps", survivor.code()));
                return;
            }
            shares.put(survivor.id(), Map.of(survivor.id(), 1.0));
        } else {
            Long target = successor(field, step.code(), step.name(), step.type(), parent);
            if (target == null) {
                return;
            }
            successor = target;
        }
        if (step.mainStation() != null) {
            designatedMains.put(successor, step.mainStation());
        }
        for (Unit s : sources) {
            if (s == survivor) {
                continue;
            }
            if (!close(field + ".sources", s, successor, Map.of(successor, 1.0))) {
                return;
            }
            for (Unit v : villagesOf.getOrDefault(s.id(), List.of())) {
                moveVillage(field + ".sources", v, successor);
            }
        }
    }

    private void split(String field, ReorganizationStep step, Map<Long, Long> personsByVillage) {
        List<Unit> sources = communes(field + ".sources", step.sources());
        if (sources == null) {
            return;
        }
        if (sources.size() != 1 || step.parts().isEmpty()) {
            errors.add(FieldError.coded(field + ".sources", "reorg.splitShape",
                    "A split names one commune and the parts its villages go to"));
            return;
        }
        Unit source = sources.get(0);
        Set<Long> left = new LinkedHashSet<>();
        villagesOf.getOrDefault(source.id(), List.of()).forEach(v -> left.add(v.id()));
        Map<Long, Long> people = new LinkedHashMap<>();
        long total = 0;
        Long firstHeir = null;
        for (int p = 0; p < step.parts().size(); p++) {
            ReorganizationStep part = step.parts().get(p);
            String partField = field + ".parts[" + p + "]";
            Long target = successor(partField, part.code(), part.name(), part.type(), source.parentId());
            if (target == null) {
                return;
            }
            if (target == source.id()) {
                errors.add(FieldError.coded(partField + ".code", "reorg.splitIntoItself",
                        "A commune that is split ends; its parts are other communes"));
                return;
            }
            firstHeir = firstHeir == null ? target : firstHeir;
            for (String code : part.villages()) {
                Unit v = openByCode.get(code);
                if (v == null || v.level() != UnitLevel.VILLAGE || !left.remove(v.id())) {
                    errors.add(FieldError.coded(partField + ".villages", "reorg.notVillageOf",
                            "Village " + code + " is not an open village of commune " + source.code()
                                    + ", or is named twice", code, source.code()));
                    return;
                }
                moveVillage(partField + ".villages", v, target);
                long n = personsByVillage.getOrDefault(v.id(), 0L);
                people.merge(target, n, Long::sum);
                total += n;
            }
        }
        if (!left.isEmpty()) {
            errors.add(FieldError.coded(field + ".parts", "reorg.villagesLeft", "Every village of commune "
                    + source.code() + " goes to a part; " + left.size() + " are not named", source.code(),
                    left.size()));
            return;
        }
        Map<Long, Double> weights = new LinkedHashMap<>();
        for (Map.Entry<Long, Long> e : people.entrySet()) {
            weights.put(e.getKey(), total == 0 ? 1.0 / people.size() : (double) e.getValue() / total);
        }
        close(field + ".sources", source, firstHeir, weights);
    }

    private void move(String field, ReorganizationStep step) {
        if (step.villages().isEmpty()) {
            errors.add(FieldError.coded(field + ".villages", "reorg.villages", "Name the villages that move"));
            return;
        }
        Long parentOfFirst = null;
        List<Unit> villages = new ArrayList<>();
        for (String code : step.villages()) {
            Unit v = openByCode.get(code);
            if (v == null || v.level() != UnitLevel.VILLAGE) {
                errors.add(FieldError.coded(field + ".villages", "reorg.unknownVillage",
                        "Village " + code + " is not an open village of the province", code));
                return;
            }
            villages.add(v);
            Unit commune = units.get(v.parentId());
            parentOfFirst = parentOfFirst == null && commune != null ? commune.parentId() : parentOfFirst;
        }
        Long target = successor(field, step.code(), step.name(), step.type(), parentOfFirst);
        if (target == null) {
            return;
        }
        for (Unit v : villages) {
            if (v.parentId() != null && v.parentId() == target) {
                errors.add(FieldError.coded(field + ".villages", "reorg.alreadyThere",
                        "Village " + v.code() + " already belongs to commune " + step.code(), v.code(), step.code()));
                return;
            }
            moveVillage(field + ".villages", v, target);
        }
    }

    private void rename(String field, ReorganizationStep step) {
        Unit unit = openByCode.get(step.code());
        if (unit == null) {
            errors.add(FieldError.coded(field + ".code", "reorg.unknownUnit",
                    "No open unit has the code " + step.code(), step.code()));
            return;
        }
        if (step.name() == null && step.type() == null) {
            errors.add(FieldError.coded(field + ".name", "reorg.renameNothing",
                    "A rename gives a new name, a new type or both"));
            return;
        }
        renameUnit(field, unit, step.name(), step.type());
    }

    private void renameUnit(String field, Unit unit, String name, String type) {
        String key = unit.type();
        if (type != null) {
            UnitType parsed = UnitType.parse(type, unit.level());
            if (parsed == null) {
                errors.add(FieldError.coded(field + ".type", "reorg.type",
                        "'" + type + "' is not a unit type of level " + unit.level(), type));
                return;
            }
            key = parsed.key();
        }
        String newName = name == null ? unit.name() : name.strip();
        if (newName.isEmpty() || newName.length() > 200) {
            errors.add(FieldError.coded(field + ".name", "reorg.name", "A name has 1 to 200 characters"));
            return;
        }
        if (!startedBefore(field + ".code", unit)) {
            return;
        }
        if (renames.stream().anyMatch(r -> r.unitId() == unit.id())) {
            errors.add(FieldError.coded(field + ".code", "reorg.twice",
                    "Unit " + unit.code() + " is changed by two steps", unit.code()));
            return;
        }
        renames.add(new Rename(unit.id(), newName, key));
    }

    /** The communes named, all open; null (with an error) if one is not. */
    private List<Unit> communes(String field, List<String> codes) {
        List<Unit> found = new ArrayList<>();
        for (String code : codes) {
            Unit u = openByCode.get(code);
            if (u == null || u.level() != UnitLevel.COMMUNE) {
                errors.add(FieldError.coded(field, "reorg.unknownCommune",
                        "Commune " + code + " is not an open commune of the province", code));
                return null;
            }
            if (heirs.containsKey(u.id())) {
                errors.add(FieldError.coded(field, "reorg.twice", "Unit " + code + " is changed by two steps", code));
                return null;
            }
            if (!found.contains(u)) {
                found.add(u);
            }
        }
        return found;
    }

    /** The commune a step hands things to: an open commune that does not end, or a new one (negative id). */
    private Long successor(String field, String code, String name, String type, Long parentId) {
        if (code == null || !code.matches("\\d{5}")) {
            errors.add(FieldError.coded(field + ".code", "reorg.communeCode",
                    "The code of a commune is five digits; got " + code, String.valueOf(code)));
            return null;
        }
        Unit existing = openByCode.get(code);
        if (existing != null) {
            if (existing.level() != UnitLevel.COMMUNE || heirs.containsKey(existing.id())) {
                errors.add(FieldError.coded(field + ".code", "reorg.notOpenCommune",
                        "Unit " + code + " is not a commune that stays open", code));
                return null;
            }
            return existing.id();
        }
        NewCommune created = newByCode.get(code);
        if (created != null) {
            return created.tempId();
        }
        UnitType parsed = UnitType.parse(type, UnitLevel.COMMUNE);
        if (name == null || name.isBlank() || name.strip().length() > 200 || parsed == null) {
            errors.add(FieldError.coded(field + ".name", "reorg.newCommune",
                    "A new commune " + code + " needs a name (up to 200 characters) and a commune type (xã, phường,"
                            + " đặc khu)", code));
            return null;
        }
        NewCommune n = new NewCommune(-(newCommunes.size() + 1L), code, name.strip(), parsed.key(), parentId);
        newCommunes.add(n);
        newByCode.put(code, n);
        return n.tempId();
    }

    private boolean close(String field, Unit commune, long heir, Map<Long, Double> weights) {
        if (!startedBefore(field, commune)) {
            return false;
        }
        if (heirs.containsKey(commune.id()) || shares.containsKey(commune.id())) {
            errors.add(FieldError.coded(field, "reorg.twice",
                    "Unit " + commune.code() + " is changed by two steps", commune.code()));
            return false;
        }
        heirs.put(commune.id(), heir);
        shares.put(commune.id(), weights);
        for (Long successor : weights.keySet()) {
            predecessors.computeIfAbsent(successor, k -> new LinkedHashSet<>()).add(commune.id());
        }
        return true;
    }

    private void moveVillage(String field, Unit village, long target) {
        if (villageMoves.containsKey(village.id()) || villageMerges.containsKey(village.id())) {
            errors.add(FieldError.coded(field, "reorg.twice",
                    "Unit " + village.code() + " is changed by two steps", village.code()));
            return;
        }
        if (startedBefore(field, village)) {
            villageMoves.put(village.id(), target);
        }
    }

    private boolean startedBefore(String field, Unit unit) {
        if (!unit.validFrom().isBefore(effective)) {
            errors.add(FieldError.coded(field, "reorg.tooEarly", "Unit " + unit.code() + " began on "
                    + unit.validFrom() + "; a change takes effect after a unit began", unit.code(),
                    unit.validFrom()));
            return false;
        }
        return true;
    }

    /**
     * The stations of ending communes go to the heir. Per receiving commune the main station is the one named in
     * the step, else the commune's own, else the only one that comes; the others become its sub-sites (điểm trạm),
     * serving the commune they served before. More than one candidate and none named is a conflict.
     */
    private void planStations(List<Station> stations) {
        Map<Long, List<Station>> incoming = new LinkedHashMap<>();
        Map<Long, Station> ownMain = new HashMap<>();
        for (Station s : stations) {
            Long heir = heirs.get(s.communeId());
            if (heir != null) {
                incoming.computeIfAbsent(heir, k -> new ArrayList<>()).add(s);
            } else if (s.parentId() == null) {
                ownMain.put(s.communeId(), s);
            }
        }
        Set<Long> receiving = new LinkedHashSet<>(incoming.keySet());
        for (Map.Entry<Long, Long> d : designatedMains.entrySet()) {
            receiving.add(d.getKey());
        }
        for (Long commune : receiving) {
            List<Station> coming = incoming.getOrDefault(commune, List.of());
            List<Station> mains = new ArrayList<>();
            if (ownMain.containsKey(commune)) {
                mains.add(ownMain.get(commune));
            }
            coming.stream().filter(s -> s.parentId() == null).forEach(mains::add);
            Long named = designatedMains.get(commune);
            Station main = null;
            if (named != null) {
                main = mains.stream().filter(s -> s.id() == named).findFirst().orElse(null);
                if (main == null) {
                    errors.add(FieldError.coded("mainStation", "reorg.mainStation", "Station " + named
                            + " is not a main station of the communes that merge", named));
                    throw ProblemException.invalid(errors);
                }
            } else if (ownMain.containsKey(commune)) {
                main = ownMain.get(commune);
            } else if (mains.size() == 1) {
                main = mains.get(0);
            } else if (mains.size() > 1) {
                conflicts.add(FieldError.coded("mainStation", "reorg.twoMains", "Commune " + codeOf(commune)
                        + " would have " + mains.size() + " main stations ("
                        + String.join(", ", mains.stream().map(Station::name).toList())
                        + "); name the one that stays main (mainStation)", codeOf(commune), mains.size(),
                        String.join(", ", mains.stream().map(Station::name).toList())));
                continue;
            }
            Set<Long> moving = new HashSet<>();
            coming.forEach(s -> moving.add(s.id()));
            for (Station s : mains) {
                if (s == main) {
                    if (moving.contains(s.id())) {
                        stationChanges.add(new StationChange(s.id(), commune, null, s.formerCommuneId()));
                    }
                } else {
                    stationChanges.add(new StationChange(s.id(), commune, main.id(), s.communeId()));
                }
            }
            for (Station s : coming) {
                if (s.parentId() != null) {
                    Long former = s.formerCommuneId() != null ? s.formerCommuneId() : s.communeId();
                    stationChanges.add(new StationChange(s.id(), commune, main == null ? s.parentId() : main.id(),
                            former));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** The code of an open or new commune or village. */
    public String codeOf(long id) {
        if (id <= -1_000_001L) {
            return newVillages.get((int) (-id - 1_000_001L)).code();
        }
        if (id < 0) {
            return newCommunes.get((int) (-id - 1)).code();
        }
        Unit u = units.get(id);
        return u == null ? String.valueOf(id) : u.code();
    }

    /** The name of an open or new commune, after its renames. */
    public String nameOf(long id) {
        if (id <= -1_000_001L) {
            return newVillages.get((int) (-id - 1_000_001L)).name();
        }
        if (id < 0) {
            return newCommunes.get((int) (-id - 1)).name();
        }
        for (Rename r : renames) {
            if (r.unitId() == id) {
                return r.name();
            }
        }
        Unit u = units.get(id);
        return u == null ? String.valueOf(id) : u.name();
    }

    public Unit unit(long id) {
        return units.get(id);
    }

    /** Every commune the reorganization touches, open ones first (by code), then the new ones. */
    public List<Long> communesInvolved() {
        Set<Long> ids = new LinkedHashSet<>();
        ids.addAll(shares.keySet());
        heirs.values().forEach(ids::add);
        shares.values().forEach(w -> ids.addAll(w.keySet()));
        for (Map.Entry<Long, Long> m : villageMoves.entrySet()) {
            Unit v = units.get(m.getKey());
            if (v.parentId() != null) {
                ids.add(v.parentId());
            }
            ids.add(m.getValue());
        }
        for (Long v : villageMerges.keySet()) {
            ids.add(units.get(v).parentId());
        }
        for (VillageSplit split : villageSplits) {
            ids.add(units.get(split.sourceId()).parentId());
        }
        for (Rename r : renames) {
            Unit u = units.get(r.unitId());
            if (u.level() == UnitLevel.COMMUNE) {
                ids.add(u.id());
            } else if (u.level() == UnitLevel.VILLAGE && u.parentId() != null) {
                ids.add(u.parentId());
            }
        }
        List<Long> sorted = new ArrayList<>(ids.stream().filter(id -> id >= 0).sorted(
                java.util.Comparator.comparing(this::codeOf)).toList());
        ids.stream().filter(id -> id < 0).forEach(sorted::add);
        return sorted;
    }

    /** The commune a village belongs to after the reorganization. */
    public long communeAfter(Unit village) {
        return villageMoves.getOrDefault(village.id(), village.parentId());
    }

    /** The commune that takes over what hangs on a commune (itself, unless it ends). */
    public long heirOf(long commune) {
        return heirs.getOrDefault(commune, commune);
    }

    public List<Unit> villagesOf(long commune) {
        return villagesOf.getOrDefault(commune, List.of());
    }

    public LocalDate effective() {
        return effective;
    }

    public List<NewCommune> newCommunes() {
        return newCommunes;
    }

    public Map<Long, Long> villageMoves() {
        return villageMoves;
    }

    /** Ending communes and their heirs. */
    public Map<Long, Long> heirs() {
        return heirs;
    }

    /** For each commune whose targets are cut at the effective date, the successors and their share. */
    public Map<Long, Map<Long, Double>> shares() {
        return shares;
    }

    public List<NewVillage> newVillages() {
        return newVillages;
    }

    /** Villages that end, each with the village (maybe new) that takes its people, households and quotas. */
    public Map<Long, Long> villageMerges() {
        return villageMerges;
    }

    /** Households that go from a village to another of its commune, with their members. */
    public List<VillageSplit> villageSplits() {
        return villageSplits;
    }

    /** Whether two quotas of one year for this (merged) village are to be added up rather than refused. */
    public boolean sumsQuotas(long village) {
        return quotaSums.contains(village);
    }

    public List<Rename> renames() {
        return renames;
    }

    public Map<Long, Set<Long>> predecessors() {
        return predecessors;
    }

    public List<StationChange> stationChanges() {
        return stationChanges;
    }

    public List<FieldError> conflicts() {
        return conflicts;
    }
}
