/** REST exports of one person's record: FHIR R4 JSON and the PDF of the 831 record. */
package vn.hssk.export.rest;
