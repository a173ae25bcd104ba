/**
 * The HL7 FHIR R4 face of a province's records: the resources ({@link vn.hssk.fhir.FhirPatient},
 * {@link vn.hssk.fhir.FhirClinical}, {@link vn.hssk.fhir.FhirDirectory}), reads, searches and writes with the
 * platform's scope and audit ({@link vn.hssk.fhir.FhirService}), and the bulk export of a whole province as NDJSON
 * files written by a batch job. {@code docs/fhir.md} maps every field.
 */
package vn.hssk.fhir;
