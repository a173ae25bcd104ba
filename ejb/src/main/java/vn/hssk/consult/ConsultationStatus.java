package vn.hssk.consult;

/** Where a request stands: sent and waiting for the hospital, answered by a doctor, or withdrawn by the station. */
public enum ConsultationStatus {
    SENT, ANSWERED, CANCELLED
}
