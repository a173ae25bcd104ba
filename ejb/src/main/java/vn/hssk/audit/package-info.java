/**
 * The append-only audit trail of personal data (Law 91/2025/QH15, Decree 356/2025): who read or changed which record,
 * with which role, from where, and the fields before and after. Rows are written in the transaction of the use case
 * they describe and the database refuses to update or delete them.
 */
package vn.hssk.audit;
