/** Downloads of a person's record from the screens (PDF, FHIR), for the signed-in user's web session. */
package vn.hssk.export.web;
