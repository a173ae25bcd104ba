package vn.hssk.claims;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.hssk.record.Person;
import vn.hssk.shared.CallerIdentity;
import vn.hssk.shared.Roles;

/**
 * Demo claims of the demo province 38: one synthetic envelope from the demo hospital (38001) with claims of demo
 * residents, two matched by personal ID (visits in part D), one by name and date of birth only (waiting for review
 * with its candidate) and one of nobody (waiting in the province's list); stored as a province administrator would.
 */
@Stateless
public class DemoClaims {

    private static final Logger LOG = Logger.getLogger(DemoClaims.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @PersistenceContext(unitName = "hssk")
    private EntityManager em;

    @Inject
    private ClaimStore store;

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void ensure(String tenantCode) {
        if (!"38".equals(tenantCode)
                || !em.createQuery("select e.id from ClaimEnvelope e", Long.class).setMaxResults(1).getResultList()
                .isEmpty()) {
            return;
        }
        List<Person> people = em.createQuery("select p from Person p where p.voided = false"
                + " and p.personalId is not null and p.birthDate < :adult order by p.id", Person.class)
                .setParameter("adult", java.time.LocalDate.of(2000, 1, 1)).setMaxResults(3).getResultList();
        if (people.size() < 3) {
            return;
        }
        List<String> hoso = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Person p = people.get(i);
            hoso.add(claim("DEMO-" + (i + 1), p.getFullName(), i < 2 ? p.getPersonalId() : null,
                    p.getBirthDate().format(DAY), i == 0 ? "I10" : "J02", i == 0 ? "E11" : null));
        }
        hoso.add(claim("DEMO-4", "Người Không Có Hồ Sơ", null, "19700101", "K29", null));
        byte[] bytes = envelope(hoso).getBytes(StandardCharsets.UTF_8);
        ClaimEnvelopeReader.Envelope read = ClaimEnvelopeReader.read(bytes);
        CallerIdentity demo = new CallerIdentity("demo", Set.of(Roles.PROVINCE_ADMIN), Optional.of(tenantCode),
                Set.of());
        ClaimEnvelope envelope = new ClaimEnvelope("demo-38001.xml", read.facility(), bytes.length, "demo");
        em.persist(envelope);
        em.flush();
        List<EnvelopeLine> lines = new ArrayList<>();
        for (ParsedClaim c : read.claims()) {
            lines.add(store.store(demo, envelope.getId(), c));
        }
        envelope.report(lines);
        LOG.infof("Demo claims of province %s: %d linked, %d waiting", tenantCode, envelope.getLinked(),
                envelope.getWaiting());
    }

    static String envelope(List<String> hoso) {
        return "<GIAMDINHHS><THONGTINDONVI><MACSKCB>38001</MACSKCB></THONGTINDONVI><THONGTINHOSO>"
                + "<DANHSACHHOSO>" + String.join("", hoso) + "</DANHSACHHOSO></THONGTINHOSO></GIAMDINHHS>";
    }

    static String claim(String key, String name, String personalId, String birth, String main,
                                String secondary) {
        return "<HOSO><FILEHOSO><LOAIHOSO>XML1</LOAIHOSO><NOIDUNGFILE><TONG_HOP><MA_LK>" + key + "</MA_LK>"
                + "<HO_TEN>" + name + "</HO_TEN>" + (personalId == null ? "" : "<SO_CCCD>" + personalId + "</SO_CCCD>")
                + "<NGAY_SINH>" + birth + "0000</NGAY_SINH><CHAN_DOAN_RV>Khám bệnh ngoại trú</CHAN_DOAN_RV>"
                + "<MA_BENH_CHINH>" + main + "</MA_BENH_CHINH>"
                + (secondary == null ? "" : "<MA_BENH_KT>" + secondary + "</MA_BENH_KT>")
                + "<NGAY_VAO>202511100800</NGAY_VAO><NGAY_RA>202511101030</NGAY_RA><MA_CSKCB>38001</MA_CSKCB>"
                + "</TONG_HOP></NOIDUNGFILE></FILEHOSO><FILEHOSO><LOAIHOSO>XML2</LOAIHOSO><NOIDUNGFILE>"
                + "<CHI_TIET_THUOC><MA_LK>" + key + "</MA_LK><TEN_THUOC>Paracetamol</TEN_THUOC><HAM_LUONG>500mg"
                + "</HAM_LUONG><SO_LUONG>10</SO_LUONG><DON_VI_TINH>Viên</DON_VI_TINH></CHI_TIET_THUOC>"
                + "</NOIDUNGFILE></FILEHOSO></HOSO>";
    }
}
