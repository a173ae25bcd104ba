/**
 * The personal health record of QĐ 831/QĐ-BYT, keyed by the 12-digit personal ID (NĐ 102/2025). This first slice
 * holds part A (administrative identity) in {@link vn.hssk.record.Person}; parts B to D will hang on the person. The
 * same ID is one person, enforced by the database; nothing is deleted, a record is voided with a reason, and every
 * read and change is written to the audit trail ({@link vn.hssk.audit}).
 */
package vn.hssk.record;
