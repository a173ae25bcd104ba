package vn.hssk.tenant.rest;

/**
 * The body of {@code POST /api/tenants/{code}/merge}: the province to merge into, and whether this is only a dry run
 * (what the merge would do, changing nothing).
 */
public record MergeRequest(String into, Boolean dryRun) {
}
