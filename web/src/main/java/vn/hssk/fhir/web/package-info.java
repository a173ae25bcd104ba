/**
 * The FHIR R4 API's HTTP face ({@code /fhir}): routing, paged Bundles, the CapabilityStatement, the Bulk Data export
 * pattern and OperationOutcome errors, over {@link vn.hssk.fhir.FhirService} and
 * {@link vn.hssk.fhir.FhirExportService}.
 */
package vn.hssk.fhir.web;
