package vn.hssk.plan;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

/** One document a plan rests on (căn cứ): its number, e.g. 2955/QĐ-BYT, the day it was issued and what it is. */
@Embeddable
public class LegalBasis {

    @Column(name = "doc_number", nullable = false, length = 60)
    private String docNumber;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    @Column(length = 1000)
    private String summary;

    protected LegalBasis() {
    }

    public LegalBasis(String docNumber, LocalDate issuedOn, String summary) {
        this.docNumber = docNumber;
        this.issuedOn = issuedOn;
        this.summary = summary;
    }

    public String getDocNumber() {
        return docNumber;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public String getSummary() {
        return summary;
    }
}
