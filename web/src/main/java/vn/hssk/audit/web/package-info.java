/** The audit screen of province administrators: who saw or changed a record, what a user touched. */
package vn.hssk.audit.web;
