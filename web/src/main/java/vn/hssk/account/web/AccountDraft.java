package vn.hssk.account.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import vn.hssk.account.NewAccount;

/** The account form. */
public class AccountDraft implements Serializable {

    private static final long serialVersionUID = 1L;

    private String username;
    private String email;
    private String firstName;
    private String lastName;
    private String role;
    private List<String> communes = new ArrayList<>();
    private String facility;

    NewAccount toRequest() {
        return new NewAccount(username, email, firstName, lastName, role, communes, null,
                facility == null || facility.isBlank() ? null : facility);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getRole() {
        return role;
    }

    public void setRole(String role) {
        this.role = role;
    }

    public String getFacility() {
        return facility;
    }

    public void setFacility(String facility) {
        this.facility = facility;
    }

    public List<String> getCommunes() {
        return communes;
    }

    public void setCommunes(List<String> communes) {
        this.communes = communes == null ? new ArrayList<>() : new ArrayList<>(communes);
    }
}
