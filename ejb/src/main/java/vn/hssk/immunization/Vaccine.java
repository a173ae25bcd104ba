package vn.hssk.immunization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Locale;
import vn.hssk.shared.Audited;
import vn.hssk.shared.FieldCheck;

/**
 * A vaccine product of the province's catalog: what it protects against (antigen), who makes it and how many doses a
 * vial holds. Its code is how lots, schedule rows and doses name it; a vaccine no longer used is deactivated, never
 * deleted, because doses and lots keep pointing to it.
 */
@Entity
@Table(name = "vaccine")
public class Vaccine extends Audited implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 60)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_vi", length = 200)
    private String nameVi;

    @Column(nullable = false, length = 200)
    private String antigen;

    @Column(length = 200)
    private String manufacturer;

    @Column(name = "doses_per_vial")
    private Integer dosesPerVial;

    @Column(nullable = false)
    private boolean active = true;

    protected Vaccine() {
    }

    public Vaccine(VaccineDetails details, String actor) {
        FieldCheck check = new FieldCheck();
        String c = check.text("code", details.code(), 60, true, "Code");
        if (c != null && !c.toUpperCase(Locale.ROOT).matches("[A-Z0-9][A-Z0-9-]*")) {
            check.fail("code", "vaccine.code", "Code is letters, digits and dashes (e.g. DPT-VGB-HIB)");
        }
        apply(check, details);
        check.throwIfAny();
        this.code = c.toUpperCase(Locale.ROOT);
        recordCreation(actor);
    }

    /** Corrects the product's description; the code stays, since lots and doses are known by it. */
    public void amend(VaccineDetails details, String actor) {
        FieldCheck check = new FieldCheck();
        apply(check, details);
        check.throwIfAny();
        recordChange(actor);
    }

    public void activate(boolean active, String actor) {
        this.active = active;
        recordChange(actor);
    }

    private void apply(FieldCheck check, VaccineDetails details) {
        String n = check.text("name", details.name(), 200, true, "Name");
        String vi = check.text("nameVi", details.nameVi(), 200, false, "Vietnamese name");
        String a = check.text("antigen", details.antigen(), 200, true, "Antigen");
        String m = check.text("manufacturer", details.manufacturer(), 200, false, "Manufacturer");
        Integer d = details.dosesPerVial();
        if (d != null && (d < 1 || d > 50)) {
            check.fail("dosesPerVial", "vaccine.dosesPerVial", "Doses per vial is between 1 and 50");
        }
        this.name = n;
        this.nameVi = vi;
        this.antigen = a;
        this.manufacturer = m;
        this.dosesPerVial = d;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    /** The Vietnamese name, when the catalog or the province gave one. */
    public String getNameVi() {
        return nameVi;
    }

    /** The name a reader of {@code locale} sees: the Vietnamese one unless English is asked (or none is known). */
    public String name(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        return english || nameVi == null ? name : nameVi;
    }

    public String getAntigen() {
        return antigen;
    }

    public String getManufacturer() {
        return manufacturer;
    }

    public Integer getDosesPerVial() {
        return dosesPerVial;
    }

    public boolean isActive() {
        return active;
    }
}
