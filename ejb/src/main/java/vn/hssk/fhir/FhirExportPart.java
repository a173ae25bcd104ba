package vn.hssk.fhir;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One part of an export's file ({@code fhir_export_part}): NDJSON lines of one resource type, from one chunk. */
@Entity
@Table(name = "fhir_export_part")
public class FhirExportPart {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "export_id", nullable = false)
    private long exportId;

    @Column(name = "resource_type", nullable = false, length = 40)
    private String type;

    @Column(nullable = false)
    private int resources;

    @Column(nullable = false, columnDefinition = "LONGTEXT")
    private String content;

    protected FhirExportPart() {
    }

    public Long getId() {
        return id;
    }
}
