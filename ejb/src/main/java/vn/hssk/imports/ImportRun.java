package vn.hssk.imports;

import vn.hssk.shared.CallerIdentity;

/**
 * One run of an import job as its handler sees it: the job, who started it (their token's username, roles, province
 * and communes, carried by the job because a batch thread has no request), whether it writes (apply) or only judges
 * (preview), the column mapping chosen on the screen ({@code null}: detect from the header), and whether the run is
 * fresh: nothing of its job was committed before it (a first run; a resumed run is not), so what the run remembers
 * of its own rows covers all that its job has written. {@code jobId} 0 is a synchronous import, which is no job.
 */
public record ImportRun(long jobId, CallerIdentity caller, boolean write, String mapping, boolean fresh) {
}
