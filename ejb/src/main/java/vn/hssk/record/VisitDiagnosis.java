package vn.hssk.record;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;

/**
 * A diagnosis of a visit: the ICD-10 code and its name as the catalog had it that day (kept, so the visit reads the
 * same if the catalog's wording changes). The first diagnosis of a visit is the main one.
 */
@Embeddable
public class VisitDiagnosis implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "icd10_code", nullable = false, length = 10)
    private String code;

    @Column(nullable = false, length = 300)
    private String name;

    protected VisitDiagnosis() {
    }

    public VisitDiagnosis(String code, String name) {
        this.code = code;
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }
}
