package vn.hssk.claims;

/**
 * Which form of the envelope a claim's summary table was written in: QĐ 130 (with its amendments), or the older QĐ
 * 4210, recognised by its own field names (MA_THE, MA_BENH, MA_BENHKHAC) and by the absence of SO_CCCD.
 */
public enum ClaimEncoding {
    QD130,
    QD4210
}
