/**
 * Tenancy: the registry of provinces (one tenant each, in the platform schema), which schema and database server a
 * tenant lives on, how the current tenant of a transaction is resolved, and the Flyway migrations of the platform
 * schema and of every tenant schema.
 */
package vn.hssk.tenant;
