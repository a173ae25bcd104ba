/**
 * Plans (kế hoạch) with their legal basis, phases and tasks; targets of catalog indicators per unit and period; the
 * village quotas of record creation; and the progress against them, always counted from the one definition of a
 * created record (view {@code created_record}) so that it equals a direct count at any moment.
 */
package vn.hssk.plan;
