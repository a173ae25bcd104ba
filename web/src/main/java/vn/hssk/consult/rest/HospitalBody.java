package vn.hssk.consult.rest;

/** A hospital as the province administrator registers or corrects it; {@code version} when correcting. */
public record HospitalBody(String facilityCode, String name, String address, Integer version) {
}
