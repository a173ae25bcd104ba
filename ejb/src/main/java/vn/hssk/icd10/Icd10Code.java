package vn.hssk.icd10;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.hssk.shared.FieldCheck;
import vn.hssk.shared.TextFolding;

/**
 * One ICD-10 code with its Vietnamese name. A code is a fact of the WHO classification, so it is not voided or
 * renamed here: the province adds the codes its catalog lacks ({@code PROVINCE}) beside those shipped
 * ({@code CATALOG}).
 */
@Entity
@Table(name = "icd10_code")
public class Icd10Code {

    /** A three-character category (I10) or a subcategory after a dot (E11.9, Z00.0). */
    public static final Pattern CODE = Pattern.compile("[A-Z]\\d{2}(\\.[0-9A-Z]{1,4})?");

    @Id
    @Column(length = 10)
    private String code;

    @Column(nullable = false, length = 300)
    private String name;

    @Column(name = "name_folded", nullable = false, length = 300)
    private String nameFolded;

    @Column(nullable = false, length = 20)
    private String source;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected Icd10Code() {
    }

    /** A code the province adds to its catalog. */
    public Icd10Code(String code, String name, String actor) {
        FieldCheck fields = new FieldCheck();
        String c = normalize(code);
        if (c == null) {
            fields.fail("code", "Code is required");
        } else if (!CODE.matcher(c).matches()) {
            fields.fail("code", "An ICD-10 code looks like I10 or E11.9");
        }
        String n = fields.text("name", name, 300, true, "Name");
        fields.throwIfAny();
        this.code = c;
        this.name = n;
        this.nameFolded = TextFolding.fold(n);
        this.source = "PROVINCE";
        this.createdAt = Instant.now();
        this.createdBy = actor;
    }

    /** Upper case without spaces, so that "e11.9 " and "E11.9" are one code. */
    public static String normalize(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        return code.strip().replace(" ", "").toUpperCase(Locale.ROOT);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getSource() {
        return source;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
