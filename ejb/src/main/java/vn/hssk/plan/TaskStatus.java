package vn.hssk.plan;

/** Where a plan's task stands; a task is overdue when its deadline has passed and it is neither done nor cancelled. */
public enum TaskStatus {
    NOT_STARTED, IN_PROGRESS, DONE, CANCELLED;

    public boolean isOpen() {
        return this == NOT_STARTED || this == IN_PROGRESS;
    }
}
