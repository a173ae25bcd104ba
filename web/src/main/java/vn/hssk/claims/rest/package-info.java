/** REST API of the claim intake: {@code /api/claims} (upload, envelope reports, review list, link and dismiss). */
package vn.hssk.claims.rest;
