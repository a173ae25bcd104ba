package vn.hssk.citizen;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jboss.logging.Logger;
import vn.hssk.immunization.IssuedCertificate;
import vn.hssk.immunization.SessionBookings;
import vn.hssk.shared.ProblemException;
import vn.hssk.shared.Roles;
import vn.hssk.tenant.TenantCode;
import vn.hssk.tenant.TenantContext;
import vn.hssk.tenant.TenantEntry;
import vn.hssk.tenant.TenantRegistry;

/**
 * The citizen portal's entry: a citizen (a login brokered from the national identity provider, {@link CitizenIdentity})
 * sees their records in every active province that holds their personal ID, each province in its own transaction
 * and schema ({@link CitizenRecords}). A citizen's token names no province: the personal ID is the only key, and it
 * comes from the identity provider.
 */
@Stateless
@RolesAllowed(Roles.CITIZEN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CitizenPortal {

    private static final Logger LOG = Logger.getLogger(CitizenPortal.class);

    @Resource
    private EJBContext context;

    @Inject
    private CitizenRecords records;

    /** Every province that holds a live record with the citizen's personal ID, by province code. */
    public List<CitizenPlace> places() {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return fromEveryProvince("records", () -> records.place(citizen).stream().toList());
    }

    /** A certificate of the citizen's or a child's doses in {@code province}. */
    public IssuedCertificate certificate(String province, long personId, Locale locale) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.certificate(citizen, personId, locale));
    }

    /** Who read or changed the citizen's or a child's record in {@code province}, and when. */
    public List<AccessEntry> accessHistory(String province, long personId) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.accessHistory(citizen, personId));
    }

    /** Sends feedback about the citizen's or a child's record in {@code province} to that record's station. */
    public FeedbackView sendFeedback(String province, long personId, FeedbackRequest request) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.sendFeedback(citizen, personId, request));
    }

    /** The feedback the citizen sent, in every province that holds their record, newest first. */
    public List<FeedbackView> feedback() {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        List<FeedbackView> all = new ArrayList<>(fromEveryProvince("feedback", () -> records.feedback(citizen)));
        all.sort(Comparator.comparing(FeedbackView::sentAt).reversed());
        return all;
    }

    /** The sessions the citizen may book a place in for their own record or a child's in {@code province}. */
    public List<SessionBookings.OpenSession> sessions(String province, long personId) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.sessions(citizen, personId));
    }

    /** Books a place in a session for the citizen or a child; 409 when already booked or full. */
    public SessionBookings.OpenSession book(String province, long personId, long sessionId) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.book(citizen, personId, sessionId));
    }

    /** Gives a booked place back. */
    public SessionBookings.OpenSession cancelBooking(String province, long personId, long sessionId) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.cancelBooking(citizen, personId, sessionId));
    }

    /** Asks the station to correct the phone number and/or the address of the citizen's or a child's record. */
    public ChangeRequestView requestChange(String province, long personId, String phone, String address) {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        return in(province, () -> records.requestChange(citizen, personId, phone, address));
    }

    /** The citizen's change requests, in every province that holds their record, newest first. */
    public List<ChangeRequestView> changeRequests() {
        CitizenIdentity citizen = CitizenIdentity.of(context);
        List<ChangeRequestView> all = new ArrayList<>(fromEveryProvince("change requests",
                () -> records.changeRequests(citizen)));
        all.sort(Comparator.comparing(ChangeRequestView::sentAt).reversed());
        return all;
    }

    /**
     * What {@code work} answers in each active province in turn, each in its own schema and transaction. A province
     * that cannot answer (its database server down) is logged and skipped: it must not hide the others.
     */
    private static <T> List<T> fromEveryProvince(String what, Callable<List<T>> work) {
        List<T> all = new ArrayList<>();
        for (TenantEntry tenant : TenantRegistry.onPlatform().list()) {
            if (!tenant.isActive()) {
                continue;
            }
            try {
                all.addAll(TenantContext.callAs(tenant, work));
            } catch (Exception e) {
                LOG.warnf(e, "The citizen portal could not read the %s of province %s", what, tenant.code().value());
            }
        }
        return all;
    }

    private static <T> T in(String province, Callable<T> work) {
        Optional<TenantEntry> tenant = TenantCode.isValid(province)
                ? TenantRegistry.onPlatform().find(new TenantCode(province)).filter(TenantEntry::isActive)
                : Optional.empty();
        if (tenant.isEmpty()) {
            throw ProblemException.notFound("No record of yours in province " + province);
        }
        try {
            return TenantContext.callAs(tenant.get(), work);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
