/**
 * The platform's own use cases: onboarding a province as a tenant (schema, migrations, catalogs, first
 * administrator) on a named database server, suspending and resuming it, moving its data to another database server
 * (a restartable batch job that copies, checks counts and checksums, pauses the province's writes for a moment and
 * switches the registry), and the aggregates national administrators see.
 */
package vn.hssk.tenant;
