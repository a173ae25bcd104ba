/** Tenant-schema migrations written in Java, beside the SQL ones of {@code db/tenant}, where a catalog file feeds them. */
package db.tenant;
