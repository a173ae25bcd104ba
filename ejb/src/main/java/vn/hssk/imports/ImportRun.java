package vn.hssk.imports;

import vn.hssk.shared.CallerIdentity;

/**
 * One run of an import job as its handler sees it: the job, who started it (their token's username, roles, province
 * and communes, carried by the job because a batch thread has no request), whether it writes (apply) or only judges
 * (preview), and the column mapping chosen on the screen ({@code null}: detect from the header).
 */
public record ImportRun(long jobId, CallerIdentity caller, boolean write, String mapping) {
}
