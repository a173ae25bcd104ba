package vn.hssk.station;

/**
 * The positions of a commune health station's staff: trạm trưởng, bác sĩ, y sĩ, điều dưỡng, hộ sinh, dược sĩ, or
 * another position.
 */
public enum StaffPosition {
    HEAD,
    DOCTOR,
    ASSISTANT_DOCTOR,
    NURSE,
    MIDWIFE,
    PHARMACIST,
    OTHER
}
