/**
 * The care API ({@code /api/care}): programmes and their rules, a person's enrolments and follow-ups, the village care
 * list (JSON, PDF, XLSX), the overdue follow-ups of a commune and the counts of its programmes.
 */
package vn.hssk.care.rest;
