/**
 * Exports of one person's record for the person, other systems and paper: HL7 FHIR R4 (a {@code Patient}) and a PDF
 * of the 831 record in Vietnamese. An export is a read of personal data and is audited as one, with its own context.
 */
package vn.hssk.export;
