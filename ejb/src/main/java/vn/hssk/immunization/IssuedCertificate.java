package vn.hssk.immunization;

/** A certificate just issued: its number, the verification URL its QR code carries, and the PDF. */
public record IssuedCertificate(String number, String token, String verifyUrl, byte[] pdf) {
}
