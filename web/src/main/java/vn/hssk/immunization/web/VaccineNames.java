package vn.hssk.immunization.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import vn.hssk.immunization.Vaccine;
import vn.hssk.immunization.VaccineService;
import vn.hssk.shared.web.Language;

/**
 * The names of the province's vaccines in the language of the screens ({@code #{vaccineNames.name(code)}}): the
 * Vietnamese name of the catalog unless the screens are in English, so that lists show a name, not a code. Read once
 * per request; a code the catalog does not know is shown as it is.
 */
@Named
@RequestScoped
public class VaccineNames {

    @Inject
    private VaccineService vaccines;

    @Inject
    private Language language;

    private Map<String, String> byCode;

    public String name(String code) {
        if (code == null) {
            return "";
        }
        if (byCode == null) {
            byCode = new HashMap<>();
            for (Vaccine v : vaccines.vaccines(true)) {
                byCode.put(v.getCode(), v.name(language.getLocale()));
            }
        }
        return byCode.getOrDefault(code, code);
    }
}
