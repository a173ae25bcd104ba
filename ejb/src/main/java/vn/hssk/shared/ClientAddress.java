package vn.hssk.shared;

import jakarta.enterprise.context.RequestScoped;
import java.io.Serializable;

/**
 * Where the current request came from, for the audit trail. The web layer records it once per request; work without
 * a request (timers, batch) leaves it empty.
 */
@RequestScoped
public class ClientAddress implements Serializable {

    private static final long serialVersionUID = 1L;

    private String address;

    public String get() {
        return address;
    }

    public void record(String address) {
        this.address = address;
    }
}
