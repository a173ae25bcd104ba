/**
 * The platform's own use cases: onboarding a province as a tenant (schema, migrations, catalogs, first
 * administrator), suspending and resuming it, and the aggregates national administrators see.
 */
package vn.hssk.tenant;
