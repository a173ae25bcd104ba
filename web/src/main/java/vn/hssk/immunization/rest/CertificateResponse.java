package vn.hssk.immunization.rest;

import jakarta.ws.rs.core.Response;
import vn.hssk.immunization.IssuedCertificate;

/** How the API hands out an issued certificate, to staff or to a citizen: the PDF, its number and verification URL. */
public final class CertificateResponse {

    private CertificateResponse() {
    }

    public static Response of(IssuedCertificate issued) {
        return Response.ok(issued.pdf(), "application/pdf").header("X-Verify-Url", issued.verifyUrl())
                .header("X-Certificate-Number", issued.number())
                .header("Content-Disposition", "attachment; filename=\"chung-nhan-tiem-chung-" + issued.number()
                        + ".pdf\"").build();
    }
}
