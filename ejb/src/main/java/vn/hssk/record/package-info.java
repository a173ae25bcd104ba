/**
 * The personal health record of QĐ 831/QĐ-BYT, keyed by the 12-digit personal ID (NĐ 102/2025). Part A
 * (administrative identity) is {@link vn.hssk.record.Person}; part B (history and risk factors) is made of
 * {@link vn.hssk.record.HistoryEntry} lines over a catalog of {@link vn.hssk.record.HistoryItem}s the province
 * extends; part D is the {@link vn.hssk.record.Visit}s at the station. The same ID is one person, enforced by the
 * database; nothing is deleted or edited in place in parts B and D, a line is voided with a reason, and every read and
 * change is written to the audit trail ({@link vn.hssk.audit}) under the person's id.
 */
package vn.hssk.record;
