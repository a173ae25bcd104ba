/**
 * Intake of the claim XML that clinics and hospitals already produce for every visit: the {@code GIAMDINHHS} envelope
 * of QĐ 130/QĐ-BYT (as amended by QĐ 4750/2023 and QĐ 3176/2024) and the older QĐ 4210 form of it. Each claim of an
 * envelope (one {@code MA_LK}) is matched to a person of the province (personal ID, then BHYT card, and name + date
 * of birth only as a suggestion for review) and becomes a part D visit of that person; the others wait in the review
 * list of the commune they point to. Facility + {@code MA_LK} is unique: an envelope sent twice changes nothing.
 * See {@code docs/claims.md}.
 */
package vn.hssk.claims;
