package vn.hssk.account.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.List;
import org.primefaces.PrimeFaces;
import vn.hssk.account.AccountService;
import vn.hssk.consult.HospitalService;
import vn.hssk.account.CreatedAccount;
import vn.hssk.shared.Roles;
import vn.hssk.shared.web.ScreenMessages;
import vn.hssk.station.StationService;

/**
 * The accounts screen of a province administrator: the province's accounts with role, communes and status; creating a
 * commune chair's or station staff member's account for chosen communes; disabling and enabling. The one-time password
 * of a new account is shown once, then dropped from the view.
 */
@Named
@ViewScoped
public class AccountsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String BUNDLE = "stationMsg";

    @Inject
    private AccountService accountService;

    @Inject
    private StationService stationService;

    @Inject
    private HospitalService hospitalService;

    private List<AccountRow> accounts;
    private List<CommuneChoice> communes;
    private List<CommuneChoice> hospitals;
    private AccountDraft draft = new AccountDraft();
    private String createdUsername;
    private String oneTimePassword;

    /** A commune offered in the form. */
    public record CommuneChoice(String code, String label) implements Serializable {

        public String getCode() {
            return code;
        }

        public String getLabel() {
            return label;
        }
    }

    public List<AccountRow> getAccounts() {
        if (accounts == null) {
            accounts = accountService.accounts().stream().map(AccountRow::new).toList();
        }
        return accounts;
    }

    public void create() {
        try {
            CreatedAccount created = accountService.create(draft.toRequest());
            createdUsername = created.account().username();
            oneTimePassword = created.temporaryPassword();
            info("accounts.created", createdUsername);
            draft = new AccountDraft();
            accounts = null;
            PrimeFaces.current().ajax().addCallbackParam("created", true);
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, "accountForm");
        }
    }

    /** Forgets the one-time password once the administrator has noted it. */
    public void passwordNoted() {
        oneTimePassword = null;
        createdUsername = null;
    }

    public void disable(AccountRow row) {
        try {
            accountService.disable(row.getUsername());
            info("accounts.disabled", row.getUsername());
            accounts = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public void enable(AccountRow row) {
        try {
            accountService.enable(row.getUsername());
            info("accounts.reenabled", row.getUsername());
            accounts = null;
        } catch (RuntimeException e) {
            ScreenMessages.failure(e, null);
        }
    }

    public List<CommuneChoice> getCommunes() {
        if (communes == null) {
            communes = stationService.communes(false).stream()
                    .map(u -> new CommuneChoice(u.getCode(), u.getCode() + " – " + u.getName())).toList();
        }
        return communes;
    }

    public List<String> getRoles() {
        return List.of(Roles.COMMUNE_CHAIR, Roles.STATION_STAFF, Roles.HOSPITAL_DOCTOR);
    }

    /** The open hospitals of the province, for a hospital doctor's account. */
    public List<CommuneChoice> getHospitals() {
        if (hospitals == null) {
            hospitals = hospitalService.list(false).stream()
                    .map(h -> new CommuneChoice(h.getFacilityCode(), h.getFacilityCode() + " – " + h.getName()))
                    .toList();
        }
        return hospitals;
    }

    private static void info(String key, Object... arguments) {
        FacesContext context = FacesContext.getCurrentInstance();
        String pattern = context.getApplication().getResourceBundle(context, BUNDLE).getString(key);
        String text = new MessageFormat(pattern, context.getViewRoot().getLocale()).format(arguments);
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    public AccountDraft getDraft() {
        return draft;
    }

    public String getCreatedUsername() {
        return createdUsername;
    }

    public String getOneTimePassword() {
        return oneTimePassword;
    }
}
