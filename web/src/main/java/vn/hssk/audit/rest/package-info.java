/** REST access of province administrators to the audit trail: who saw or changed a record, what a user touched. */
package vn.hssk.audit.rest;
