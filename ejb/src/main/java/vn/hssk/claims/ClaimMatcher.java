package vn.hssk.claims;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import vn.hssk.shared.TextFolding;

/**
 * The matching rule of a claim to a person of the province, in order: the personal ID ({@code SO_CCCD}, exactly 12
 * digits; an old 9-digit ID or a passport number is not used), then each BHYT card of {@code MA_THE_BHYT} (4210:
 * {@code MA_THE}; several cards separated by ';'), whose last 10 digits are the social-insurance number the record
 * keeps; a card number shared by several records matches nobody. Last the folded name with the full date of birth:
 * one such person is offered as a candidate for review, never linked. The look-ups see live (not voided) records of
 * the whole province; the scope of the caller is applied afterwards by the service.
 */
public final class ClaimMatcher {

    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern OLD_CARD = Pattern.compile("[A-Z]{2}[1-5]\\d{2}(\\d{10})");
    private static final Pattern BHXH = Pattern.compile("\\d{10}");

    /** The look-ups the rule needs; each returns ids of live records. */
    public interface People {
        List<Long> byPersonalId(String personalId);

        List<Long> byBhxhNumber(String number);

        List<Long> byNameAndBirth(String foldedName, LocalDate birthDate);
    }

    /** The outcome: the rule that matched and the person (null for NONE). */
    public record Match(MatchRule rule, Long personId) {
        static final Match NONE = new Match(MatchRule.NONE, null);
    }

    private ClaimMatcher() {
    }

    public static Match match(ClaimSummary claim, People people) {
        String pid = claim.personalId() == null ? null : claim.personalId().replace(" ", "");
        if (pid != null && PERSONAL_ID.matcher(pid).matches()) {
            List<Long> found = people.byPersonalId(pid);
            if (found.size() == 1) {
                return new Match(MatchRule.PERSONAL_ID, found.get(0));
            }
        }
        Set<Long> byCard = new LinkedHashSet<>();
        boolean ambiguous = false;
        for (String card : claim.bhytCards()) {
            String number = bhxhNumber(card);
            if (number != null) {
                List<Long> found = people.byBhxhNumber(number);
                ambiguous |= found.size() > 1;
                byCard.addAll(found);
            }
        }
        if (!ambiguous && byCard.size() == 1) {
            return new Match(MatchRule.BHYT, byCard.iterator().next());
        }
        if (claim.fullName() != null && claim.birthDate() != null) {
            List<Long> found = people.byNameAndBirth(TextFolding.fold(claim.fullName()), claim.birthDate());
            if (found.size() == 1) {
                return new Match(MatchRule.NAME_BIRTH, found.get(0));
            }
        }
        return Match.NONE;
    }

    /** The 10-digit social-insurance number of a card: a 15-character card's last 10, or 10 digits as they are. */
    static String bhxhNumber(String card) {
        String compact = card.replaceAll("[\\s.-]", "").toUpperCase(Locale.ROOT);
        var old = OLD_CARD.matcher(compact);
        if (old.matches()) {
            return old.group(1);
        }
        return BHXH.matcher(compact).matches() ? compact : null;
    }
}
