package vn.hssk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Locale;
import vn.hssk.shared.Audited;
import vn.hssk.shared.ProblemException;

/**
 * An entry of the province's indicator catalog: what a target measures. The catalog is data: a province adds rows,
 * each naming one of the computations the code offers ({@link IndicatorComputation#key()}) with an optional parameter
 * (an antigen for vaccination coverage), so a new indicator needs a row, and a new kind of measure one hook class.
 */
@Entity
@Table(name = "indicator")
public class Indicator extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 40)
    private String code;

    @Column(name = "name_vi", nullable = false, length = 200)
    private String nameVi;

    @Column(name = "name_en", nullable = false, length = 200)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_kind", nullable = false, length = 8)
    private IndicatorUnit unitKind;

    @Column(nullable = false, length = 40)
    private String computation;

    @Column(length = 40)
    private String parameter;

    @Column(name = "built_in", nullable = false)
    private boolean builtIn;

    protected Indicator() {
    }

    public Indicator(String code, String nameVi, String nameEn, IndicatorUnit unitKind, String computation,
                     String parameter, String actor) {
        if (code == null || !code.strip().matches("[A-Za-z0-9_]{2,40}")) {
            throw ProblemException.invalid("code", "Code is 2 to 40 letters, digits or _");
        }
        if (nameVi == null || nameVi.isBlank() || nameVi.length() > 200) {
            throw ProblemException.invalid("nameVi", "The Vietnamese name is required (at most 200 characters)");
        }
        if (unitKind == null) {
            throw ProblemException.invalid("unitKind", "Unit is COUNT or PERCENT");
        }
        if (computation == null || computation.isBlank()) {
            throw ProblemException.invalid("computation", "Name the computation of the indicator");
        }
        this.code = code.strip().toUpperCase(Locale.ROOT);
        this.nameVi = nameVi.strip();
        this.nameEn = nameEn == null || nameEn.isBlank() ? this.nameVi : nameEn.strip();
        this.unitKind = unitKind;
        this.computation = computation.strip();
        this.parameter = parameter == null || parameter.isBlank() ? null : parameter.strip();
        recordCreation(actor);
    }

    public String name(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? nameEn : nameVi;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getNameVi() {
        return nameVi;
    }

    public String getNameEn() {
        return nameEn;
    }

    public IndicatorUnit getUnitKind() {
        return unitKind;
    }

    public String getComputation() {
        return computation;
    }

    public String getParameter() {
        return parameter;
    }

    public boolean isBuiltIn() {
        return builtIn;
    }
}
