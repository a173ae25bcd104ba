package vn.hssk.citizen;

/** What a citizen's message to their station is about. */
public enum FeedbackCategory {
    /** A suggestion (góp ý). */
    SUGGESTION,
    /** A complaint about a service or a person (khiếu nại, phản ánh). */
    COMPLAINT,
    /** A question (hỏi đáp). */
    QUESTION,
    /** Something wrong in the record (thông tin hồ sơ sai). */
    RECORD_ERROR
}
